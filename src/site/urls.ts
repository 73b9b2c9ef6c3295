/**
 * Every URL of the site, built in one place. Paths start with "/" and are relative to the site's
 * base; `href` adds the base path (for a site on a sub-path), `absoluteUrl` the whole base URL.
 */
import { scriptPrefix, type Script } from "../scripts.ts";

export const paths = {
  root: () => "/",
  home: (script: Script, page = 1) => paged(`/${scriptPrefix(script)}/`, page),
  article: (script: Script, slug: string) => `/${scriptPrefix(script)}/articles/${slug}/`,
  tags: (script: Script) => `/${scriptPrefix(script)}/tags/`,
  tag: (script: Script, key: string, page = 1) => paged(`/${scriptPrefix(script)}/tags/${key}/`, page),
  archive: (script: Script) => `/${scriptPrefix(script)}/archive/`,
  year: (script: Script, year: number, page = 1) => paged(`/${scriptPrefix(script)}/${year}/`, page),
  month: (script: Script, year: number, month: number, page = 1) =>
    paged(`/${scriptPrefix(script)}/${year}/${String(month).padStart(2, "0")}/`, page),
  feed: (script: Script) => `/${scriptPrefix(script)}/feed.xml`,
  notFound: () => "/404.html",
  sitemap: (part?: number) => (part ? `/sitemap-${part}.xml` : "/sitemap.xml"),
  robots: () => "/robots.txt",
  css: () => "/css/site.css",
  icon: () => "/images/favicon.svg",
  choiceScript: () => "/js/script-choice.js",
  search: (script: Script) => `/${scriptPrefix(script)}/search/`,
  searchScript: () => "/js/search/page.js",
  highlightScript: () => "/js/highlight.js",
  /** One Pagefind bundle of the search index, both scripts' (bundle 1 holds the oldest articles). */
  searchBundle: (part: number) => `/pagefind/${part}/`,
  /** What the search page needs besides Pagefind: each script's index list and characters, the query conversion data. */
  searchData: () => "/search-data/",
};

function paged(path: string, page: number): string {
  return page > 1 ? `${path}page/${page}/` : path;
}

/** The same page in the other script: only the prefix differs. */
export function switchScript(path: string, to: Script): string {
  return path.replace(/^\/zh-han[st]\//, `/${scriptPrefix(to)}/`);
}

/** The file Eleventy writes for a path: folders get index.html. */
export function outputPath(path: string): string {
  return path.endsWith("/") ? `${path}index.html` : path;
}

/** A link as written in a page: the base path ("/" or "/archive/") then the path. */
export function href(basePath: string, path: string): string {
  return basePath.replace(/\/$/, "") + encodePath(path);
}

/** A full address with the site's base URL, for canonical links, feeds and the sitemap. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/$/, "") + encodePath(path);
}

/** Characters encodeURI leaves as they are (a path of only these is its own encoding). */
const URI_AS_IS = /^[A-Za-z0-9;,/?:@&=+$\-_.!~*'()#]*$/;

// Slugs and keys are ASCII already; this only guards against anything else reaching a URL.
function encodePath(path: string): string {
  return URI_AS_IS.test(path) ? path : encodeURI(path);
}

