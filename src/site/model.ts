/**
 * The site as a list of pages: every article, list, index and feed in both scripts, each with its
 * URL and its twin in the other script. Templates only render what this model says.
 */
import { DateTime } from "luxon";
import type { Archive, ArchiveEntry } from "../archive.ts";
import type { ArticleText } from "../articles/variants.ts";
import type { SiteSettings } from "../settings.ts";
import { SCRIPTS, otherScript, type Script } from "../scripts.ts";
import { ProblemsError, type Problem } from "../problems.ts";
import { collectTags } from "./tags.ts";
import { outputPath, paths, switchScript } from "./urls.ts";

export interface PageBase {
  script: Script;
  /** Path from the site's base, starting with "/". */
  url: string;
  /** The same page in the other script. */
  alternateUrl: string;
  /**
   * The version for readers of neither script (hreflang x-default): an article's original, a
   * list's Simplified page. Each page is its own canonical: a converted page is no copy to drop.
   */
  defaultUrl: string;
}

export interface TagLink {
  name: string;
  url: string;
}

export interface ArticleCard {
  url: string;
  title: string;
  date: DateTime;
  summary?: string;
  tags: TagLink[];
}

export interface ArticlePage extends PageBase {
  kind: "article";
  text: ArticleText;
  /** The script the article was written in; the page is converted when it differs from `script`. */
  originalScript: Script;
  date: DateTime;
  updated?: DateTime;
  author?: string;
  source?: string;
  sourceUrl?: string;
  tags: TagLink[];
  /** The older and newer neighbours. */
  previous?: { url: string; title: string };
  next?: { url: string; title: string };
}

export type ListKind = "home" | "tag" | "year" | "month";

export interface ListPage extends PageBase {
  kind: ListKind;
  /** For tag pages, the tag's name; for date pages, the year and month. */
  tag?: string;
  year?: number;
  month?: number;
  items: ArticleCard[];
  total: number;
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
}

export interface TagIndexPage extends PageBase {
  kind: "tags";
  tags: (TagLink & { count: number })[];
}

export interface DateIndexPage extends PageBase {
  kind: "archive";
  years: { year: number; url: string; count: number; months: { month: number; url: string; count: number }[] }[];
}

/** The search page of one script: the choices of its filters come from the archive. */
export interface SearchPage extends PageBase {
  kind: "search";
  /** Most used first. The URL names a tag by its key (the same in both scripts); the filter by its name here. */
  tags: { key: string; name: string; count: number }[];
  /** Newest first: the values of the year filter. */
  years: { year: number; count: number }[];
}

export interface FeedEntry {
  url: string;
  title: string;
  date: DateTime;
  updated: DateTime;
  summary?: string;
  html: string;
  tags: string[];
  author?: string;
}

export interface Feed {
  script: Script;
  url: string;
  homeUrl: string;
  updated: DateTime;
  entries: FeedEntry[];
}

export interface SitemapEntry {
  url: string;
  alternateUrl: string;
  script: Script;
  lastModified?: DateTime;
}

/** A sitemap file: a list of pages, or (past 50,000 pages) an index of the other files. */
export interface SitemapFile {
  url: string;
  entries?: SitemapEntry[];
  files?: string[];
}

/** A page at an article's old address (`aliases:`) that sends the reader on to the article. */
export interface RedirectPage {
  /** The old address, a path from the site's base (its characters as themselves; links encode them). */
  url: string;
  /** The article's page in its own script. */
  target: string;
  script: Script;
  title: string;
}

export interface SiteModel {
  settings: SiteSettings;
  articles: ArticlePage[];
  lists: ListPage[];
  tagIndexes: TagIndexPage[];
  dateIndexes: DateIndexPage[];
  searchPages: SearchPage[];
  feeds: Feed[];
  sitemaps: SitemapFile[];
  redirects: RedirectPage[];
}

const SITEMAP_LIMIT = 50_000;

