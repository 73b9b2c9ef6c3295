/**
 * The search page of one script. The form works as a plain GET form (the query stays in the URL);
 * public/js/search/page.js runs the search in the browser against the Pagefind index and draws the
 * results. Everything the code needs comes in attributes: paths, and the interface words.
 */
import type { SearchPage, SiteModel } from "../src/site/model.ts";
import { paths } from "../src/site/urls.ts";
import { basePath } from "../src/settings.ts";
import { html } from "./html.ts";
import { strings } from "./strings.ts";
import { shell } from "./base.ts";
import { linker } from "./parts.ts";
import { pagePerItem } from "./template.ts";

export function renderSearch(site: SiteModel, page: SearchPage): string {
  const t = strings[page.script];
  const s = t.search;
  const link = linker(site);
  // The words the page's code shows, and where to find the index: attributes, never inline script.
  const words = {
    ...s,
    source: t.source,
    tagsUrl: link(paths.tags(page.script)),
    datesUrl: link(paths.archive(page.script)),
  };
  const content = html`<h1 class="page-title">${s.title}</h1>
<div class="search" id="search" data-script="${page.script}" data-base="${basePath(site.settings)}" data-search-data="${link(paths.searchData())}" data-strings="${JSON.stringify(words)}">
<form class="search-page-form" role="search" action="${link(page.url)}" method="get">
<div class="search-query">
<label for="search-q">${s.label}</label>
<input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">${s.button}</button>
</div>
<div class="search-filters">
<label>${s.tag}<select name="tag"><option value="">${s.anyTag}</option>${page.tags.map(
    (tag) => html`<option value="${tag.key}" data-filter="${tag.name}">${tag.name}（${tag.count}）</option>`,
  )}</select></label>
<label>${s.year}<select name="year"><option value="">${s.anyYear}</option>${page.years.map(
    (year) => html`<option value="${year.year}">${t.year(year.year)}（${year.count}）</option>`,
  )}</select></label>
<label>${s.sort}<select name="sort"><option value="">${s.sortRelevance}</option><option value="newest">${s.sortNewest}</option><option value="oldest">${s.sortOldest}</option></select></label>
</div>
</form>
<p class="search-intro">${s.intro}</p>
<p class="search-status" role="status" aria-live="polite"></p>
<section class="search-results" aria-label="${s.results}" hidden><ol class="search-list"></ol></section>
<div class="search-suggestions" hidden></div>
<noscript><p class="search-noscript">${s.needsJavaScript} <a href="${link(paths.tags(page.script))}">${s.browseTags}</a> · <a href="${link(paths.archive(page.script))}">${s.browseDates}</a></p></noscript>
</div>`;
  return shell({
    site,
    page,
    title: s.title,
    bodyClass: "page-search",
    section: "search",
    head: html`<meta name="robots" content="noindex">
<script type="module" src="${link(paths.searchScript())}"></script>
`,
    content,
  });
}

/** One search page per script. */
export const searchTemplate = pagePerItem("searchPages", renderSearch);
