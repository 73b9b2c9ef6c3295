/**
 * What a page says about itself in its markup: JSON-LD, Open Graph and other meta tags, `<time>`,
 * `rel="tag"`, bylines and the `<title>`, best source first. Read before anything is removed.
 */
import { distinct, emptyMetadata, metaDate, mergeMetadata, personName, sameWords, splitTags, type PageMetadata } from "./metadata.ts";
import { httpUrl, type Doc, type El } from "./dom.ts";
import {
  ACCOUNT_NAMES, AUTHOR_ELEMENTS, FURNITURE_CONTAINERS, HEADLINE_ELEMENTS, PROFILE_NAMES, TAG_FURNITURE_CONTAINERS, TIME_ELEMENTS,
  ARTICLE_TYPES, CATEGORY_LABEL, LOOSE_DATE_META, PLATFORM_NAME, CATEGORY_LABEL_ANYWHERE, PUBLISHED_META, SITE_NAME_ENDING, SITE_SUFFIX, LOOSE_TITLE_SEPARATOR, TITLE_LINE, TAG_BLOCK_NAME, TAG_LABEL, TAG_LABEL_ANYWHERE, TAG_WORD, TITLE_SEPARATOR,
} from "./rules.ts";
import { findTimeOfDay } from "./dates.ts";