export function buildSiteModel(archive: Archive): SiteModel {
  const { settings, entries } = archive;
  const tagSet = collectTags(entries);
  const tags = tagSet.all;
  const tagLinks = (entry: ArchiveEntry, script: Script): TagLink[] =>
    tagSet.of(entry).map((tag) => ({ name: tag.name[script], url: paths.tag(script, tag.key) }));

  const cards = new Map<Script, Map<ArchiveEntry, ArticleCard>>();
  for (const script of SCRIPTS) {
    cards.set(
      script,
      new Map(
        entries.map((entry) => [
          entry,
          {
            url: paths.article(script, entry.article.slug),
            title: entry.text[script].title,
            date: entry.article.date,
            summary: entry.text[script].summary,
            tags: tagLinks(entry, script),
          },
        ]),
      ),
    );
  }
  const cardsFor = (script: Script, list: ArchiveEntry[]) => list.map((entry) => cards.get(script)!.get(entry)!);

  const model: SiteModel = {
    settings,
    articles: [],
    lists: [],
    tagIndexes: [],
    dateIndexes: [],
    searchPages: [],
    feeds: [],
    sitemaps: [],
    redirects: [],
  };
  for (const script of SCRIPTS) {
    model.articles.push(...articlePages(entries, script, cards.get(script)!));
    model.lists.push(...paginate(settings.perPage, cardsFor(script, entries), script, "home", (page) => paths.home(script, page)));
    for (const tag of tags) {
      model.lists.push(
        ...paginate(settings.perPage, cardsFor(script, tag.entries), script, "tag", (page) => paths.tag(script, tag.key, page), {
          tag: tag.name[script],
        }),
      );
    }
    model.tagIndexes.push({
      kind: "tags",
      ...pageUrls(script, paths.tags(script)),
      tags: [...tags]
        .sort((a, b) => b.entries.length - a.entries.length || a.key.localeCompare(b.key))
        .map((tag) => ({ name: tag.name[script], url: paths.tag(script, tag.key), count: tag.entries.length })),
    });
    const dateIndex = datePages(settings.perPage, entries, script, cardsFor);
    model.lists.push(...dateIndex.lists);
    model.dateIndexes.push(dateIndex.index);
    model.searchPages.push({
      kind: "search",
      ...pageUrls(script, paths.search(script)),
      tags: [...tags]
        .sort((a, b) => b.entries.length - a.entries.length || a.key.localeCompare(b.key))
        .map((tag) => ({ key: tag.key, name: tag.name[script], count: tag.entries.length })),
      years: dateIndex.index.years.map((year) => ({ year: year.year, count: year.count })),
    });
    model.feeds.push(feed(settings, entries, script));
  }
  model.sitemaps = sitemapFiles([
    ...model.articles.map((page) => ({ ...sitemapEntry(page), lastModified: page.updated ?? page.date })),
    ...[...model.lists, ...model.tagIndexes, ...model.dateIndexes].map(sitemapEntry),
  ]);
  model.redirects = redirectPages(entries, model);
  return model;
}

// Folders where the build writes files of its own (the public/ assets, images, the search index).
const BUILD_FOLDERS = ["css", "js", "images", "media", "pagefind", "search-data"];

/**
 * A page at each article's old addresses. An address that is already a page of the site, another
 * article's old address, or inside a folder of the build's own files is a problem naming both.
 */
function redirectPages(entries: ArchiveEntry[], model: SiteModel): RedirectPage[] {
  // Most archives have none: the pages' addresses are gathered only when there are some.
  if (!entries.some((entry) => entry.article.aliases?.length)) return [];
  const taken = new Map<string, string>();
  for (const { article } of entries) {
    for (const script of SCRIPTS) taken.set(fileOf(paths.article(script, article.slug)), `the address of ${article.file}`);
  }
  const sitePages = [
    ...[...model.lists, ...model.tagIndexes, ...model.dateIndexes, ...model.searchPages, ...model.feeds, ...model.sitemaps].map((page) => page.url),
    paths.root(),
    paths.notFound(),
    paths.robots(),
  ];
  for (const url of sitePages) taken.set(fileOf(url), `the address of a page the site makes (${url})`);

  const problems: Problem[] = [];
  const redirects: RedirectPage[] = [];
  for (const { article, text } of entries) {
    for (const alias of article.aliases ?? []) {
      const file = fileOf(alias);
      const folders = file.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"));
      const clash = BUILD_FOLDERS.includes(folders[0] ?? "")
        ? `inside /${folders[0]}/, where the build writes its own files`
        : (taken.get(file) ?? folders.map((folder) => taken.get(folder)).find(Boolean));
      if (clash) {
        problems.push({ file: article.file, field: "aliases", message: `"${alias}" is ${clash}; remove it from one of them` });
        continue;
      }
      taken.set(file, `also an old address of ${article.file}`);
      redirects.push({ url: alias, target: paths.article(article.lang, article.slug), script: article.lang, title: text[article.lang].title });
    }
  }
  if (problems.length > 0) throw new ProblemsError(problems);
  return redirects;
}

/** The file a page is written to, relative to the output folder. */
function fileOf(url: string): string {
  return outputPath(url).slice(1);
}

function sitemapEntry(page: PageBase): SitemapEntry {
  return { url: page.url, alternateUrl: page.alternateUrl, script: page.script };
}

