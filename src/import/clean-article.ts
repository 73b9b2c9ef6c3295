/**
 * Cleaning the article once found: images to figures with their captions, lazy and saved images
 * to their real files, links made plain or dropped (tracking, tag pages, keywords, lists of other
 * posts), code listings and tables made fit for Markdown, `<br>` runs made paragraphs.
 */
import type { SavedPageImages } from "./assets.ts";
import { isTagPageUrl, isTrackingUrl, redirectTarget, withoutTracking } from "./addresses.ts";
import { CAPTION_NAME, CAPTION_WORDS, DECORATION_IMAGE, FILE_NAME_TEXT, METADATA_LABEL, IMAGE_PATH, LAZY_SOURCES, PLACEHOLDER, PLACEHOLDER_IMAGE } from "./rules.ts";
import { BLOCK_ELEMENTS, httpUrl, INLINE_ELEMENTS, names, type Doc, type El } from "./dom.ts";

// Sites link their keywords (科学, 中国) inside sentences; a longer link text is a real link.
const KEYWORD_LINK_MAX = 6;

/**
 * An image alone in its block with a short caption beside it (in the same block, or in the next
 * block by its class, its centring or words like 图/摄) is a figure: CMSs write them so instead of
 * <figure>. A placeholder such as 点击查看大图 is no caption.
 */