/** The metadata of the page's markup, merged best first. */
export function markupMetadata(document: Doc, timeZone: string): PageMetadata {
  const metadata = mergeMetadata(jsonLdMetadata(document, timeZone), metaTagMetadata(document, timeZone));
  return mergeMetadata(metadata, elementMetadata(document, timeZone));
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

/** The page's own address: canonical link or og:url. */
export function pageAddress(document: Doc): URL | undefined {
  return httpUrl(attribute(document, 'link[rel~="canonical"]', "href")) ?? httpUrl(attribute(document, 'meta[property="og:url"]'));
}

/**
 * The address a browser saved the page from (`<!-- saved from url=(0042)https://… -->`, written by
 * "Save Page As"): the page's own, where a CMS's canonical may be its home page.
 */
export function savedFromAddress(html: string): URL | undefined {
  const match = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return httpUrl(match?.[1]);
}

/** Without a canonical address, the site is the host most links point to. */
export function commonestLinkHost(document: Doc): string | undefined {
  const counts = new Map<string, number>();
  for (const link of document.querySelectorAll("a[href]")) {
    const host = httpUrl(link.getAttribute("href") ?? undefined)?.host;
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).at(0)?.[0];
}

export function metaSiteName(document: Doc): string | undefined {
  const site = attribute(document, 'meta[property="og:site_name"]') ?? attribute(document, 'meta[name="application-name"]');
  // On a platform (微信公众平台) the site is the account that published the article.
  if (site && PLATFORM_NAME.test(site)) return accountName(document) ?? site;
  // `曉峰社 XF News`: a Chinese outlet's name given with its English one.
  return site?.replace(/^([\p{Script=Han}][\p{Script=Han}·]{1,15})\s+[A-Za-z][A-Za-z .&'-]*$/u, "$1");
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


function metaTagMetadata(document: Doc, timeZone: string): PageMetadata {
  const tags = metaTags(document);
  const first = (...names: string[]) => names.map((name) => tags.get(name)?.[0]).find(Boolean);
  const title = first("og:title", "twitter:title");
  const articleTags = tags.get("article:tag") ?? [];
  return {
    title: title ? cleanTitle(title, first("og:site_name")) : undefined,
    date: metaDate(first(...PUBLISHED_META), timeZone),
    looseDate: metaDate(first(...LOOSE_DATE_META), timeZone),
    tags: splitTags(articleTags.length > 0 ? articleTags : (first("news_keywords") ?? "")),
    author: personName(first("author", "article:author", "byl")),
    source: personName(first("dc.publisher", "publisher")),
  };
}

/**
 * Whether the element sits in the site's furniture (its navigation, sidebars, widgets, comments,
 * related lists), by the containers around it. A container holding much of the page's text is
 * the article's (a blog's posts are a "widget" of some platforms), not furniture.
 */
function inFurniture(element: El, selector: string, pageLength: number): boolean {
  for (let around = element.closest(selector); around; around = around.parentElement?.closest(selector) ?? null) {
    if (textLength(around) < pageLength * 0.4) return true;
  }
  return false;
}

// Asked of the same containers for each element inside them: measured once.
const textLengths = new WeakMap<El, number>();
function textLength(element: El): number {
  let length = textLengths.get(element);
  if (length === undefined) textLengths.set(element, (length = element.textContent?.length ?? 0));
  return length;
}


/** `<time>`, `itemprop`, `rel="tag"` and the page's headings, outside the site's lists. */
function elementMetadata(document: Doc, timeZone: string): PageMetadata {
  const pageLength = document.body.textContent?.length ?? 0;
  const own = (element: El) => !element.closest("li a") && !inFurniture(element, FURNITURE_CONTAINERS, pageLength);
  // hAtom's `<abbr class="published" title="2010-08-21T22:15:00+08:00">` too.
  const time = [...document.querySelectorAll("time[datetime], [itemprop=datePublished], abbr.published[title], .published[title]")].filter(own)[0];
  const dateText = time?.getAttribute("datetime") ?? time?.getAttribute("content") ?? (time?.matches(".published") ? time.getAttribute("title") : null) ?? time?.textContent ?? undefined;
  // rel="category tag" is WordPress's category, not a tag.
  const tagLinks = [...document.querySelectorAll('a[rel~="tag"]:not([rel~="category"])')].filter((link) => !inFurniture(link, TAG_FURNITURE_CONTAINERS, pageLength));
  // A site's logo is often an <h1> that links home; the article's heading is the other one.
  const headings = [...document.querySelectorAll("h1")]
    .filter((h) => own(h) && !isBanner(h))
    .map((h) => h.textContent?.replace(/\s+/g, " ").trim() ?? "")
    .filter(Boolean);
  const author = [...document.querySelectorAll(AUTHOR_ELEMENTS)].filter(own)[0];
  const authorName = author?.querySelector('[itemprop="name"], .fn, [class*=name]');
  const titleText = document.querySelector("title")?.textContent ?? "";
  return {
    title: headings.length === 1 ? headings[0] : headline(document, own) ?? (titleText ? cleanTitle(titleText, metaSiteName(document), document) : firstHeading(document)),
    date: metaDate(dateText, timeZone),
    time: [...document.querySelectorAll(TIME_ELEMENTS)].filter(own).map((element) => findTimeOfDay(element.textContent ?? "")).find(Boolean) ?? undefined,
    tags: distinct([...tagLinks, ...labelledTagLinks(document, pageLength)].map((link) => link.textContent?.trim() ?? "").filter((tag) => tag.length > 0 && tag.length <= 30)),
    author: personName(authorName?.getAttribute("content") ?? authorName?.textContent ?? author?.getAttribute("content") ?? bylineName(author?.textContent ?? undefined)) ??
      metaLineName(document) ?? profileName(document),
    source: [...document.querySelectorAll("[class]")].filter((element) => /(?:^|[\s_-])(?:source|src|laiyuan|from)(?:$|[\s_-])/i.test(element.getAttribute("class")!) && own(element))
      .map((element) => element.textContent?.replace(/^\s*(?:[来來]源|出[处處]|source)\s*[:：]?\s*/i, "").trim() ?? "")
      .find((text) => text.length >= 2 && text.length <= 20 && !/[:：\d]/.test(text)),
  };
}


/** The headline by its element's name, when exactly one such element holds a short line. */
function headline(document: Doc, own: (element: El) => boolean): string | undefined {
  const texts = [...document.querySelectorAll(HEADLINE_ELEMENTS)].filter(own)
    .map((element) => element.textContent?.replace(/\s+/g, " ").trim() ?? "")
    .filter((text) => text.length >= 4 && text.length <= 100);
  return new Set(texts).size === 1 ? texts[0] : undefined;
}

/** A heading that is the site's banner: a logo, or a heading that is all one link (to the site's home). */
function isBanner(heading: El): boolean {
  const link = heading.querySelector("a");
  return Boolean(heading.closest("header a, .logo, [class*=logo]")) || (link !== null && heading.textContent?.trim() === link.textContent?.trim());
}



function accountName(document: Doc): string | undefined {
  const pageLength = document.body.textContent?.length ?? 0;
  const element = [...document.querySelectorAll(ACCOUNT_NAMES)].find((candidate) => !inFurniture(candidate, "[class*=comment], [class*=discuss]", pageLength));
  const name = element?.textContent?.replace(/\s+/g, " ").trim();
  return name && name.length <= 30 ? name : undefined;
}

/** The blogger's name in a blog's profile box, when the page has one. */
function profileName(document: Doc): string | undefined {
  const pageLength = document.body.textContent?.length ?? 0;
  for (const element of document.querySelectorAll(PROFILE_NAMES)) {
    // A platform's account (its nickname) published the post; it is the source, not the writer.
    if (inFurniture(element, "[class*=comment], [class*=discuss], [class*=reply]", pageLength) || element.matches(ACCOUNT_NAMES) || element.closest("[class*=profile_inner], [id*=js_profile]")) continue;
    const name = element.textContent?.replace(/^\s*(?:暱稱|昵称|nickname)\s*[:：]?\s*/i, "").trim() ?? "";
    if (name.length >= 2 && name.length <= 20 && !/[:：\d]/.test(name)) return name;
  }
  return undefined;
}

/** The site's name the page shows in its banner heading, its logo's text, or its copyright line. */
export function bannerNames(document: Doc): string[] {
  const banners = [...document.querySelectorAll("h1")].filter(isBanner).map((h) => h.textContent ?? "");
  const logos = [...document.querySelectorAll("header img[alt], .logo img[alt], [class*=logo] img[alt], [id*=logo] img[alt], img[src*=logo][alt]")].map((img) => img.getAttribute("alt") ?? "");
  return [...banners, ...logos].map((text) => text.replace(/\s+/g, " ").trim()).filter((text) => text.length >= 2);
}

/** `丁一帆 · 2020-09-14` in a post's meta line: a name, then a separator. */
function metaLineName(document: Doc): string | undefined {
  for (const meta of document.querySelectorAll(".post-meta, .entry-meta, .article-meta, .meta, .info")) {
    const text = meta.textContent?.replace(/\s+/g, " ").trim() ?? "";
    const name = text.length <= 60 ? bylineName(text) : undefined;
    if (name && /^(?:[\p{Script=Han}·]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)+)$/u.test(name)) return name;
  }
  return undefined;
}

/**
 * Links in a block labelled 标签：/標籤：/关键词：/Tags:, or in a tag list by its class, outside
 * sidebars. A block named for tags that holds a labelled one is left to it (the labelled one
 * leaves out its neighbour's categories); links under a `分类：` label are categories.
 */
function labelledTagLinks(document: Doc, pageLength: number): El[] {
  const candidates: { block: El; labelled: boolean }[] = [];
  const labelledBlocks = blocksLabelled(document.body as unknown as El, TAG_LABEL);
  for (const block of document.querySelectorAll("div, p, span, ul, section, footer, td, li, dd")) {
    const named = TAG_BLOCK_NAME.test(`${block.getAttribute("class") ?? ""} ${block.getAttribute("id") ?? ""}`);
    const labelled = labelledBlocks.has(block);
    if ((named || labelled) && !inFurniture(block, TAG_FURNITURE_CONTAINERS, pageLength)) candidates.push({ block, labelled });
  }
  const found: El[] = [];
  for (const { block, labelled } of candidates) {
    if (!labelled && candidates.some((other) => other.labelled && other.block !== block && block.contains(other.block))) continue;
    // rel="category tag" is WordPress's category, not a tag, in a tag block too.
    const links = [...block.querySelectorAll("a")].filter((link) => !/\bcategory\b/.test(link.getAttribute("rel") ?? "") && !isCategoryLink(link, block));
    // Tags are words; a list of headlines (a site's topics, its other stories) is no tag list.
    const words = links.filter((link) => TAG_WORD.test(link.textContent?.trim() ?? ""));
    if (links.length > 0 && links.length <= 20 && words.length >= links.length * 2 / 3) found.push(...links);
  }
  return found;
}

// Elements a label is written in inside its block: `<b>相關標籤：</b>`, `<h3>标签：</h3>`.
const LABEL_HOLDERS = new Set(["B", "STRONG", "EM", "I", "SPAN", "LABEL", "H3", "H4", "H5", "H6", "DT", "SMALL", "FONT"]);

/** The blocks whose own words start with a label (`标签：`), found in one pass over the page's text. */
function blocksLabelled(root: El, label: RegExp): Set<El> {
  const found = new Set<El>();
  const walk = (node: Node): void => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 1) {
        if (!["SCRIPT", "STYLE"].includes((child as El).tagName)) walk(child);
      } else if (child.nodeType === 3 && label.test(child.textContent ?? "")) {
        const parent = child.parentElement;
        const holder = parent && LABEL_HOLDERS.has(parent.tagName) && !parent.querySelector("a") ? parent.parentElement : parent;
        if (holder) found.add(holder);
      }
    }
  };
  walk(root);
  return found;
}

