/** An article page, in either script. */
import type { ArticlePage, SiteModel } from "../src/site/model.ts";
import { formatChineseDate, isoDateTime } from "../src/articles/dates.ts";
import { paths } from "../src/site/urls.ts";
import { isInOtherScript } from "../src/convert/detect.ts";
import { otherScript } from "../src/scripts.ts";
import { html, raw, type Html } from "./html.ts";
import { strings } from "./strings.ts";
import { shell } from "./base.ts";
import { tagList, time, linker, type Link } from "./parts.ts";
import { pagePerItem } from "./template.ts";

export function renderArticle(site: SiteModel, page: ArticlePage): string {
  const t = strings[page.script];
  const link = linker(site);
  const { text } = page;
  const converted = page.script !== page.originalScript;
  // Author and source are in the page's script, unless kept as written: then their own characters say which.
  const langOf = (name: string) => (isInOtherScript(name, page.script) ? otherScript(page.script) : page.script);
  // Names are indexed for search; their labels and the date are not.
  const label = (text: string) => html`<span data-pagefind-ignore>${text}：</span>`;
  const meta = [
    html`<span data-pagefind-ignore>${time(page.date)}</span>`,
    page.author ? html`<span class="article-author">${label(t.author)}<span lang="${langOf(page.author)}">${page.author}</span></span>` : "",
    page.source || page.sourceUrl
      ? html`<span class="article-source">${label(t.source)}${
          page.sourceUrl
            ? html`<a href="${page.sourceUrl}" rel="nofollow noopener" lang="${page.source ? langOf(page.source) : page.script}">${page.source ?? t.originalLink}</a>`
            : html`<span lang="${langOf(page.source!)}">${page.source}</span>`
        }</span>`
      : "",
  ];
  const head = html`<meta property="article:published_time" content="${isoDateTime(page.date)}">
${page.updated ? html`<meta property="article:modified_time" content="${isoDateTime(page.updated)}">\n` : ""}${page.tags.map(
    (tag) => html`<meta property="article:tag" content="${tag.name}" data-pagefind-filter="tag[content]">\n`,
  )}<script src="${link(paths.highlightScript())}" defer></script>
`;
  const content = html`<article class="article" ${searchAttributes(page, link)}>
<header class="article-header">
<h1 class="article-title" data-pagefind-weight="10">${text.title}</h1>
<p class="article-meta">${meta}</p>
${tagList(page.tags, link)}
</header>
${converted ? html`<p class="conversion-note" data-pagefind-ignore>${t.convertedNote}<a href="${link(page.defaultUrl)}" hreflang="${page.originalScript}">${t.readOriginal}</a></p>\n` : ""}${
    !converted && text.blocksConverted ? html`<p class="conversion-note" data-pagefind-ignore>${t.mixedNote(text.blocksConverted)}</p>\n` : ""
  }<div class="prose" id="article-text">
${raw(text.html)}</div>
${page.updated ? html`<p class="article-updated" data-pagefind-ignore>${t.updated} ${html`<time datetime="${isoDateTime(page.updated)}">${formatChineseDate(page.updated)}</time>`}</p>\n` : ""}${
    page.previous || page.next
      ? html`<nav class="article-nav" aria-label="${t.articleNavigation}" data-pagefind-ignore>${
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

/**
 * What Pagefind reads from an article page (src/search/ indexes only article pages): the body is
 * the <article>; title, date, tags and source come from attributes, so the text the indexer sees
 * never changes them; filters by tag (from the article:tag metadata) and by year. No sort key: the
 * index adds a script's pages oldest first, and that order is the date order the search page uses.
 */
function searchAttributes(page: ArticlePage, link: Link): Html {
  const meta = ["title[data-title]", "date[data-date]", "datetime[data-datetime]", "tags[data-tags]"];
  if (page.source) meta.push("source[data-source]");
  return html`data-pagefind-body data-pagefind-meta="${meta.join(", ")}" data-pagefind-filter="year[data-year]" data-title="${page.text.title}" data-date="${formatChineseDate(page.date)}" data-datetime="${isoDateTime(page.date)}" data-tags="${JSON.stringify(page.tags.map((tag) => [tag.name, link(tag.url)]))}"${page.source ? html` data-source="${page.source}"` : ""} data-year="${page.date.year}"`;
}

export const articleTemplate = pagePerItem("articles", renderArticle);
