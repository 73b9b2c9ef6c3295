/**
 * A saved HTML page → the article's metadata and Markdown body. Metadata comes from the page's
 * structured data first, then its words; the main text is found by Mozilla Readability (on a
 * linkedom DOM) after the site's furniture is removed, then tidied by the rules in boilerplate.ts
 * and written as Markdown by Turndown.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { articleBlocks, sameWords } from "./blocks.ts";
import {
  BOILERPLATE_NAME_PARTS, RELATED_START, STRIPPED_ELEMENTS, isTagPageUrl, isTrackingUrl, withoutTracking,
} from "./boilerplate.ts";
import {
  closingAgency, distinct, emptyMetadata, metaDate, metadataFromLines, mergeMetadata, personName, splitTags,
  type PageMetadata,
} from "./metadata.ts";
import { htmlToMarkdown } from "./markdown.ts";
import type { Extracted } from "./text.ts";

/** The page has no article text to import. */
export class NoArticleError extends Error {}

const ARTICLE_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|Article|BlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|LiveBlogPosting)$/;
const BLOCKS = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH", "FIGURE", "FIGCAPTION", "SECTION", "ARTICLE", "HEADER", "FOOTER", "MAIN", "UL", "OL", "DL", "DT", "DD", "ASIDE", "NAV", "BR", "HR", "ADDRESS", "CENTER"]);
const CONTENT_NAME_PARTS = new Set(["article", "content", "main", "post", "entry", "body", "story", "text", "detail", "news", "single", "page"]);
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp)(?:$|[?#])/i;
const LAZY_SOURCES = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url", "data-echo", "data-lazyload", "file"];
// Sites link their keywords (科学, 中国) inside sentences; a longer link text is a real link.
const KEYWORD_LINK_MAX = 6;

export function extractFromHtml(html: string, timeZone: string): Extracted {
  const document = parseDocument(html);
  const pageUrl = pageAddress(document);
  const origin = pageUrl?.host ?? commonestLinkHost(document);
  const site = siteName(document);

  let metadata = mergeMetadata(jsonLdMetadata(document, timeZone), metaTagMetadata(document, timeZone));
  metadata = mergeMetadata(metadata, elementMetadata(document, timeZone));
  metadata.sourceUrl ??= pageUrl?.href;

  removeElements(document, STRIPPED_ELEMENTS.filter((name) => !["nav", "aside", "footer"].includes(name)));
  removeHidden(document);
  const pageLength = document.body.textContent?.length ?? 0;
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
  tidyContent(content, pageUrl, origin);
  const markdown = htmlToMarkdown(content.innerHTML);
  const blocks = articleBlocks(markdownBlocks(markdown), metadata.title);
  const paragraphs = blocks.filter((block) => !/^(?:#|!\[|```|\||>|- |\d+\. )/.test(block.markdown)).map((block) => block.text);
  metadata.source ??= closingAgency(paragraphs.at(-1)) ?? site;
  return { metadata, body: blocks.map((block) => block.markdown).join("\n\n"), paragraphs };
}

type Doc = ReturnType<typeof parseHTML>["document"];
type El = Element;

function parseDocument(html: string): Doc {
  const whole = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  return parseHTML(whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

function attribute(document: Doc, selector: string, name = "content"): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value || undefined;
}

/** Every `<meta>` by its lowercased name, property or itemprop: one pass, however many are asked for. */
function metaTags(document: Doc): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of document.querySelectorAll("meta")) {
    const content = meta.getAttribute("content")?.trim();
    if (!content) continue;
    for (const key of ["name", "property", "itemprop"]) {
      const name = meta.getAttribute(key)?.toLowerCase();
      if (name) tags.set(name, [...(tags.get(name) ?? []), content]);
    }
  }
  return tags;
}

function httpUrl(value: string | undefined, base?: URL): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own address: canonical link or og:url. */
function pageAddress(document: Doc): URL | undefined {
  return httpUrl(attribute(document, 'link[rel~="canonical"]', "href")) ?? httpUrl(attribute(document, 'meta[property="og:url"]'));
}

/** Without a canonical address, the site is the host most links point to. */
function commonestLinkHost(document: Doc): string | undefined {
  const counts = new Map<string, number>();
  for (const link of document.querySelectorAll("a[href]")) {
    const host = httpUrl(link.getAttribute("href") ?? undefined)?.host;
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).at(0)?.[0];
}

function siteName(document: Doc): string | undefined {
  return attribute(document, 'meta[property="og:site_name"]') ?? attribute(document, 'meta[name="application-name"]');
}

/** JSON-LD objects of an article type, wherever they sit (top level, lists, @graph). */
function jsonLdArticles(document: Doc): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(object["@type"] ?? []);
    if (types.some((type) => typeof type === "string" && ARTICLE_TYPES.test(type))) found.push(object);
    if (object["@graph"]) visit(object["@graph"]);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const text = (script.textContent ?? "").trim().replace(/^<!--|-->$/g, "");
    try {
      visit(JSON.parse(text));
    } catch {
      // Pages often carry broken JSON-LD; the other sources still count.
    }
  }
  return found;
}

function jsonLdMetadata(document: Doc, timeZone: string): PageMetadata {
  const article = jsonLdArticles(document)[0];
  if (!article) return emptyMetadata();
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const mainEntity = article.mainEntityOfPage;
  const address = text(article.url) ?? text(mainEntity) ?? text((mainEntity as { "@id"?: unknown } | undefined)?.["@id"]);
  return {
    title: text(article.headline) ?? text(article.name),
    date: metaDate(article.datePublished, timeZone) ?? metaDate(article.dateCreated, timeZone),
    tags: splitTags(article.keywords),
    author: personName(article.author),
    source: personName(article.publisher) ?? personName(article.sourceOrganization),
    sourceUrl: httpUrl(address)?.href,
  };
}

const PUBLISHED_META = [
  "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish_date",
  "publication_date", "dc.date.issued", "date", "dc.date", "sailthru.date",
];

function metaTagMetadata(document: Doc, timeZone: string): PageMetadata {
  const tags = metaTags(document);
  const first = (...names: string[]) => names.map((name) => tags.get(name)?.[0]).find(Boolean);
  const title = first("og:title", "twitter:title");
  const articleTags = tags.get("article:tag") ?? [];
  return {
    title: title ? cleanTitle(title, first("og:site_name")) : undefined,
    date: metaDate(first(...PUBLISHED_META), timeZone),
    tags: splitTags(articleTags.length > 0 ? articleTags : (first("news_keywords") ?? "")),
    author: personName(first("author", "article:author", "byl")),
  };
}

/** `<time>`, `itemprop`, `rel="tag"` and the page's headings, outside the site's lists. */
function elementMetadata(document: Doc, timeZone: string): PageMetadata {
  const own = (element: El) => !element.closest("nav, aside, footer, li a, [class*=related], [class*=comment], [class*=sidebar], [class*=widget]");
  const time = [...document.querySelectorAll("time[datetime], [itemprop=datePublished]")].filter(own)[0];
  const dateText = time?.getAttribute("datetime") ?? time?.getAttribute("content") ?? time?.textContent ?? undefined;
  // rel="category tag" is WordPress's category, not a tag.
  const tagLinks = [...document.querySelectorAll('a[rel~="tag"]:not([rel~="category"])')].filter((link) => !link.closest("nav, aside, [class*=widget], [class*=sidebar], [class*=cloud]"));
  const headings = [...document.querySelectorAll("h1")].filter(own).map((h) => h.textContent?.trim() ?? "").filter(Boolean);
  const author = [...document.querySelectorAll('[itemprop="author"], [rel~="author"], .author, .byline')].filter(own)[0];
  const titleText = document.querySelector("title")?.textContent ?? "";
  return {
    title: headings.length === 1 ? headings[0] : titleText ? cleanTitle(titleText, siteName(document), document) : firstHeading(document),
    date: metaDate(dateText, timeZone),
    tags: distinct(tagLinks.map((link) => link.textContent?.trim() ?? "").filter((tag) => tag.length > 0 && tag.length <= 30)),
    author: personName(author?.getAttribute("content") ?? bylineName(author?.textContent ?? undefined)),
  };
}

/** A page saved without its head: its first heading, when one comes before the text. */
function firstHeading(document: Doc): string | undefined {
  const heading = document.querySelector("h1, h2");
  const text = heading?.textContent?.replace(/\s+/g, " ").trim();
  const before = heading && document.body.textContent!.indexOf(heading.textContent!) < 400;
  return text && before && text.length <= 100 ? text : undefined;
}

/** The name in a byline (`作者：何嘉欣　2023-08-21 14:05`, `By Ann Lee | 2023`). */
function bylineName(text: string | undefined): string | undefined {
  const name = text?.replace(/^\s*(?:作\s*者|[记記]者|文|撰文|by)\s*[:：/／]?\s*/i, "").split(/[|｜·•\u3000]|\s{2,}|\d{4}|\d{1,2}\/\d{1,2}/)[0]?.trim();
  if (!name) return undefined;
  return /\p{Script=Han}/u.test(name) ? name.split(/\s+/)[0] : name;
}

/** A `<title>` without the site's name: `标题_某某网`, `标题 | 某某新闻`, `标题 - 站名`. */
function cleanTitle(raw: string, site?: string, document?: Doc): string | undefined {
  const title = raw.replace(/\s+/g, " ").trim();
  if (!title) return undefined;
  // A heading on the page that the <title> starts with is the title as the author wrote it.
  const heading = document && [...document.querySelectorAll("h1, h2")].map((h) => h.textContent?.replace(/\s+/g, " ").trim() ?? "")
    .find((text) => text.length >= 4 && title.startsWith(text));
  if (heading) return heading;
  const parts = title.split(/\s+[|｜\-–—]\s+|\s*[|｜_]\s*|\s+[-–—]{1,2}\s+/).filter((part) => part.trim());
  if (parts.length <= 1) return title;
  const withoutSite = parts.filter((part) => !site || !sameWords(part, site));
  return withoutSite.reduce((best, part) => (part.length > best.length ? part : best), "").trim() || title;
}

function names(element: El): string[] {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

/** A container of the site's furniture, by its class or id words or its label, that holds no large share of the page's text. */
function isBoilerplate(element: El, pageLength: number): boolean {
  if (["BODY", "HTML", "MAIN", "ARTICLE"].includes(element.tagName)) return false;
  const label = element.getAttribute("title") ?? element.getAttribute("aria-label") ?? "";
  const parts = names(element);
  const named = parts.some((part) => BOILERPLATE_NAME_PARTS.has(part)) && !parts.some((part) => CONTENT_NAME_PARTS.has(part));
  if (!named && !RELATED_START.test(label.trim())) return false;
  // Never the article itself, whatever its class says.
  const length = element.textContent?.length ?? 0;
  return length < pageLength * 0.4 || length < 200;
}

function removeElements(document: Doc, tags: string[]): void {
  for (const element of [...document.querySelectorAll(tags.join(","))]) element.remove();
}

function removeHidden(document: Doc): void {
  for (const element of [...document.querySelectorAll("[hidden], [aria-hidden=true], [style]")]) {
    if (element.hasAttribute("hidden") || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute("style") ?? "")) {
      element.remove();
    }
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
 * An image alone in its paragraph with a short caption paragraph under it (by its class, its
 * centring, or words like 图/摄) is a figure; CMSs write them so instead of <figure>.
 */
function captionedImagesToFigures(document: Doc): void {
  for (const image of [...document.querySelectorAll("p > img, div > img, center > img")]) {
    const holder = image.parentElement!;
    if (holder.tagName === "FIGURE" || (holder.textContent ?? "").trim() !== "" || holder.querySelectorAll("img").length !== 1) continue;
    const next = holder.nextElementSibling;
    const caption = next?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    if (!next || !["P", "DIV", "SPAN"].includes(next.tagName) || !caption || caption.length > 120 || next.querySelector("img")) continue;
    const style = `${next.getAttribute("style") ?? ""}`;
    if (!(CAPTION_NAME.test(`${next.getAttribute("class") ?? ""} ${next.getAttribute("id") ?? ""}`) || /text-align\s*:\s*center/i.test(style) || CAPTION_WORDS.test(caption))) continue;
    const figure = document.createElement("figure");
    const figcaption = document.createElement("figcaption");
    figcaption.textContent = caption;
    figure.append(image, figcaption);
    holder.replaceWith(figure);
    next.remove();
  }
}

/** Links, images and link lists of the extracted article, made safe and plain. */
function tidyContent(content: El, pageUrl: URL | undefined, origin: string | undefined): void {
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
    const candidates = [...LAZY_SOURCES.map((name) => image.getAttribute(name)), image.getAttribute("src"), firstSrcset(image.getAttribute("srcset"))];
    const src = candidates.map((value) => httpUrl(value ?? undefined, pageUrl)).find((url) => url && !/^data:/.test(url.href));
    const tiny = ["width", "height"].some((name) => Number(image.getAttribute(name)) > 0 && Number(image.getAttribute(name)) <= 3);
    if (!src || tiny) {
      image.remove();
      continue;
    }
    for (const name of [...image.getAttributeNames()]) if (!["alt", "title"].includes(name)) image.removeAttribute(name);
    image.setAttribute("src", withoutTracking(src).href);
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
  for (const link of [...content.querySelectorAll("a")]) {
    const url = httpUrl(link.getAttribute("href") ?? undefined, pageUrl);
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

function firstSrcset(srcset: string | null): string | undefined {
  return srcset?.split(",")[0]?.trim().split(/\s+/)[0];
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

/** Markdown split into blocks at blank lines, keeping fenced code whole, with each block's words. */
function markdownBlocks(markdown: string): { markdown: string; text: string }[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^(?:```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && line.trim() === "") {
      if (current.length) blocks.push(current.join("\n"));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current.join("\n"));
  return blocks.map((block) => {
    // Old CMSs indent paragraphs with ideographic spaces: layout, not text.
    const markdown = /^(?:```|~~~)/.test(block) ? block : block.replace(/^[\u3000\u00a0 ]+|[\u3000\u00a0 ]+$/gm, "");
    return { markdown, text: plainText(markdown) };
  });
}

function plainText(markdown: string): string {
  if (/^(?:```|~~~)/.test(markdown)) return "code";
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
    .replace(/[*_`]/g, "")
    .trim();
}