/** The block's own words, its label among them (`标签：`, `<b>相關標籤：</b>`), not its links' or its scripts'. */
function ownWords(block: El): string {
  return [...block.childNodes]
    .filter((node) => node.nodeType === 3 || (node.nodeType === 1 && !(node as El).matches("a, script, style") && !(node as El).querySelector("a")))
    .map((node) => node.textContent ?? "").join("");
}

/** A link after a `分类：` label in the block (`全站分類：美食 個人分類：小吃`), or in a part of it so labelled. */
function isCategoryLink(link: El, block: El): boolean {
  for (let around: El | null = link.parentElement; around && around !== block.parentElement; around = around.parentElement) {
    if (CATEGORY_LABEL_ANYWHERE.test(ownWords(around))) {
      // The label nearest before the link decides: 标签： after 分类： starts the tags again.
      const before = textBefore(link, around);
      const category = before.search(CATEGORY_LABEL_ANYWHERE);
      return category >= 0 && before.slice(category).search(TAG_LABEL_ANYWHERE) < 0;
    }
  }
  return false;
}

/** The text of `within` that comes before `node`. */
function textBefore(node: El, within: El): string {
  let text = "";
  const walk = (current: Node): boolean => {
    if (current === node) return true;
    if (current.nodeType === 3) text += current.textContent ?? "";
    for (const child of [...current.childNodes]) if (walk(child)) return true;
    return false;
  };
  walk(within);
  return text;
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
  const name = text?.replace(/^\s*(?:作\s*者|[记記]者|文|撰文|張貼者|张贴者|by)\s*[:：/／]?\s*/i, "").split(/[|｜·•\u3000]|\s{2,}|\d{4}|\d{1,2}\/\d{1,2}/)[0]?.trim();
  if (!name) return undefined;
  // `赵一鸣 许晴`: several names, each of two to four characters, are the writers together.
  if (/^[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4}){1,7}$/u.test(name)) return name.split(/\s+/).join("、");
  return /\p{Script=Han}/u.test(name) ? name.split(/\s+/)[0] : name;
}

