/** Pieces shared by several pages: dates, tag lists, article lists, pagination. */
import type { DateTime } from "luxon";
import type { ArticleCard, ListPage, SiteModel, TagLink } from "../src/site/model.ts";
import { basePath } from "../src/settings.ts";
import { href } from "../src/site/urls.ts";
import { formatChineseDate, isoDateTime } from "../src/articles/dates.ts";
import type { Script } from "../src/scripts.ts";
import { html, type Html } from "./html.ts";
import { strings } from "./strings.ts";

export type Link = (path: string) => string;

const linkers = new WeakMap<SiteModel, Link>();

/** Links as written in this site's pages: the base path, then the path. One function per site, so what is made with it can be remembered. */
export function linker(site: SiteModel): Link {
  let link = linkers.get(site);
  if (!link) {
    const base = basePath(site.settings);
    linkers.set(site, (link = (path) => href(base, path)));
  }
  return link;
}

export function time(date: DateTime): Html {
  return html`<time datetime="${isoDateTime(date)}">${formatChineseDate(date)}</time>`;
}

export function tagList(tags: TagLink[], link: Link): Html {
  if (tags.length === 0) return html``;
  return html`<ul class="tag-list">${tags.map((tag) => html`<li><a class="tag" href="${link(tag.url)}" rel="tag">${tag.name}</a></li>`)}</ul>`;
}

// An article's item is the same on every list that shows it (home, its tags, its month and year).
const listItems = new WeakMap<Link, WeakMap<ArticleCard, Html>>();

export function articleList(items: ArticleCard[], script: Script, link: Link): Html {
  if (items.length === 0) return html`<p class="page-intro">${strings[script].noArticles}</p>`;
  let made = listItems.get(link);
  if (!made) listItems.set(link, (made = new WeakMap()));
  return html`<ol class="article-list">${items.map((item) => {
    let itemHtml = made.get(item);
    if (!itemHtml) made.set(item, (itemHtml = articleItem(item, link)));
    return itemHtml;
  })}
</ol>`;
}

function articleItem(item: ArticleCard, link: Link): Html {
  return html`
<li class="article-item"><h2 class="article-item-title"><a href="${link(item.url)}">${item.title}</a></h2>
<p class="article-item-meta">${time(item.date)}</p>
${tagList(item.tags, link)}${item.summary ? html`<p class="article-item-summary">${item.summary}</p>` : ""}</li>`;
}

export function pagination(page: ListPage, link: Link): Html {
  if (page.pageCount <= 1) return html``;
  const t = strings[page.script];
  return html`<nav class="pagination" aria-label="${t.pagination}">${
    page.previousUrl ? html`<a class="pagination-prev" rel="prev" href="${link(page.previousUrl)}">${t.previousPage}</a>` : ""
  }<span class="pagination-status">${t.pageStatus(page.pageNumber, page.pageCount)}</span>${
    page.nextUrl ? html`<a class="pagination-next" rel="next" href="${link(page.nextUrl)}">${t.nextPage}</a>` : ""
  }</nav>`;
}
