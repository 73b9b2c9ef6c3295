/**
 * A saved HTML page → the article's metadata and Markdown body. Metadata comes from the page's
 * markup first (markup.ts), then its words; the main text is found by Mozilla Readability (on a
 * linkedom DOM) after the site's furniture is removed, then tidied by the rules in boilerplate.ts
 * and written as Markdown by Turndown.
 */
import { Readability } from "@mozilla/readability";
import type { SavedPageImages } from "./assets.ts";
import { articleBlocks, sameWords } from "./blocks.ts";
import {
  BOILERPLATE_NAME_PARTS, BOILERPLATE_NAME_PREFIXES, PLACEHOLDER, RELATED_START, STRIPPED_ELEMENTS, isTagPageUrl, isTrackingUrl, withoutTracking,
} from "./boilerplate.ts";
import { httpUrl, names, parseDocument, type Doc, type El } from "./dom.ts";
import { closingAgency, metadataFromLines, mergeMetadata } from "./metadata.ts";
import { cleanTitle, commonestLinkHost, markupMetadata, pageAddress, savedFromAddress, siteName } from "./markup.ts";
import { htmlToMarkdown, markdownBlocks } from "./markdown.ts";
import type { Extracted } from "./text.ts";

/** The page has no article text to import. */
export class NoArticleError extends Error {}

const BLOCKS = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH", "FIGURE", "FIGCAPTION", "SECTION", "ARTICLE", "HEADER", "FOOTER", "MAIN", "UL", "OL", "DL", "DT", "DD", "ASIDE", "NAV", "BR", "HR", "ADDRESS", "CENTER"]);
const CONTENT_NAME_PARTS = new Set(["article", "content", "main", "post", "entry", "body", "story", "text", "detail", "news", "single", "page"]);
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp)(?:$|[?#])/i;
// Lazy-loading pages put a tiny stand-in in src until a script swaps in the real address.
const PLACEHOLDER_IMAGE = /(?:^|\/)(?:blank|spacer|placeholder|loading|lazy|grey|gray|pixel|transparent|1x1)[\w-]*\.(?:gif|png|svg)$/i;
const LAZY_SOURCES = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url", "data-echo", "data-lazyload", "file"];
// Sites link their keywords (科学, 中国) inside sentences; a longer link text is a real link.
const KEYWORD_LINK_MAX = 6;

// Readability's time grows steeply with depth; real articles sit a few dozen levels down.
const MAX_DEPTH = 400;

// Parsing itself slows steeply past some thousands of levels (300,000 unclosed <b> took linkedom
// 113 s), so the markup is measured first. Void tags never nest and the parser closes p, li, td…
// at the next of their kind, so those are not counted; everything else, <font> and <b> included.
const UNCOUNTED_TAGS = new Set("area base br col embed hr img input link meta source track wbr p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp".split(" "));
// [^<>]: a tag never runs across another `<`, so an unclosed one costs one step, not a scan to the end.
const TAG_IN_MARKUP = /<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g;
// Only in SVG and MathML does `<x/>` close itself; HTML ignores the slash (`<div/>` opens a div).
const FOREIGN_ROOTS = new Set(["svg", "math"]);
// Parsed in about 0.2 s; pages that never close <font> reach some thousands, and lose it after parsing.
const MAX_MARKUP_DEPTH = 10_000;

/** How deep the markup's tags nest as written (a fast upper bound of the parsed depth for most tags). */
function markupDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let foreign = 0;
  for (const match of html.matchAll(TAG_IN_MARKUP)) {
    const name = match[2]!.toLowerCase();
    const closing = Boolean(match[1]);
    if (FOREIGN_ROOTS.has(name) && !match[3]) foreign = Math.max(0, foreign + (closing ? -1 : 1));
    if (UNCOUNTED_TAGS.has(name) || (match[3] && foreign > 0)) continue;
    if (name === "script" || name === "style") continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_MARKUP_DEPTH) break;
  }
  return deepest;
}

