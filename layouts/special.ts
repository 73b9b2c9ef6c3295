/**
 * Pages outside the two scripts: the root, which sends a reader to the script their browser asks
 * for (or the one they chose before) and shows plain links without JavaScript; and the 404 page.
 */
import type { SiteModel } from "../src/site/model.ts";
import { basePath } from "../src/settings.ts";
import { SCRIPTS } from "../src/scripts.ts";
import { absoluteUrl, paths } from "../src/site/urls.ts";
import { linker } from "./parts.ts";
import { html, type Html } from "./html.ts";
import { strings } from "./strings.ts";
import { singlePage } from "./template.ts";

interface BilingualPage {
  title: string;
  bodyClass: string;
  head?: Html;
  /** Send the reader on to their script (the root page only). */
  redirect?: boolean;
  content: Html;
}

function bilingualPage(site: SiteModel, options: BilingualPage): string {
  const { settings } = site;
  const link = linker(site);
  return html`<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${options.head ?? ""}<link rel="icon" href="${link(paths.icon())}" type="image/svg+xml">
<link rel="stylesheet" href="${link(paths.css())}">
<script src="${link(paths.choiceScript())}"${options.redirect ? html` data-redirect="${basePath(settings)}"` : ""}></script>
</head>
<body class="${options.bodyClass}">
<main id="main" class="wrap">
${options.content}
</main>
</body>
</html>
`.value;
}

function scriptChoices(site: SiteModel): Html {
  const link = linker(site);
  return html`<ul class="script-choice">${SCRIPTS.map(
    (script) => html`<li><a href="${link(paths.home(script))}" lang="${script}" hreflang="${script}" data-script="${script}">${strings[script].scriptName}<span>${site.settings.title[script]}</span></a></li>`,
  )}</ul>`;
}

export function renderRoot(site: SiteModel): string {
  const { settings } = site;
  const full = (path: string) => absoluteUrl(settings.url, path);
  const head = html`<meta name="description" content="${settings.description["zh-Hans"]}">
<link rel="canonical" href="${full(paths.root())}">
${SCRIPTS.map((script) => html`<link rel="alternate" hreflang="${script}" href="${full(paths.home(script))}">\n`)}<link rel="alternate" hreflang="x-default" href="${full(paths.root())}">
`;
  return bilingualPage(site, {
    redirect: true,
    title: `${settings.title["zh-Hans"]} · ${settings.title["zh-Hant"]}`,
    bodyClass: "page-root",
    head,
    content: html`<h1>${settings.title["zh-Hans"]} <span lang="zh-Hant">${settings.title["zh-Hant"]}</span></h1>
<p>${strings["zh-Hans"].chooseScript} · <span lang="zh-Hant">${strings["zh-Hant"].chooseScript}</span></p>
${scriptChoices(site)}`,
  });
}

export function renderNotFound(site: SiteModel): string {
  const hans = strings["zh-Hans"];
  const hant = strings["zh-Hant"];
  return bilingualPage(site, {
    title: `${hans.notFoundTitle} · ${hant.notFoundTitle}`,
    bodyClass: "page-404",
    head: html`<meta name="robots" content="noindex">\n`,
    content: html`<h1>${hans.notFoundTitle}</h1>
<p>${hans.notFoundText}</p>
<h1 lang="zh-Hant">${hant.notFoundTitle}</h1>
<p lang="zh-Hant">${hant.notFoundText}</p>
${scriptChoices(site)}`,
  });
}

export const rootTemplate = singlePage(paths.root(), renderRoot);
export const notFoundTemplate = singlePage(paths.notFound(), renderNotFound);