/** A `<title>` without the names of its site and section: `标题_某某网`, `标题 | 某某新闻`, `文章 @ 部落格 :: 平台 ::`. */
export function cleanTitle(raw: string, site?: string, document?: Doc): string | undefined {
  const title = raw.replace(/\s+/g, " ").trim();
  if (!title) return undefined;
  // A heading on the page that the <title> starts with is the title as the author wrote it.
  const heading = document && [...document.querySelectorAll("h1, h2")].map((h) => h.textContent?.replace(/\s+/g, " ").trim() ?? "")
    .find((text) => text.length >= 4 && title.startsWith(text));
  if (heading) return heading;
  const parts = title.split(TITLE_SEPARATOR).filter((part) => part.trim());
  if (parts.length <= 1) {
    // `标题-南川新闻网`, `通知－－西岭县水利局`: a dash without spaces before what names a site.
    const suffix = SITE_SUFFIX.exec(title);
    return suffix && suffix.index >= 4 ? title.slice(0, suffix.index).trim() : title;
  }
  const withoutSite = parts.filter((part) => !site || !sameWords(part, site));
  return withoutSite.reduce((best, part) => (part.length > best.length ? part : best), "").trim() || title;
}

/**
 * The site's name as its `<title>` gives it beside the article's title: the other part that
 * ends like a site's name (北港日報, 環島新聞網, 某某博客), the last if several do; on a blog (`文章 @ 部落格名 :: 平台`),
 * the part after the title.
 */
