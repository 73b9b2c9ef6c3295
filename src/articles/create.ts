/**
 * A new article file with correct front matter: today's date in the site's zone, a unique slug
 * from the title, and the script detected from the title. Never overwrites a file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import type { SiteSettings } from "../settings.ts";
import type { Script } from "../scripts.ts";
import { detectScript } from "../convert/detect.ts";
import { toSimplified } from "../convert/opencc.ts";
import { ARTICLES_FOLDER, loadArticles } from "./load.ts";
import { slugify } from "./slugs.ts";

export interface NewArticle {
  title: string;
  tags?: string[];
  lang?: Script;
  draft?: boolean;
  now?: DateTime;
}

/** Writes the file and returns its path. */
export function createArticle(contentDir: string, settings: SiteSettings, input: NewArticle): string {
  const title = input.title.trim();
  if (!title) throw new Error("the title is empty");
  const now = (input.now ?? DateTime.now()).setZone(settings.timeZone);
  const articlesDir = path.join(contentDir, ARTICLES_FOLDER);
  const taken = new Set(loadArticles(articlesDir, settings).articles.map((article) => article.slug));
  const base = slugify(toSimplified(title)) || `article-${now.toFormat("yyyyLLdd-HHmm")}`;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;

  const frontMatter = {
    title,
    date: now.toFormat("yyyy-LL-dd HH:mm"),
    lang: input.lang ?? detectScript(title),
    slug,
    tags: input.tags ?? [],
    ...(input.draft ? { draft: true } : {}),
  };
  const dir = path.join(articlesDir, String(now.year));
  mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${slug}.md` : `${slug}-${n}.md`);
    try {
      // "wx": fail rather than replace a file someone wrote.
      writeFileSync(file, `---\n${yaml.dump(frontMatter, { lineWidth: -1 })}---\n\n`, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
