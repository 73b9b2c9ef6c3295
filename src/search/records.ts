/**
 * What the search index holds of each article: one record per article, with its text in both
 * scripts, read from the site's page model (not from the written pages), and what a result shows
 * in each script: link, title, date, tags, source.
 */
import { formatChineseDate, isoDateTime } from "../articles/dates.ts";
import { SCRIPTS, type Script } from "../scripts.ts";
import type { ArticlePage } from "../site/model.ts";
import { href } from "../site/urls.ts";

/** An article's searchable text in one script, in the order its page shows it. */
export interface IndexedText {
  /** Weighted above the rest, as the page's heading. */
  title: string;
  /** Author and source names and tag names. */
  names: string;
  /** The article's text, without markup. */
  body: string;
}

export interface SearchRecord {
  /** The article's slug: names it in error messages. */
  slug: string;
  text: Record<Script, IndexedText>;
  /** Pagefind's metadata of each script's result: title, date, datetime, tags, source. */
  meta: Record<Script, Record<string, string>>;
  /** The tag filter's values in each script; the year is the same in both. */
  tags: Record<Script, string[]>;
  year: string;
  url: Record<Script, string>;
}

/** One record per article, newest first as the pages are, from both scripts' article pages. */
export function searchRecords(articles: readonly ArticlePage[], base: string): SearchRecord[] {
  const bySlug = new Map<string, Partial<Record<Script, ArticlePage>>>();
  const order: string[] = [];
  for (const page of articles) {
    const slug = page.url;
    const key = slug.replace(/^\/zh-han[st]\//, "/");
    if (!bySlug.has(key)) {
      bySlug.set(key, {});
      order.push(key);
    }
    bySlug.get(key)![page.script] = page;
  }
  return order.map((key) => {
    const pages = bySlug.get(key)!;
    const both = SCRIPTS.map((script) => {
      const page = pages[script];
      if (!page) throw new Error(`the article ${key} has no ${script} page to index`);
      return page;
    });
    const [hans, hant] = both as [ArticlePage, ArticlePage];
    const record: SearchRecord = {
      slug: key.replace(/^\/articles\/|\/$/g, ""),
      text: { "zh-Hans": indexedText(hans), "zh-Hant": indexedText(hant) },
      meta: { "zh-Hans": resultMeta(hans, base), "zh-Hant": resultMeta(hant, base) },
      tags: { "zh-Hans": hans.tags.map((tag) => tag.name), "zh-Hant": hant.tags.map((tag) => tag.name) },
      year: String(hans.date.year),
      url: { "zh-Hans": href(base, hans.url), "zh-Hant": href(base, hant.url) },
    };
    return record;
  });
}

function indexedText(page: ArticlePage): IndexedText {
  const names = [page.author, page.source, ...page.tags.map((tag) => tag.name)].filter((name): name is string => Boolean(name));
  return { title: page.text.title, names: names.join(" "), body: textOfHtml(page.text.html) };
}

function resultMeta(page: ArticlePage, base: string): Record<string, string> {
  const meta: Record<string, string> = {
    title: page.text.title,
    date: formatChineseDate(page.date),
    datetime: isoDateTime(page.date),
    tags: JSON.stringify(page.tags.map((tag) => [tag.name, href(base, tag.url)])),
  };
  if (page.source) meta.source = page.source;
  return meta;
}

// Elements that end a run of text: their neighbours' characters never make a pair.
const BLOCK = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|caption|br|hr|figure|figcaption|dl|dt|dd|section|article|aside|header|footer|nav|details|summary|img)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The text a reader sees of an article's HTML (the site's own rendering): tags out, entities read. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(BLOCK, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string, hex: string, name: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? whole;
      const point = dec ? Number(dec) : parseInt(hex, 16);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    });
}