export function siteNameInTitle(raw: string | undefined, title: string | undefined): string | undefined {
  const { parts, at } = titleParts(raw, title);
  if (at < 0 || parts.length < 2) return undefined;
  const others = parts.filter((_, i) => i !== at);
  // `标题｜即時新聞｜九龍新報`: sections come before the site, which is last.
  return others.filter((part) => SITE_NAME_ENDING.test(part) && part.length <= 20).at(-1) ?? (/ @ /.test(raw ?? "") ? parts[at + 1] : undefined);
}

/**
 * The title as the page prints it: a `標題：` line; else, when the title taken is no line of the page, but a part of the
 * `<title>` (split at any dash or underscore: `梧岭县林业局--我县启动…`, `标题-星河网-新闻中心`) is,
 * that part.
 */
export function titleOnThePage(title: string | undefined, raw: string | undefined, lines: string[]): string | undefined {
  // `標題：…`, a labelled row of the item's fields, names it better than a heading of the site's section.
  const labelled = lines.map((line) => TITLE_LINE.exec(line)?.[1]?.trim()).find(Boolean);
  if (labelled) return labelled;
  if (!raw || (title && lines.some((line) => sameWords(line, title)))) return title;
  const parts = raw.split(LOOSE_TITLE_SEPARATOR).map((part) => part.trim()).filter((part) => part.length >= 4);
  return parts.find((part) => lines.some((line) => sameWords(line, part))) ?? title;
}

/** The parts of a `<title>` (split at its separators), and which of them is the article's title (-1: none). */
function titleParts(raw: string | undefined, title: string | undefined): { parts: string[]; at: number } {
  if (!raw || !title) return { parts: [], at: -1 };
  const spaced = raw.replace(/\s+/g, " ").trim().split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  // `國土韌性推動署-新聞稿-標題`: parts joined without spaces, when the spaced split finds no title.
  const loose = raw.replace(/\s+/g, " ").trim().split(LOOSE_TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  for (const parts of [spaced, loose]) {
    const at = parts.findIndex((part) => sameWords(part, title) || part.includes(title));
    if (at >= 0) return { parts, at };
  }
  return { parts: spaced, at: -1 };
}

/**
 * The site's name, where the page confirms a part of its `<title>`: the part that its banner
 * heading or logo also shows, or that its copyright line names (`苏木的书房 © 2015 · 由拾光部落提供`).
 * On a blog this is the blog's name, where og:site_name may be the platform's.
 */
export function confirmedSiteName(document: Doc, title: string | undefined, lines: string[]): string | undefined {
  const { parts, at } = titleParts(document.querySelector("title")?.textContent ?? undefined, title);
  const banners = bannerNames(document);
  const copyrights = lines.filter((line) => /©|&copy;|copyright|版[权權]所有/i.test(line));
  return (at < 0 ? [] : parts.filter((_, i) => i !== at))
    .find((part) => part.length <= 30 && (banners.some((banner) => sameWords(banner, part)) || copyrights.some((line) => line.includes(part)))) ??
    // The name its logo shows and its copyright line holds, where the <title> gives another (a section's, 海角论坛 of 海角社区).
    banners.find((banner) => banner.length <= 20 && copyrights.some((line) => line.includes(banner)));
}

function attribute(document: Doc, selector: string, name = "content"): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value || undefined;
}
