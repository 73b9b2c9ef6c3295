/**
 * Reads every article file under a folder into Article records, collecting every problem of every
 * file (and duplicate URLs across files) so that one run reports them all.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SiteSettings } from "../settings.ts";
import type { Problem } from "../problems.ts";
import { parseArticle } from "./frontmatter.ts";
import type { Article } from "./types.ts";

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
  warnings: Problem[];
}

export const ARTICLES_FOLDER = "articles";

/** Markdown files under `dir` (`.md`, in any case), at any depth, in a stable order. Names starting with . or _ are skipped. */
export function findArticleFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => isArticleFileName(entry) && !entry.split(path.sep).some((part) => /^[._]/.test(part)))
    .sort()
    .map((entry) => path.join(dir, entry));
}

export function isArticleFileName(name: string): boolean {
  return /\.md$/i.test(name);
}

/** Every article file of a folder parsed (the build reads through src/archive.ts, which also renders them). */
export function loadArticles(dir: string, settings: SiteSettings): LoadResult {
  const result: LoadResult = { articles: [], problems: [], warnings: [] };
  for (const file of findArticleFiles(dir)) {
    const parsed = parseArticle(file, readFileSync(file, "utf8"), settings);
    result.problems.push(...parsed.problems);
    result.warnings.push(...parsed.warnings);
    if (parsed.article) result.articles.push(parsed.article);
  }
  result.problems.push(...duplicateSlugs(result.articles));
  return result;
}

/** Two articles on one URL: one problem per clash, naming both files. */
export function duplicateSlugs(articles: Pick<Article, "file" | "slug">[]): Problem[] {
  const bySlug = new Map<string, Pick<Article, "file" | "slug">>();
  const problems: Problem[] = [];
  for (const article of articles) {
    const first = bySlug.get(article.slug);
    if (first) {
      problems.push({
        file: article.file,
        field: "slug",
        message: `"${article.slug}" is already the URL of ${first.file}; give one of them another slug`,
      });
    } else {
      bySlug.set(article.slug, article);
    }
  }
  return problems;
}
