/**
 * The page at an article's old address (`aliases:`): it sends the reader on at once (a meta
 * refresh, no script), names the article as canonical, keeps itself out of search engines, and
 * links the article for a reader whose browser does not follow it.
 */
import type { RedirectPage, SiteModel } from "../src/site/model.ts";
import { absoluteUrl } from "../src/site/urls.ts";
import { linker } from "./parts.ts";
import { html } from "./html.ts";
import { strings } from "./strings.ts";
import { pagePerItem } from "./template.ts";

export function renderRedirect(site: SiteModel, page: RedirectPage): string {
  const target = linker(site)(page.target);
  return html`<!doctype html>
<html lang="${page.script}">
<head>
<meta charset="utf-8">
<title>${page.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${absoluteUrl(site.settings.url, page.target)}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>${strings[page.script].movedTo}<a href="${target}">${page.title}</a></p>
</body>
</html>
`.value;
}

export const redirectTemplate = pagePerItem("redirects", renderRedirect);
