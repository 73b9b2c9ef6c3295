/**
 * Finding the article in a page: the site's furniture (hidden blocks, navigation, containers
 * named for ads, shares, comments, related posts) removed, then the main text chosen by Mozilla
 * Readability. What counts as furniture is in rules.ts.
 */
import { Readability } from "@mozilla/readability";
import { BOILERPLATE_NAME_PARTS, BOILERPLATE_NAME_PREFIXES, CONTENT_NAME_PARTS, RELATED_START, ROW_LABEL, STRIPPED_ELEMENTS } from "./rules.ts";
import { nameTokens, parseDocument, type Doc, type El } from "./dom.ts";

/** The page has no article text to import. */
export class NoArticleError extends Error {}

/** Elements that never hold the article, and hidden furniture, go; returns the length of the page's text left. */
export function removeNonContent(document: Doc): number {
  // ASP.NET and many CMSs wrap the whole page in one <form>: a form holding much of the page's text is a wrapper.
  const wholeLength = document.body.textContent?.length ?? 0;
  for (const form of [...document.querySelectorAll("form")]) {
    if ((form.textContent?.length ?? 0) >= wholeLength * 0.3) form.replaceWith(...form.childNodes);
  }
  removeElements(document, STRIPPED_ELEMENTS.filter((name) => !["nav", "aside", "footer"].includes(name)));
  const pageLength = document.body.textContent?.length ?? 0;
  removeHidden(document, pageLength);
  return pageLength;
}

/**
 * A table of labelled rows (`標題 | …`, `發布日期 | 109-06-15`, `內容 | the text`), as government and
 * school sites lay out an item: each short row becomes one line `label：value`, so the metadata reads
 * as labelled lines do; the row holding the text keeps only the text.
 */
export function labelledRowsToLines(document: Doc): void {
  for (const table of [...document.querySelectorAll("table")]) {
    const rows = [...table.querySelectorAll("tr")].filter((row) => row.closest("table") === table);
    const labelled = rows.filter((row) => {
      const cells = [...row.children].filter((cell) => /^T[DH]$/.test(cell.tagName));
      return cells.length === 2 && ROW_LABEL.test(cells[0]!.textContent?.replace(/[\s:：]+/g, "") ?? "") && looksLikeLabel(cells[0]!, cells[1]!);
    });
    if (labelled.length < 3 || table.querySelector("table")) continue;
    for (const row of labelled) {
      const [label, value] = [...row.children].filter((cell) => /^T[DH]$/.test(cell.tagName)) as [El, El];
      const text = value.textContent?.replace(/\s+/g, " ").trim() ?? "";
      if (text.length > 100 || value.querySelector("p, br, div, img")) {
        label.remove();
        continue;
      }
      label.textContent = `${label.textContent?.replace(/[\s:：]+/g, "")}：${text}`;
      value.remove();
    }
  }
}

/** A row's first cell marked as a label: a header cell, bold, ending in a colon, or shaded apart from its value. */
function looksLikeLabel(label: El, value: El): boolean {
  const text = label.textContent?.trim() ?? "";
  const bold = label.querySelector("b, strong, label");
  const shade = (cell: El) => `${cell.getAttribute("bgcolor") ?? ""}${cell.getAttribute("class") ?? ""}${/background[^;]*/i.exec(cell.getAttribute("style") ?? "")?.[0] ?? ""}`;
  return label.tagName === "TH" || /[:：]$/.test(text) || (bold !== null && bold.textContent?.trim() === text) || shade(label) !== shade(value);
}

/** The page's navigation, and containers of its furniture (by their names or labels), go. */
export function removeFurniture(document: Doc, pageLength: number): void {
  removeElements(document, ["nav", "aside", "footer"]);
  for (const element of [...document.body.querySelectorAll("*")]) {
    if (element.isConnected && isBoilerplate(element, pageLength)) element.remove();
  }
}

/**
 * The article's content, as Readability finds it in what is left of the page; and the title it
 * read. A captioned figure just above the text it chose (the lead picture in a row or a block of
 * its own, as portals lay it out) is put back above that text.
 */
export function readableArticle(document: Doc): { content: El; title?: string } {
  const figures = captionedFigures(document);
  const readable = new Readability(document as unknown as Document, { charThreshold: 100, keepClasses: false }).parse();
  if (!readable?.content) throw new NoArticleError("has no article text (no block of running text was found)");
  const content = parseDocument(readable.content).body as unknown as El;
  for (const { html, image, followedBy } of figures) {
    if (!followedBy || [...content.querySelectorAll("img")].some((img) => img.getAttribute("src") === image)) continue;
    const at = [...content.querySelectorAll("p, div, h2, h3, h4, blockquote, li")].find((block) => words(block.textContent ?? "").startsWith(followedBy));
    if (at) at.before(...parseDocument(html).body.childNodes);
  }
  return { content, title: readable.title ?? undefined };
}

const words = (text: string) => text.replace(/[\s\u3000]+/g, "");

/** Each captioned figure of the page, with the first words of the text that follows it. */
function captionedFigures(document: Doc): { html: string; image: string | null; followedBy: string }[] {
  return [...document.querySelectorAll("figure")]
    .filter((figure) => figure.querySelector("img") && words(figure.querySelector("figcaption")?.textContent ?? "") !== "")
    .map((figure) => ({ html: figure.outerHTML, image: figure.querySelector("img")!.getAttribute("src"), followedBy: wordsAfter(figure).slice(0, 20) }));
}

/** The words that come after the element in reading order, past any figures beside it. */
function wordsAfter(element: El): string {
  for (let node: Node | null = element; node && node.nodeName !== "BODY"; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      // The figures of one row or slideshow all stand above the same text.
      if (next.nodeName === "FIGURE") continue;
      const text = words(next.textContent ?? "");
      if (text) return text;
    }
  }
  return "";
}

/** A container of the site's furniture, by its class or id words or its label, that holds no large share of the page's text. */
export function isBoilerplate(element: El, pageLength: number): boolean {
  if (["BODY", "HTML", "MAIN", "ARTICLE"].includes(element.tagName)) return false;
  const label = element.getAttribute("title") ?? element.getAttribute("aria-label") ?? "";
  const furniture = (part: string) => BOILERPLATE_NAME_PARTS.has(part) || BOILERPLATE_NAME_PREFIXES.some((prefix) => part.startsWith(prefix));
  // A compound name says what the element is by its last word: `gh-article-excerpt` is an excerpt,
  // `article-content` content, `comment-list` a list of comments (furniture by its first word).
  const tokens = nameTokens(element);
  const content = tokens.some((parts) => CONTENT_NAME_PARTS.has(parts.at(-1)!));
  const named = !content && tokens.some((parts) => parts.some(furniture));
  if (!named && !RELATED_START.test(label.trim())) return false;
  // Never the article itself, whatever its class says.
  const length = element.textContent?.length ?? 0;
  return length < pageLength * 0.4 || length < 200;
}

function removeElements(document: Doc, tags: string[]): void {
  for (const element of [...document.querySelectorAll(tags.join(","))]) element.remove();
}

/** Hidden furniture goes; a hidden block holding much of the page is the article a script would reveal. */
function removeHidden(document: Doc, pageLength: number): void {
  for (const element of [...document.querySelectorAll("[hidden], [aria-hidden=true], [style]")]) {
    const hidden = element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true" ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute("style") ?? "");
    if (!hidden) continue;
    if ((element.textContent?.length ?? 0) < pageLength * 0.3) element.remove();
    else for (const name of ["hidden", "aria-hidden", "style"]) element.removeAttribute(name);
  }
}
