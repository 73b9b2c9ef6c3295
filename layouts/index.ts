/** Every template of the site, by the virtual file name Eleventy knows it under. */
import { articleTemplate } from "./article.ts";
import { dateIndexTemplate, listTemplate, tagIndexTemplate } from "./lists.ts";
import { feedTemplate, robotsTemplate, sitemapTemplate } from "./feeds.ts";
import { notFoundTemplate, rootTemplate } from "./special.ts";
import { searchTemplate } from "./search.ts";
import { redirectTemplate } from "./redirect.ts";
import type { EleventyTemplate } from "./template.ts";

export const templates: Record<string, EleventyTemplate> = {
  "article.11ty.js": articleTemplate,
  "list.11ty.js": listTemplate,
  "tag-index.11ty.js": tagIndexTemplate,
  "date-index.11ty.js": dateIndexTemplate,
  "search.11ty.js": searchTemplate,
  "feed.11ty.js": feedTemplate,
  "sitemap.11ty.js": sitemapTemplate,
  "robots.11ty.js": robotsTemplate,
  "root.11ty.js": rootTemplate,
  "not-found.11ty.js": notFoundTemplate,
  "redirect.11ty.js": redirectTemplate,
};