function nestingDepth(root: El): number {
  let deepest = 0;
  const stack: [El, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function extractFromHtml(html: string, timeZone: string, savedImages?: SavedPageImages): Extracted {
  if (markupDepth(html) > MAX_MARKUP_DEPTH) {
    throw new NoArticleError(`has markup nested more than ${MAX_MARKUP_DEPTH} levels deep (pages deeper than ${MAX_DEPTH} are not read)`);
  }
  const document = parseDocument(html);
  // <font> is presentation only; pages that never close it nest it thousands deep.
  for (const font of [...document.querySelectorAll("font")]) font.replaceWith(...font.childNodes);
  const depth = nestingDepth(document.body as unknown as El);
  if (depth > MAX_DEPTH) throw new NoArticleError(`has markup nested ${depth} levels deep (pages deeper than ${MAX_DEPTH} are not read)`);
  const savedFrom = savedFromAddress(html);
  const pageUrl = (savedFrom && withoutTracking(savedFrom)) ?? pageAddress(document);
  const origin = pageUrl?.host ?? commonestLinkHost(document);
  const site = siteName(document);

  let metadata = markupMetadata(document, timeZone);
  metadata.sourceUrl ??= pageUrl?.href;

  removeElements(document, STRIPPED_ELEMENTS.filter((name) => !["nav", "aside", "footer"].includes(name)));
  const pageLength = document.body.textContent?.length ?? 0;
  removeHidden(document, pageLength);
  const lines = textLines(document.body as unknown as El, (element) => isBoilerplate(element, pageLength) && !/footer|copyright/i.test(names(element).join(" ")));
  const titleIndex = metadata.title ? lines.findIndex((line) => sameWords(line, metadata.title!)) : -1;
  const fromText = metadataFromLines(lines, titleIndex, timeZone);
  // A `来源：` line in the article names its source better than the site's own publisher field.
  const source = fromText.source ?? metadata.source;
  metadata = { ...mergeMetadata(metadata, fromText), source };

  removeElements(document, ["nav", "aside", "footer"]);
  for (const element of [...document.body.querySelectorAll("*")]) {
    if (element.isConnected && isBoilerplate(element, pageLength)) element.remove();
  }
  captionedImagesToFigures(document);
  const readable = new Readability(document as unknown as Document, { charThreshold: 100, keepClasses: false }).parse();
  if (!readable?.content) throw new NoArticleError("has no article text (no block of running text was found)");
  metadata.title ??= cleanTitle(readable.title ?? "", site);

  const content = parseDocument(readable.content).body as unknown as El;
  tidyContent(content, pageUrl, origin, savedImages);
  const markdown = htmlToMarkdown(content.innerHTML);
  const blocks = articleBlocks(markdownBlocks(markdown), metadata.title);
  const paragraphs = blocks.filter((block) => !/^(?:#|!\[|```|\||>|- |\d+\. )/.test(block.markdown)).map((block) => block.text);
  metadata.source ??= closingAgency(paragraphs.at(-1)) ?? site;
  return { metadata, body: blocks.map((block) => block.markdown).join("\n\n"), paragraphs };
}

/** A container of the site's furniture, by its class or id words or its label, that holds no large share of the page's text. */
function isBoilerplate(element: El, pageLength: number): boolean {
  if (["BODY", "HTML", "MAIN", "ARTICLE"].includes(element.tagName)) return false;
  const label = element.getAttribute("title") ?? element.getAttribute("aria-label") ?? "";
  const parts = names(element);
  const furniture = (part: string) => BOILERPLATE_NAME_PARTS.has(part) || BOILERPLATE_NAME_PREFIXES.some((prefix) => part.startsWith(prefix));
  const named = parts.some(furniture) && !parts.some((part) => CONTENT_NAME_PARTS.has(part));
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

/** The page's text as lines, block by block, leaving out what `skip` says. */
function textLines(root: El, skip: (element: El) => boolean): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  const walk = (node: El): void => {
    for (const child of [...node.childNodes] as El[]) {
      if (child.nodeType === 3) current += child.textContent ?? "";
      else if (child.nodeType === 1) {
        if (skip(child)) continue;
        const block = BLOCKS.has(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

const CAPTION_NAME = /caption|note|desc|pic|photo|img|image|tuzhu|explain|illus|legend/i;
const CAPTION_WORDS = /^(?:[图圖]|[图圖]片|[图圖]为|[圖圖]為|[图圖][:：]|（[图圖]|\([图圖])|[摄攝](?:影)?$|[摄攝]）$|[供提]供）?$/;

/**
 * An image alone in its block with a short caption beside it (in the same block, or in the next
 * block by its class, its centring or words like 图/摄) is a figure: CMSs write them so instead of
 * <figure>. A placeholder such as 点击查看大图 is no caption.
 */
function captionedImagesToFigures(document: Doc): void {
  const isPlaceholder = (text: string) => PLACEHOLDER.test(text.replace(/^[▲△↑]\s*/, ""));
  for (const image of [...document.querySelectorAll("img")]) {
    const wrapper = image.parentElement?.tagName === "A" ? image.parentElement : image;
    const holder = wrapper.parentElement;
    if (!holder || !CAPTION_HOLDERS.has(holder.tagName) || holder.closest("figure") || holder.querySelectorAll("img").length !== 1) continue;
    if ([...holder.children].some((child) => !INLINE.has(child.tagName) && child !== wrapper)) continue;
    const inside = (holder.textContent ?? "").replace(/\s+/g, " ").trim();
    let caption = inside;
    const next = holder.nextElementSibling;
    if (!inside && next && CAPTION_HOLDERS.has(next.tagName) && !next.querySelector("img")) {
      const text = next.textContent?.replace(/\s+/g, " ").trim() ?? "";
      const looksLikeCaption = CAPTION_NAME.test(`${next.getAttribute("class") ?? ""} ${next.getAttribute("id") ?? ""}`) ||
        /text-align\s*:\s*center/i.test(next.getAttribute("style") ?? "") || CAPTION_WORDS.test(text);
      if (text && text.length <= 120 && (looksLikeCaption || isPlaceholder(text))) {
        next.remove();
        caption = text;
      }
    }
    if (!caption || caption.length > 120 || isPlaceholder(caption)) caption = "";
    if (!caption && inside) continue;
    const figure = document.createElement("figure");
    figure.append(wrapper);
    if (caption) {
      const figcaption = document.createElement("figcaption");
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    holder.replaceWith(figure);
  }
}

const CAPTION_HOLDERS = new Set(["P", "DIV", "SPAN", "SECTION", "CENTER"]);

/** The token of the first candidate that is a copyable file of the saved page's folder; null when they are its files but none can be copied. */
function savedCopy(candidates: (string | null | undefined)[], savedImages: SavedPageImages, original: string | undefined): string | null | undefined {
  let refused = false;
  for (const value of candidates) {
    if (!value || PLACEHOLDER_IMAGE.test(value)) continue;
    const token = savedImages.resolve(value, original);
    if (token) return token;
    if (token === null) refused = true;
  }
  return refused ? null : undefined;
}

/** Links, images and link lists of the extracted article, made safe and plain. */
function tidyContent(content: El, pageUrl: URL | undefined, origin: string | undefined, savedImages?: SavedPageImages): void {
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
      image.getAttribute("src"),
      largestInSrcset(image.getAttribute("srcset")),
    ];
    const absolute = (value: string | null | undefined) => (/^(?:https?:)?\/\//i.test(value ?? "") ? httpUrl(value!, pageUrl) : undefined);
    const tiny = ["width", "height"].some((name) => Number(image.getAttribute(name)) > 0 && Number(image.getAttribute(name)) <= 3);
    // A page saved with its files shows the copy beside it; the origin's address is kept as its source.
    const saved = savedImages && !tiny ? savedCopy(candidates, savedImages, candidates.map(absolute).find(Boolean)?.href) : undefined;
    const src = saved === undefined ? candidates.map((value) => httpUrl(value ?? undefined, pageUrl)).find((url) => url && !PLACEHOLDER_IMAGE.test(url.pathname)) : undefined;
    if ((!src && !saved) || tiny) {
      image.remove();
      continue;
    }
    for (const name of [...image.getAttributeNames()]) if (!["alt", "title"].includes(name)) image.removeAttribute(name);
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
    if (block.isConnected && isLinkList(block, origin)) block.remove();
  }
  paragraphsFromLineBreaks(content);
  for (const link of [...content.querySelectorAll("a")]) {
    const url = redirectTarget(httpUrl(link.getAttribute("href") ?? undefined, pageUrl));
    const text = link.textContent?.trim() ?? "";
    const hasImage = link.querySelector("img") !== null;
    if (!text && !hasImage) link.remove();
    else if (!url || isTrackingUrl(url) || isKeywordLink(link, url, origin) || hasImage) link.replaceWith(...link.childNodes);
    else {
      for (const name of [...link.getAttributeNames()]) link.removeAttribute(name);
      link.setAttribute("href", withoutTracking(url).href);
    }
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

const INLINE = new Set(["A", "ABBR", "B", "BDI", "CITE", "CODE", "DEL", "EM", "FONT", "I", "IMG", "INS", "KBD", "MARK", "Q", "S", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "#text"]);

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
      else if (INLINE.has(child.nodeName)) runs.at(-1)!.push(child);
      else runs.push([child], []);
    }
    const blocks = runs
      .filter((run) => run.some((node) => (node.textContent ?? "").trim() !== "" || node.nodeName === "IMG" || (node as El).querySelector?.("img")))
      .map((run) => {
        if (run.length === 1 && !INLINE.has(run[0]!.nodeName)) return run[0]!;
        const paragraph = document.createElement("p");
        paragraph.append(...run);
        return paragraph;
      });
    if (holder.tagName === "P" || INLINE.has(holder.tagName)) holder.replaceWith(...blocks);
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

/** A link through a site's redirector (`/?target=https://…`) goes where it leads. */
function redirectTarget(url: URL | undefined): URL | undefined {
  if (!url) return undefined;
  for (const key of ["target", "url", "u", "to", "link", "goto", "redirect"]) {
    const target = httpUrl(url.searchParams.get(key) ?? undefined);
    if (target && target.host !== url.host) return target;
  }
  return url;
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