export function captionedImagesToFigures(document: Doc): void {
  imageTablesToFigures(document);
  for (const image of [...document.querySelectorAll("img")]) {
    const wrapper = image.parentElement?.tagName === "A" ? image.parentElement : image;
    const holder = wrapper.parentElement;
    if (!holder || !CAPTION_HOLDERS.has(holder.tagName) || holder.closest("figure") || holder.querySelectorAll("img").length !== 1) continue;
    // Beside the image, inline words, or one short block of them (`<div class="photo"><img><p>说明</p></div>`).
    const blocks = [...holder.children].filter((child) => !INLINE_ELEMENTS.has(child.tagName) && child.tagName !== "BR" && child !== wrapper);
    if (blocks.length > 1 || (blocks[0] && !CAPTION_HOLDERS.has(blocks[0].tagName) && blocks[0].tagName !== "FIGCAPTION")) continue;
    if (blocks[0] && (blocks[0].querySelector("img") || [...blocks[0].children].some((child) => !INLINE_ELEMENTS.has(child.tagName)))) continue;
    const inside = (holder.textContent ?? "").replace(/\s+/g, " ").trim();
    let caption = inside || captionBelow(holder);
    caption = caption.replace(/^[▲△↑]\s*/, "");
    // A post's meta line beside an icon (`发表于 2016-4-3 10:12 | 只看该作者`) is no caption.
    if (!caption || caption.length > 120 || isPlaceholder(caption) || /[|｜]/.test(caption) || METADATA_LABEL.test(caption)) caption = "";
    if (!caption && inside) continue;
    const figure = document.createElement("figure");
    figure.append(wrapper);
    if (caption) {
      const figcaption = document.createElement("figcaption");
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    // A table's cell stays (the layout around it is undone later); any other holder becomes the figure.
    if (holder.tagName === "TD") holder.replaceChildren(figure);
    else holder.replaceWith(figure);
  }
  // A slideshow's list of pictures is its figures, one after another.
  for (const list of [...document.querySelectorAll("ul, ol")]) {
    if (list.children.length > 0 && [...list.children].every((child) => child.tagName === "FIGURE")) list.replaceWith(...list.children);
  }
}

const isPlaceholder = (text: string) => PLACEHOLDER.test(text.replace(/^[▲△↑]\s*/, ""));
const oneLine = (element: El) => element.textContent?.replace(/\s+/g, " ").trim() ?? "";

/**
 * The caption under an image that stands alone in its block: the next block (or, in a table, the
 * next row's one cell) when its class, its centring or its words (图/摄/提供) say it is one. A
 * `点击查看大图` between them goes. The caption's block is taken out; its text is returned.
 */
function captionBelow(holder: El): string {
  const below = (element: El): El | null => {
    if (element.tagName !== "TD") return element.nextElementSibling;
    const row = element.parentElement;
    if (!row || [...row.children].filter((cell) => cell !== element && oneLine(cell)).length > 0) return null;
    const cells = [...(row.nextElementSibling?.children ?? [])].filter((cell) => oneLine(cell) || cell.querySelector("img"));
    return cells.length === 1 ? cells[0]! : null;
  };
  const fits = (element: El | null): element is El => element !== null && CAPTION_HOLDERS.has(element.tagName) && !element.querySelector("img, table");
  let next = below(holder);
  while (fits(next) && isPlaceholder(oneLine(next))) {
    const placeholder = next;
    next = below(next);
    removeCaptionHolder(placeholder);
  }
  if (!fits(next)) return "";
  const text = oneLine(next);
  const looksLikeCaption = CAPTION_NAME.test(`${next.getAttribute("class") ?? ""} ${next.getAttribute("id") ?? ""}`) ||
    /text-align\s*:\s*center/i.test(next.getAttribute("style") ?? "") || next.getAttribute("align")?.toLowerCase() === "center" || CAPTION_WORDS.test(text);
  if (!text || text.length > 120 || next.querySelector("a[href]") || !looksLikeCaption) return "";
  removeCaptionHolder(next);
  return text;
}

/** A caption's block goes; in a table, with its row. */
function removeCaptionHolder(element: El): void {
  if (element.tagName === "TD" && element.parentElement?.tagName === "TR") element.parentElement.remove();
  else element.remove();
}

const CAPTION_HOLDERS = new Set(["P", "DIV", "SPAN", "SECTION", "CENTER", "TD", "LI"]);

/** The token of the first candidate that is a copyable file of the saved page's folder; null when they are its files but none can be copied. */
function savedCopy(candidates: (string | null | undefined)[], savedImages: SavedPageImages, original: string | undefined): string | null | undefined {
  let refused = false;
  for (const value of candidates) {
    if (!value || PLACEHOLDER_IMAGE.test(value) || DECORATION_IMAGE.test(value)) continue;
    const token = savedImages.resolve(value, original);
    if (token) return token;
    if (token === null) refused = true;
  }
  return refused ? null : undefined;
}

/** Links, images and link lists of the extracted article, made safe and plain. */
export function tidyContent(content: El, pageUrl: URL | undefined, origin: string | undefined, savedImages?: SavedPageImages): void {
  for (const figure of [...content.querySelectorAll("figure")]) {
    // A figure whose image the scraper dropped still links to the image file.
    if (figure.querySelector("img")) continue;
    const link = [...figure.querySelectorAll("a[href]")].find((a) => IMAGE_PATH.test(a.getAttribute("href") ?? ""));
    if (!link) continue;
    const image = content.ownerDocument.createElement("img");
    image.setAttribute("src", link.getAttribute("href")!);
    image.setAttribute("alt", link.getAttribute("data-caption") ?? link.getAttribute("title") ?? "");
    link.replaceWith(image);
  }
  for (const image of [...content.querySelectorAll("img")]) {
    // A thumbnail that links to its image file: the file is the picture to keep.
    const fullSize = image.parentElement?.tagName === "A" ? image.parentElement.getAttribute("href") : null;
    const candidates = [
      fullSize && IMAGE_PATH.test(fullSize) ? fullSize : null,
      ...LAZY_SOURCES.map((name) => image.getAttribute(name)),
      largestInSrcset(image.getAttribute("data-srcset")),
      // The widest a srcset offers (`…-1600x900.png 1600w`) is the picture; src is its small stand-in.
      largestInSrcset(image.getAttribute("srcset")),
      image.getAttribute("src"),
    ];
    const absolute = (value: string | null | undefined) => (/^(?:https?:)?\/\//i.test(value ?? "") ? httpUrl(value!, pageUrl) : undefined);
    const tiny = ["width", "height"].some((name) => Number(image.getAttribute(name)) > 0 && Number(image.getAttribute(name)) <= 3);
    // A page saved with its files shows the copy beside it; the origin's address is kept as its source.
    const saved = savedImages && !tiny ? savedCopy(candidates, savedImages, candidates.map(absolute).find(Boolean)?.href) : undefined;
    const src = saved === undefined ? candidates.map((value) => httpUrl(value ?? undefined, pageUrl)).find((url) => url && !PLACEHOLDER_IMAGE.test(url.pathname) && !DECORATION_IMAGE.test(url.pathname)) : undefined;
    if ((!src && !saved) || tiny) {
      image.remove();
      continue;
    }
    for (const name of [...image.getAttributeNames()]) {
      if (!["alt", "title"].includes(name) || FILE_NAME_TEXT.test(image.getAttribute(name)!.trim())) image.removeAttribute(name);
    }
    image.setAttribute("src", saved ?? withoutTracking(src!).href);
  }
  for (const noscript of [...content.querySelectorAll("noscript")]) noscript.remove();
  codeTablesToPre(content);
  for (const pre of [...content.querySelectorAll("pre")]) {
    // Turndown fences <pre><code>; a bare <pre> would lose its line breaks.
    for (const lineBreak of [...pre.querySelectorAll("br")]) lineBreak.replaceWith("\n");
    if (pre.querySelector("code")) continue;
    const code = content.ownerDocument.createElement("code");
    code.textContent = pre.textContent ?? "";
    pre.replaceChildren(code);
  }
  layoutTablesToBlocks(content);
  // A table's first row heads it when no row does: GFM tables need a heading row.
  for (const table of [...content.querySelectorAll("table")]) {
    if (table.querySelector("th")) continue;
    const first = table.querySelector("tr");
    for (const cell of [...(first?.querySelectorAll("td") ?? [])]) {
      const heading = content.ownerDocument.createElement("th");
      heading.append(...cell.childNodes);
      cell.replaceWith(heading);
    }
  }
  for (const block of [...content.querySelectorAll("p, ul, ol, div, section")]) {
    if (block.isConnected && (isLinkList(block, origin) || isCategoryLabel(block, pageUrl))) block.remove();
  }
  paragraphsFromLineBreaks(content);
  for (const link of [...content.querySelectorAll("a")]) {
    const url = redirectTarget(httpUrl(link.getAttribute("href") ?? undefined, pageUrl));
    const text = link.textContent?.trim() ?? "";
    const hasImage = link.querySelector("img") !== null;
    if ((!text && !hasImage) || (url && !hasImage && isTagPageUrl(url) && standsAlone(link))) link.remove();
    else if (!url || isTrackingUrl(url) || isKeywordLink(link, url, origin) || hasImage) link.replaceWith(...link.childNodes);
    else {
      for (const name of [...link.getAttributeNames()]) link.removeAttribute(name);
      link.setAttribute("href", withoutTracking(url).href);
    }
  }
}

/**
 * Old portals lay a page out in tables: a table that is not one of data (at least two rows of at
 * least two cells with words) is layout, and its cells' contents take its place, in reading order.
 * Innermost first, so a data table inside a layout table stays.
 */
function layoutTablesToBlocks(content: El): void {
  const document = content.ownerDocument;
  for (const table of [...content.querySelectorAll("table")].reverse()) {
    if (!table.isConnected) continue;
    const rows = [...table.querySelectorAll("tr")].filter((row) => row.closest("table") === table);
    const cellsWithWords = (row: El) => [...row.children].filter((cell) => /^T[DH]$/.test(cell.tagName) && (cell.textContent ?? "").trim() !== "").length;
    if (rows.filter((row) => cellsWithWords(row) >= 2).length >= 2 && !table.querySelector("table")) continue;
    const blocks: Node[] = [];
    for (const row of rows) {
      for (const cell of [...row.children].filter((child) => /^T[DH]$/.test(child.tagName))) {
        if ((cell.textContent ?? "").trim() === "" && !cell.querySelector("img")) continue;
        const holder = document.createElement("div");
        holder.append(...cell.childNodes);
        blocks.push(holder);
      }
    }
    table.replaceWith(...blocks);
  }
}

/**
 * An image in a table of its own, its caption in another cell (`<table><tr><td><img></td></tr><tr>
 * <td>说明</td></tr></table>`), is a figure, as old CMSs place pictures.
 */
function imageTablesToFigures(document: Doc): void {
  for (const table of [...document.querySelectorAll("table")]) {
    if (table.querySelector("table") || table.querySelectorAll("img").length !== 1 || table.querySelectorAll("tr").length > 3) continue;
    const image = table.querySelector("img")!;
    const cells = [...table.querySelectorAll("td, th")];
    const imageCell = image.closest("td, th");
    if ((imageCell?.textContent ?? "").trim() !== "" || table.querySelector("a[href]:not(:has(img))")) continue;
    const caption = cells.filter((cell) => cell !== imageCell).map((cell) => cell.textContent?.replace(/\s+/g, " ").trim() ?? "").filter(Boolean).join(" ");
    if (caption.length > 120 || PLACEHOLDER.test(caption)) continue;
    const figure = document.createElement("figure");
    figure.append(image.parentElement?.tagName === "A" ? image.parentElement : image);
    if (caption) {
      const figcaption = document.createElement("figcaption");
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    table.replaceWith(figure);
  }
}

/** A code listing with line numbers, laid out as a table (numbers in one cell, code in the next): its code. */
function codeTablesToPre(content: El): void {
  for (const table of [...content.querySelectorAll("table")]) {
    const cells = [...table.querySelectorAll("td")];
    const numeric = (cell: El) => /^[\d\s]+$/.test(cell.textContent ?? "");
    const code = cells.find((cell) => cell.querySelector("pre") && !numeric(cell));
    const numbers = cells.find(numeric);
    if (table.querySelectorAll("tr").length === 1 && code && numbers) table.replaceWith(code.querySelector("pre")!);
  }
}

/**
 * Old CMSs and forums separate paragraphs with `<br>` inside one block: each run of text between
 * line breaks becomes a paragraph of its own.
 */
function paragraphsFromLineBreaks(content: El): void {
  const document = content.ownerDocument;
  for (const holder of [...content.querySelectorAll("p, div, td, blockquote, section, article, font, span")]) {
    if (!holder.isConnected || holder.closest("pre, li, table th") || ![...holder.children].some((child) => child.tagName === "BR")) continue;
    const runs: Node[][] = [[]];
    for (const child of [...holder.childNodes]) {
      if ((child as El).tagName === "BR") runs.push([]);
      else if (INLINE_ELEMENTS.has(child.nodeName)) runs.at(-1)!.push(child);
      else runs.push([child], []);
    }
    const blocks = runs
      .filter((run) => run.some((node) => (node.textContent ?? "").trim() !== "" || node.nodeName === "IMG" || (node as El).querySelector?.("img")))
      .map((run) => {
        if (run.length === 1 && !INLINE_ELEMENTS.has(run[0]!.nodeName)) return run[0]!;
        const paragraph = document.createElement("p");
        paragraph.append(...run);
        return paragraph;
      });
    if (holder.tagName === "P" || INLINE_ELEMENTS.has(holder.tagName)) holder.replaceWith(...blocks);
    else holder.replaceChildren(...blocks);
  }
}

/** The widest image a srcset offers (`a.jpg 480w, b.jpg 1024w`). */
function largestInSrcset(srcset: string | null): string | undefined {
  const candidates = (srcset ?? "").split(/,\s+/).map((entry) => {
    const [url, size] = entry.trim().split(/\s+/);
    return { url, width: Number.parseFloat(size ?? "1") || 1 };
  });
  return candidates.filter((candidate) => candidate.url).sort((a, b) => b.width - a.width)[0]?.url;
}

/** A link to the origin site's tag or keyword pages, or a short keyword linked inside a sentence. */
function isKeywordLink(link: El, url: URL, origin: string | undefined): boolean {
  if (/\btag\b/.test(link.getAttribute("rel") ?? "")) return true;
  if (names(link).some((part) => /^(?:tag|tags|keyword|keywords|keywordlink|st|label)$/.test(part))) return true;
  const parent = link.parentElement;
  if (parent && names(parent).some((part) => /keyword/.test(part))) return true;
  const sameSite = origin !== undefined && url.host === origin;
  if (sameSite && isTagPageUrl(url)) return true;
  const text = link.textContent?.trim() ?? "";
  return sameSite && text.length <= KEYWORD_LINK_MAX && !/[\s\p{P}]/u.test(text);
}

/** A link between blocks, with no words of a sentence beside it: a label (a category above a title), not text. */
function standsAlone(link: El): boolean {
  const beside = (step: (node: Node) => Node | null): boolean => {
    let node = step(link);
    while (node && node.nodeType === 3 && !(node.textContent ?? "").trim()) node = step(node);
    return node === null ? link.parentElement !== null && !INLINE_ELEMENTS.has(link.parentElement.tagName) : node.nodeType === 1 && BLOCK_ELEMENTS.has((node as El).tagName);
  };
  return beside((node) => node.previousSibling) && beside((node) => node.nextSibling);
}

/** A block that is one link to a tag or category page and nothing else (`DevOps` above a title): a label, not text. */
function isCategoryLabel(block: El, pageUrl: URL | undefined): boolean {
  const links = block.querySelectorAll("a[href]");
  if (links.length !== 1 || block.querySelector("img")) return false;
  const url = httpUrl(links[0]!.getAttribute("href") ?? undefined, pageUrl);
  return url !== undefined && isTagPageUrl(url) && (block.textContent ?? "").trim() === (links[0]!.textContent ?? "").trim();
}

/** A block that is mostly links into the site itself: a list of other posts. */
function isLinkList(block: El, origin: string | undefined): boolean {
  const links = [...block.querySelectorAll("a[href]")];
  if (links.length < 2) return false;
  const text = (block.textContent ?? "").replace(/\s+/g, "");
  const linkText = links.map((link) => (link.textContent ?? "").replace(/\s+/g, "")).join("");
  if (linkText.length < text.length * 0.7) return false;
  const internal = links.filter((link) => {
    const url = httpUrl(link.getAttribute("href") ?? undefined);
    return !url || url.host === origin;
  });
  return internal.length >= links.length / 2;
}
