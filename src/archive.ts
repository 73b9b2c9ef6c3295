/**
 * The archive in memory: settings, then every article loaded, validated and given both scripts.
 * Knows nothing of Eleventy, so the CLI, tests and the benchmark use it directly.
 */
import { createHash } from "node:crypto";
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { ARTICLES_FOLDER, duplicateSlugs, findArticleFiles } from "./articles/load.ts";
import { parseArticle } from "./articles/frontmatter.ts";
import { ArticleMemo, articleContext, type ArticleFields } from "./articles/memo.ts";
import { VariantBuilder, type ArticleText } from "./articles/variants.ts";
import { ProblemsError, formatWarnings, type Problem } from "./problems.ts";
import { SETTINGS_FILE, loadSettings, type SiteSettings } from "./settings.ts";
import type { Script } from "./scripts.ts";

export interface ArchiveOptions {
  contentDir: string;
  /** Where articles as read and rendered are kept between runs; null keeps them in memory only. */
  cacheDir?: string | null;
  /** Drafts are shown while editing (npm start) and left out of a build. */
  includeDrafts: boolean;
}

export interface ArchiveEntry {
  article: ArticleFields;
  text: Record<Script, ArticleText>;
}

export interface ArchiveStats {
  /** Articles read and rendered by this load, and those an earlier one had made (unchanged files). */
  made: number;
  reused: number;
  drafts: number;
  /** Reading (and checking) the articles, and rendering those that changed in both scripts. */
  readMs: number;
  variantsMs: number;
}

export interface Archive {
  settings: SiteSettings;
  /** Newest first. */
  entries: ArchiveEntry[];
  warnings: Problem[];
  stats: ArchiveStats;
}

/** Where a build and `npm start` keep what they cache, unless told otherwise. */
export const DEFAULT_CACHE_DIR = ".cache/zh-archive";

// One memo per content folder and process: watch-mode rebuilds find unchanged articles in memory.
const memos = new Map<string, ArticleMemo>();

function memoFor(options: ArchiveOptions): ArticleMemo {
  const folder = path.resolve(options.contentDir);
  const key = `${options.cacheDir}\u0000${folder}`;
  let memo = memos.get(key);
  if (!memo) {
    const contentKey = createHash("sha256").update(folder).digest("hex").slice(0, 12);
    const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
    memo = new ArticleMemo(options.cacheDir === null ? null : path.join(cacheDir, `articles-${contentKey}`));
    // Earlier versions kept converted text in this file; the memo holds it now.
    if (options.cacheDir !== null) rmSync(path.join(cacheDir, `conversions-${contentKey}.json`), { force: true });
    memos.set(key, memo);
  }
  return memo;
}

let last: { fingerprint: string; archive: Archive } | undefined;

/** What the archive was read from: every file's name, size and time, and the options. */
function fingerprint(options: ArchiveOptions): string {
  const files = [path.join(options.contentDir, SETTINGS_FILE), ...findArticleFiles(path.join(options.contentDir, ARTICLES_FOLDER))];
  const { includeDrafts, cacheDir } = options;
  const hash = createHash("sha256").update(JSON.stringify([path.resolve(options.contentDir), includeDrafts, cacheDir]));
  for (const file of files) {
    const stat = existsSync(file) ? statSync(file) : undefined;
    hash.update(`${file}\u0000${stat?.size}\u0000${stat?.mtimeMs}\u0000${stat?.ino}\n`);
  }
  return hash.digest("hex");
}

/**
 * Loads the whole archive; throws a ProblemsError listing every problem in every file. Asked
 * again with no file changed (the build command validates before Eleventy asks), it returns the
 * same archive without reading anything.
 */
export function loadArchive(options: ArchiveOptions): Archive {
  const print = fingerprint(options);
  if (last?.fingerprint === print) return last.archive;
  const archive = readArchive(options);
  last = { fingerprint: print, archive };
  return archive;
}

function readArchive(options: ArchiveOptions): Archive {
  const started = performance.now();
  const settings = loadSettings(options.contentDir);
  const memo = memoFor(options);
  const context = articleContext(settings);
  const variants = new VariantBuilder(settings);
  const stats: ArchiveStats = { made: 0, reused: 0, drafts: 0, readMs: 0, variantsMs: 0 };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const entries: ArchiveEntry[] = [];
  const articles: ArticleFields[] = [];
  for (const file of findArticleFiles(path.join(options.contentDir, ARTICLES_FOLDER))) {
    const { made, reused } = memo.read(file, context, (source) => {
      const { article, ...parsed } = parseArticle(file, source, settings);
      if (!article) return parsed;
      const rendering = performance.now();
      const { body, ...fields } = article;
      const made = { ...parsed, article: fields, variants: variants.build(article) };
      stats.variantsMs += performance.now() - rendering;
      return made;
    });
    if (reused) stats.reused++;
    else stats.made++;
    problems.push(...made.problems);
    warnings.push(...made.warnings);
    const { article, variants: built } = made;
    if (!article || !built) continue;
    articles.push(article);
    for (const problem of built.linkProblems) warnings.push({ file: article.file, field: "link", message: problem });
    if (article.draft && !options.includeDrafts) {
      stats.drafts++;
      continue;
    }
    const { original, converted } = built;
    entries.push({ article, text: { [original.lang]: original, [converted.lang]: converted } as Record<Script, ArticleText> });
  }
  problems.push(...duplicateSlugs(articles));
  if (problems.length > 0) throw new ProblemsError(problems);
  memo.save();
  entries.sort((a, b) => b.article.date.toMillis() - a.article.date.toMillis() || a.article.slug.localeCompare(b.article.slug));
  stats.readMs = performance.now() - started - stats.variantsMs;
  return { settings, entries, warnings, stats };
}

/** What reading the archive found and did, on the console: its warnings (a line per kind unless `verbose`), then one line. */
export function logArchive(archive: Archive, ms: number, verbose = false): void {
  for (const line of formatWarnings(archive.warnings, verbose)) console.warn(`[archive] warning: ${line}`);
  const { made, reused, drafts } = archive.stats;
  console.log(
    `[archive] ${archive.entries.length} articles (${drafts} drafts left out); ` +
      `read and rendered ${made}, ${reused} unchanged from the cache, in ${Math.round(ms)} ms`,
  );
}
