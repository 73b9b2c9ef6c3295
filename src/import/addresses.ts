/** The addresses a page links to, as the archive keeps them: without tracking, past redirectors, told from tag pages. */
import { httpUrl } from "./dom.ts";
import {
  REDIRECT_PATH, REDIRECT_QUERY, REDIRECT_TARGET_KEYS, TAG_PAGE_PATH, TAG_PAGE_QUERY, TRACKING_HOST, TRACKING_PARAMETER,
} from "./rules.ts";

/** Removes `utm_*` and similar tracking parameters from an address. */
export function withoutTracking(url: URL): URL {
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) url.searchParams.delete(key);
  }
  return url;
}

/** An address that only counts clicks or redirects: its link is dropped, its words kept. */
export function isTrackingUrl(url: URL): boolean {
  return TRACKING_HOST.test(url.hostname) || (REDIRECT_PATH.test(url.pathname) && REDIRECT_QUERY.test(url.search.slice(1)));
}

/** An address of a site's tag, keyword, topic or search page. */
export function isTagPageUrl(url: URL): boolean {
  return TAG_PAGE_PATH.test(url.pathname + (url.search ? "?" : "")) || TAG_PAGE_QUERY.test(url.search.slice(1));
}

/** A link through a site's redirector (`/?target=https://…`) goes where it leads. */
export function redirectTarget(url: URL | undefined): URL | undefined {
  if (!url) return undefined;
  for (const key of REDIRECT_TARGET_KEYS) {
    const target = httpUrl(url.searchParams.get(key) ?? undefined);
    if (target && target.host !== url.host) return target;
  }
  return url;
}
