/** The shell of every HTML page: head (canonical, hreflang, Open Graph), header with the switch, footer. */
import type { SiteModel, PageBase } from "../src/site/model.ts";
import { otherScript, type Script } from "../src/scripts.ts";
import { absoluteUrl, paths } from "../src/site/urls.ts";
import { linker } from "./parts.ts";
import { html, type Html } from "./html.ts";
import { strings } from "./strings.ts";

export interface ShellOptions {
  site: SiteModel;
  page: PageBase;
  /** The page's own title; the site title is added after it. Empty for the home page. */
  title: string;
  description?: string;
  bodyClass: string;
  /** Which nav item is current; the search page has its own search box instead of the header's. */
  section?: "home" | "tags" | "archive" | "search";
  /** Extra head elements (article Open Graph properties). */
  head?: Html;
  ogType?: "website" | "article";
  content: Html;
}

const OG_LOCALE: Record<string, string> = { "zh-Hans": "zh_CN", tw: "zh_TW", twp: "zh_TW", hk: "zh_HK" };

export function shell(options: ShellOptions): string {
  const { site, page, content } = options;
  const { settings } = site;
  const script = page.script;
  const other = otherScript(script);
  const t = strings[script];
  const link = linker(site);
  const full = (path: string) => absoluteUrl(settings.url, path);
  const siteName = settings.title[script];
  const title = options.title ? `${options.title} - ${siteName}` : siteName;
  const description = options.description ?? settings.description[script];
  const locale = (s: Script) => OG_LOCALE[s === "zh-Hans" ? s : settings.traditional]!;
  const urlOf: Record<Script, string> = { [script]: page.url, [other]: page.alternateUrl } as Record<Script, string>;
  const navItem = (section: ShellOptions["section"], path: string, label: string) =>
    html`<a href="${link(path)}"${options.section === section ? html` aria-current="page"` : ""}>${label}</a>`;

  return html`<!doctype html>
<html lang="${script}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${full(page.url)}">
<link rel="alternate" hreflang="zh-Hans" href="${full(urlOf["zh-Hans"])}">
<link rel="alternate" hreflang="zh-Hant" href="${full(urlOf["zh-Hant"])}">
<link rel="alternate" hreflang="x-default" href="${full(page.defaultUrl)}">
<link rel="alternate" type="application/atom+xml" href="${link(paths.feed(script))}" title="${siteName}">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${options.title || siteName}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${options.ogType ?? "website"}">
<meta property="og:url" content="${full(page.url)}">
<meta property="og:locale" content="${locale(script)}">
<meta property="og:locale:alternate" content="${locale(other)}">
${options.head ?? ""}<link rel="icon" href="${link(paths.icon())}" type="image/svg+xml">
<link rel="stylesheet" href="${link(paths.css())}">
<script src="${link(paths.choiceScript())}" defer></script>
</head>
<body class="${options.bodyClass}">
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header"><div class="wrap">
<a class="site-title" href="${link(paths.home(script))}">${siteName}</a>
<nav class="site-nav" aria-label="${t.siteNavigation}">${navItem("home", paths.home(script), t.home)}${navItem("tags", paths.tags(script), t.tags)}${navItem("archive", paths.archive(script), t.archive)}</nav>
<a class="script-switch" href="${link(page.alternateUrl)}" hreflang="${other}" lang="${other}" title="${t.switchTitle}" data-script="${other}">${t.switchLabel}</a>
${options.section === "search" ? "" : searchBox(script, link(paths.search(script)))}</div></header>
<main id="main" class="wrap">
${content}
</main>
<footer class="site-footer"><div class="wrap">
<p class="site-description">${settings.description[script]}</p>
<p><a href="${link(paths.feed(script))}">${t.subscribe}</a></p>
</div></footer>
</body>
</html>
`.value;
}

/** The search box of every page: a plain GET form that opens the search page with ?q=. */
function searchBox(script: Script, action: string): Html {
  const t = strings[script].search;
  return html`<form class="search-form" role="search" action="${action}" method="get">
<label class="visually-hidden" for="site-search">${t.label}</label>
<input id="site-search" type="search" name="q" placeholder="${t.placeholder}" enterkeyhint="search">
<button type="submit">${t.button}</button>
</form>
`;
}
