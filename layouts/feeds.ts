/** Machine-readable files: an Atom feed per script, the sitemap (with hreflang), robots.txt. */
import type { Feed, SiteModel, SitemapFile } from "../src/site/model.ts";
import { isoDateTime } from "../src/articles/dates.ts";
import { otherScript } from "../src/scripts.ts";
import { absoluteUrl, paths } from "../src/site/urls.ts";
import { html } from "./html.ts";
import { pagePerItem, singlePage } from "./template.ts";

export function renderFeed(site: SiteModel, feed: Feed): string {
  const full = (path: string) => absoluteUrl(site.settings.url, path);
  const other = otherScript(feed.script);
  const title = site.settings.title[feed.script];
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.script}">
<title>${title}</title>
<subtitle>${site.settings.description[feed.script]}</subtitle>
<link href="${full(feed.url)}" rel="self" type="application/atom+xml"/>
<link href="${full(feed.homeUrl)}" rel="alternate" type="text/html"/>
<link href="${full(paths.feed(other))}" rel="alternate" hreflang="${other}" type="application/atom+xml"/>
<id>${full(feed.url)}</id>
<updated>${isoDateTime(feed.updated)}</updated>
<author><name>${title}</name></author>
${feed.entries.map(
  (entry) => html`<entry>
<title>${entry.title}</title>
<link href="${full(entry.url)}" rel="alternate" type="text/html"/>
<id>${full(entry.url)}</id>
<published>${isoDateTime(entry.date)}</published>
<updated>${isoDateTime(entry.updated)}</updated>
${entry.author ? html`<author><name>${entry.author}</name></author>\n` : ""}${entry.tags.map((tag) => html`<category term="${tag}"/>\n`)}${
    entry.summary ? html`<summary>${entry.summary}</summary>\n` : ""
  }<content type="html" xml:base="${full(entry.url)}">${entry.html}</content>
</entry>
`,
)}</feed>
`.value;
}

export function renderSitemap(site: SiteModel, file: SitemapFile): string {
  const full = (path: string) => absoluteUrl(site.settings.url, path);
  if (file.files) {
    return html`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${file.files.map((url) => html`<sitemap><loc>${full(url)}</loc></sitemap>\n`)}</sitemapindex>
`.value;
  }
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${(file.entries ?? []).map(
  (entry) => html`<url><loc>${full(entry.url)}</loc>${entry.lastModified ? html`<lastmod>${isoDateTime(entry.lastModified)}</lastmod>` : ""}<xhtml:link rel="alternate" hreflang="${entry.script}" href="${full(entry.url)}"/><xhtml:link rel="alternate" hreflang="${otherScript(entry.script)}" href="${full(entry.alternateUrl)}"/></url>
`,
)}</urlset>
`.value;
}

export function renderRobots(site: SiteModel): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.settings.url, paths.sitemap())}\n`;
}

export const feedTemplate = pagePerItem("feeds", renderFeed);
export const sitemapTemplate = pagePerItem("sitemaps", renderSitemap);
export const robotsTemplate = singlePage(paths.robots(), renderRobots);
