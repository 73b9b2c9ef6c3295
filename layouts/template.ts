/** The shape of an Eleventy JavaScript template, and a helper for one page per model item. */
import type { SiteModel } from "../src/site/model.ts";
import { outputPath } from "../src/site/urls.ts";

export interface EleventyTemplate {
  data: Record<string, unknown>;
  render(data: Record<string, unknown>): string;
  /** The same pages by URL, for `npm start`, which renders a page only when it is asked for. */
  pages(site: SiteModel): PageRoute[];
}

/** One page of the site: its URL (a path from the site's base) and how to render it. */
export interface PageRoute {
  url: string;
  render(): string;
}

/**
 * The global data a build gives to say which pages one Eleventy run writes (their URLs); without
 * it, every page is written. A build writes only the pages that changed, and a large site in
 * several runs (src/eleventy/pages.ts).
 */
export const WRITE_ONLY_DATA = "writeOnly";

function writeOnly(data: Record<string, unknown>): ReadonlySet<string> | undefined {
  return data[WRITE_ONLY_DATA] as ReadonlySet<string> | undefined;
}

/** A template that writes one page for each item of the list `site.<list>`, at the item's URL. */
export function pagePerItem<T extends { url: string }>(
  list: keyof SiteModel,
  render: (site: SiteModel, item: T) => string,
): EleventyTemplate {
  return {
    data: {
      pagination: {
        data: `site.${list}`,
        size: 1,
        alias: "item",
        before: (items: T[], data: Record<string, unknown>) => {
          const only = writeOnly(data);
          return only ? items.filter((item) => only.has(item.url)) : items;
        },
      },
      permalink: (data: { item: T }) => outputPath(data.item.url),
      eleventyExcludeFromCollections: true,
    },
    render: (data) => render(data.site as SiteModel, data.item as T),
    pages: (site) => (site[list] as unknown as T[]).map((item) => ({ url: item.url, render: () => render(site, item) })),
  };
}

/** A template that writes one page. */
export function singlePage(url: string, render: (site: SiteModel) => string): EleventyTemplate {
  return {
    data: {
      permalink: (data: Record<string, unknown>) => (writeOnly(data)?.has(url) === false ? false : outputPath(url)),
      eleventyExcludeFromCollections: true,
    },
    render: (data) => render(data.site as SiteModel),
    pages: (site) => [{ url, render: () => render(site) }],
  };
}
