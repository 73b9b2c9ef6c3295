/** Lists of articles (home, tag, year, month) and the two indexes (all tags, all dates). */
import type { DateIndexPage, ListPage, SiteModel, TagIndexPage } from "../src/site/model.ts";
import { formatChineseMonth } from "../src/articles/dates.ts";
import { html } from "./html.ts";
import { strings } from "./strings.ts";
import { shell } from "./base.ts";
import { articleList, pagination, linker } from "./parts.ts";
import { pagePerItem } from "./template.ts";

function listHeading(page: ListPage): string {
  const t = strings[page.script];
  switch (page.kind) {
    case "home":
      return "";
    case "tag":
      return t.tagTitle(page.tag!);
    case "year":
      return t.year(page.year!);
    case "month":
      return formatChineseMonth(page.year!, page.month!);
  }
}

export function renderList(site: SiteModel, page: ListPage): string {
  const t = strings[page.script];
  const link = linker(site);
  const heading = listHeading(page);
  const suffix = page.pageNumber > 1 ? t.pageSuffix(page.pageNumber) : "";
  const content = html`${
    heading ? html`<h1 class="page-title">${heading}</h1>\n<p class="page-intro">${t.articleCount(page.total)}</p>` : html`<h1 class="page-title visually-hidden">${site.settings.title[page.script]}</h1>`
  }
${articleList(page.items, page.script, link)}
${pagination(page, link)}`;
  return shell({
    site,
    page,
    title: heading ? heading + suffix : suffix,
    bodyClass: `page-${page.kind}`,
    section: page.kind === "home" ? "home" : page.kind === "tag" ? "tags" : "archive",
    content,
  });
}

export function renderTagIndex(site: SiteModel, page: TagIndexPage): string {
  const t = strings[page.script];
  const link = linker(site);
  const content = html`<h1 class="page-title">${t.tags}</h1>
<p class="page-intro">${t.tagCount(page.tags.length)}</p>
<ul class="tag-cloud">${page.tags.map(
    (tag) => html`<li><a class="tag" href="${link(tag.url)}">${tag.name}<span class="count">${tag.count}</span></a></li>`,
  )}</ul>`;
  return shell({ site, page, title: t.tags, bodyClass: "page-tags", section: "tags", content });
}

export function renderDateIndex(site: SiteModel, page: DateIndexPage): string {
  const t = strings[page.script];
  const link = linker(site);
  const content = html`<h1 class="page-title">${t.archive}</h1>
<p class="page-intro">${t.archiveIntro}</p>
<ol class="archive-years">${page.years.map(
    (year) => html`
<li class="archive-year"><h2><a href="${link(year.url)}">${t.year(year.year)}</a><span class="count">${year.count}</span></h2>
<ol class="archive-months">${year.months.map(
      (month) => html`<li><a href="${link(month.url)}">${t.month(month.month)}</a><span class="count">${month.count}</span></li>`,
    )}</ol></li>`,
  )}
</ol>`;
  return shell({ site, page, title: t.archive, bodyClass: "page-archive", section: "archive", content });
}

export const listTemplate = pagePerItem("lists", renderList);
export const tagIndexTemplate = pagePerItem("tagIndexes", renderTagIndex);
export const dateIndexTemplate = pagePerItem("dateIndexes", renderDateIndex);
