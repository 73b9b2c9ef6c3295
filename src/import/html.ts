/**
 * A saved HTML page → the article's metadata and Markdown body: metadata from the page's markup
 * first (markup.ts), then its words (metadata.ts); the article found (find-article.ts), cleaned
 * (clean-article.ts), written as Markdown by Turndown, and its blocks tidied (blocks.ts), each by
 * the rules in rules.ts.
 */
import type { SavedPageImages } from "./assets.ts";
import { withoutTracking } from "./addresses.ts";
import { articleBlocks } from "./blocks.ts";
import { captionedImagesToFigures, tidyContent } from "./clean-article.ts";
import { BLOCK_ELEMENTS, names, parseDocument, type El } from "./dom.ts";
import { isBoilerplate, labelledRowsToLines, NoArticleError, readableArticle, removeFurniture, removeNonContent } from "./find-article.ts";
import { agencySource, closingAgency, metadataFromLines, mergeMetadata, plausibleSource, sameWords } from "./metadata.ts";
import {
  cleanTitle, commonestLinkHost, confirmedSiteName, markupMetadata, titleOnThePage, metaSiteName, pageAddress, savedFromAddress, siteNameInTitle,
} from "./markup.ts";
import { htmlToMarkdown, markdownBlocks } from "./markdown.ts";
import type { Extracted } from "./text.ts";
import { METADATA_LABEL } from "./rules.ts";
import { findDate } from "./dates.ts";

export { NoArticleError };

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
  const site = metaSiteName(document);

  let metadata = markupMetadata(document, timeZone);
  metadata.sourceUrl ??= pageUrl?.href;

  const pageLength = removeNonContent(document);
  labelledRowsToLines(document);
  const lines = textLines(document.body as unknown as El, (element) => isBoilerplate(element, pageLength) && !/footer|copyright/i.test(names(element).join(" ")) && !holdsPostInfo(element));
  metadata.title = titleOnThePage(metadata.title, document.querySelector("title")?.textContent ?? undefined, lines);
  const fromText = metadataFromLines(lines, metadata.title, timeZone);
  // A `来源：` line in the article names its source better than the site's own publisher field.
  const source = plausibleSource(fromText.source) ?? metadata.source;
  metadata = { ...mergeMetadata(metadata, fromText), source };
  const confirmedSite = confirmedSiteName(document, metadata.title, lines);

  removeFurniture(document, pageLength);
  captionedImagesToFigures(document);
  const { content, title } = readableArticle(document);
  metadata.title ??= cleanTitle(title ?? "", site);

  tidyContent(content, pageUrl, origin, savedImages);
  const markdown = htmlToMarkdown(content.innerHTML);
  const blocks = articleBlocks(markdownBlocks(markdown), metadata.title);
  const paragraphs = blocks.filter((block) => !/^(?:#|!\[|```|\||>|- |\d+\. )/.test(block.markdown)).map((block) => block.text);
  metadata.source ??= agencySource(metadata.agency, confirmedSite ?? site) ?? closingAgency(paragraphs.at(-1)) ?? confirmedSite ??
    site ?? siteNameInTitle(document.querySelector("title")?.textContent ?? undefined, metadata.title);
  return { metadata, body: blocks.map((block) => block.markdown).join("\n\n"), paragraphs };
}

/** A small container of the post's own labelled date (`楼主：… 时间：2014-02-11 09:52:30`), whatever its class says (`atl-menu`). */
function holdsPostInfo(element: El): boolean {
  const text = element.textContent ?? "";
  return text.length <= 300 && METADATA_LABEL.test(text) && findDate(text, "UTC") !== null;
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
        const block = BLOCK_ELEMENTS.has(child.tagName);
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
