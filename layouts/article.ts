/** An article page, in either script. */
import type { ArticlePage, SiteModel } from "../src/site/model.ts";
import { formatChineseDate, isoDateTime } from "../src/articles/dates.ts";
import { html, raw } from "./html.ts";
import { strings } from "./strings.ts";
import { shell } from "./base.ts";
import { tagList, time, linker } from "./parts.ts";
import { pagePerItem } from "./template.ts";

export function renderArticle(site: SiteModel, page: ArticlePage): string {
  const t = strings[page.script];
  const link = linker(site);
  const { text } = page;
  const converted = page.script !== page.originalScript;
  // Author and source are names, shown as written, in the script they were written in.
  const own = page.originalScript;
  const meta = [
    time(page.date),
    page.author ? html`<span class="article-author">${t.author}：<span lang="${own}">${page.author}</span></span>` : "",
    page.source || page.sourceUrl
      ? html`<span class="article-source">${t.source}：${
          page.sourceUrl
            ? html`<a href="${page.sourceUrl}" rel="nofollow noopener" lang="${page.source ? own : page.script}">${page.source ?? t.originalLink}</a>`
            : html`<span lang="${own}">${page.source}</span>`
        }</span>`
      : "",
  ];
  const head = html`<meta property="article:published_time" content="${isoDateTime(page.date)}">
${page.updated ? html`<meta property="article:modified_time" content="${isoDateTime(page.updated)}">\n` : ""}${page.tags.map(
    (tag) => html`<meta property="article:tag" content="${tag.name}">\n`,
  )}`;
  const content = html`<article class="article">
<header class="article-header">
<h1 class="article-title">${text.title}</h1>
<p class="article-meta">${meta}</p>
${tagList(page.tags, link)}
</header>
${converted ? html`<p class="conversion-note">${t.convertedNote}<a href="${link(page.canonicalUrl)}" hreflang="${own}">${t.readOriginal}</a></p>\n` : ""}<div class="prose">
${raw(text.html)}</div>
${page.updated ? html`<p class="article-updated">${t.updated} ${html`<time datetime="${isoDateTime(page.updated)}">${formatChineseDate(page.updated)}</time>`}</p>\n` : ""}${
    page.previous || page.next
      ? html`<nav class="article-nav" aria-label="${t.articleNavigation}">${
          page.previous
            ? html`<a class="article-nav-prev" rel="prev" href="${link(page.previous.url)}"><span class="article-nav-label">${t.previousArticle}</span><span class="article-nav-title">${page.previous.title}</span></a>`
            : ""
        }${
          page.next
            ? html`<a class="article-nav-next" rel="next" href="${link(page.next.url)}"><span class="article-nav-label">${t.nextArticle}</span><span class="article-nav-title">${page.next.title}</span></a>`
            : ""
        }</nav>`
      : ""
  }
</article>`;
  return shell({
    site,
    page,
    title: text.title,
    description: text.summary,
    bodyClass: "page-article",
    ogType: "article",
    head,
    content,
  });
}

export const articleTemplate = pagePerItem("articles", renderArticle);