/** One sitemap.xml while the pages fit in one (the protocol's limit is 50,000), else an index. */
function sitemapFiles(entries: SitemapEntry[]): SitemapFile[] {
  if (entries.length <= SITEMAP_LIMIT) return [{ url: paths.sitemap(), entries }];
  const files: SitemapFile[] = [];
  for (let i = 0; i < entries.length; i += SITEMAP_LIMIT) {
    files.push({ url: paths.sitemap(files.length + 1), entries: entries.slice(i, i + SITEMAP_LIMIT) });
  }
  return [{ url: paths.sitemap(), files: files.map((file) => file.url) }, ...files];
}

function pageUrls(script: Script, url: string, defaultUrl = switchScript(url, "zh-Hans")): PageBase {
  return { script, url, alternateUrl: switchScript(url, otherScript(script)), defaultUrl };
}

function articlePages(entries: ArchiveEntry[], script: Script, cards: Map<ArchiveEntry, ArticleCard>): ArticlePage[] {
  return entries.map((entry, i) => {
    const { article } = entry;
    const card = cards.get(entry)!;
    const older = entries[i + 1];
    const newer = entries[i - 1];
    return {
      kind: "article",
      ...pageUrls(script, card.url, paths.article(article.lang, article.slug)),
      text: entry.text[script],
      originalScript: article.lang,
      date: article.date,
      updated: article.updated,
      author: entry.text[script].author,
      source: entry.text[script].source,
      sourceUrl: article.sourceUrl,
      tags: card.tags,
      previous: older && { url: cards.get(older)!.url, title: cards.get(older)!.title },
      next: newer && { url: cards.get(newer)!.url, title: cards.get(newer)!.title },
    };
  });
}

/** Splits a list into pages; an empty list still gets its first page. */
function paginate(
  perPage: number,
  items: ArticleCard[],
  script: Script,
  kind: ListKind,
  urlOf: (page: number) => string,
  extra: Partial<ListPage> = {},
): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pageCount }, (_, i) => ({
    kind,
    ...extra,
    // The home page's x-default is the site's root, where a reader picks a script.
    ...pageUrls(script, urlOf(i + 1), kind === "home" && i === 0 ? paths.root() : undefined),
    items: items.slice(i * perPage, (i + 1) * perPage),
    total: items.length,
    pageNumber: i + 1,
    pageCount,
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < pageCount ? urlOf(i + 2) : undefined,
  }));
}

function datePages(
  perPage: number,
  entries: ArchiveEntry[],
  script: Script,
  cardsFor: (script: Script, list: ArchiveEntry[]) => ArticleCard[],
): { lists: ListPage[]; index: DateIndexPage } {
  const years = new Map<number, Map<number, ArchiveEntry[]>>();
  for (const entry of entries) {
    const { year, month } = entry.article.date;
    if (!years.has(year)) years.set(year, new Map());
    const months = years.get(year)!;
    if (!months.has(month)) months.set(month, []);
    months.get(month)!.push(entry);
  }
  const lists: ListPage[] = [];
  const index: DateIndexPage = { kind: "archive", ...pageUrls(script, paths.archive(script)), years: [] };
  for (const [year, months] of [...years.entries()].sort((a, b) => b[0] - a[0])) {
    const yearEntries = [...months.values()].flat();
    lists.push(...paginate(perPage, cardsFor(script, yearEntries), script, "year", (page) => paths.year(script, year, page), { year }));
    const monthLinks = [];
    for (const [month, monthEntries] of [...months.entries()].sort((a, b) => b[0] - a[0])) {
      lists.push(
        ...paginate(perPage, cardsFor(script, monthEntries), script, "month", (page) => paths.month(script, year, month, page), {
          year,
          month,
        }),
      );
      monthLinks.push({ month, url: paths.month(script, year, month), count: monthEntries.length });
    }
    index.years.push({ year, url: paths.year(script, year), count: yearEntries.length, months: monthLinks });
  }
  return { lists, index };
}

function feed(settings: SiteSettings, entries: ArchiveEntry[], script: Script): Feed {
  const latest = entries.slice(0, settings.feedSize);
  const updatedOf = (entry: ArchiveEntry) => entry.article.updated ?? entry.article.date;
  return {
    script,
    url: paths.feed(script),
    homeUrl: paths.home(script),
    // An empty feed was last changed now.
    updated: latest.map(updatedOf).sort((a, b) => b.toMillis() - a.toMillis())[0] ?? DateTime.now().setZone(settings.timeZone),
    entries: latest.map((entry) => ({
      url: paths.article(script, entry.article.slug),
      title: entry.text[script].title,
      date: entry.article.date,
      updated: updatedOf(entry),
      summary: entry.text[script].summary,
      html: entry.text[script].html,
      tags: entry.text[script].tags,
      author: entry.text[script].author,
    })),
  };
}
