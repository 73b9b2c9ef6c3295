/**
 * The archive in memory: settings, then every article loaded, validated and given both scripts.
 * Knows nothing of Eleventy, so the CLI, tests and the benchmark use it directly.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Article } from "./articles/types.ts";
import { ARTICLES_FOLDER, findArticleFiles, loadArticles, type ParsedFileMemo } from "./articles/load.ts";
import { ConversionCache } from "./convert/cache.ts";
import { VariantBuilder, type ArticleText, type ArticleVariants, type ConversionStats } from "./articles/variants.ts";
import { ProblemsError, formatWarnings, type Problem } from "./problems.ts";
import { SETTINGS_FILE, loadSettings, type SiteSettings } from "./settings.ts";
import type { Script } from "./scripts.ts";

export interface ArchiveOptions {
  contentDir: string;
  /** Where converted text is cached between runs; null keeps it in memory only. */
  cacheDir?: string | null;
  /** Drafts are shown while editing (npm start) and left out of a build. */
  includeDrafts: boolean;
}

export interface ArchiveEntry {
  article: Article;
  text: Record<Script, ArticleText>;
}

export interface Archive {
  settings: SiteSettings;
  /** Newest first. */
  entries: ArchiveEntry[];
  warnings: Problem[];
  stats: ConversionStats & { drafts: number; readMs: number; variantsMs: number };
}

/** Where a build and `npm start` keep what they cache, unless told otherwise. */
export const DEFAULT_CACHE_DIR = ".cache/zh-archive";
const caches = new Map<string, ConversionCache>();

/** One cache per content folder and process, so watch-mode rebuilds reuse it in memory. */
function cacheFor(options: ArchiveOptions): ConversionCache {
  if (options.cacheDir === null) return new ConversionCache(null);
  const contentKey = createHash("sha256").update(path.resolve(options.contentDir)).digest("hex").slice(0, 12);
  const file = path.join(options.cacheDir ?? DEFAULT_CACHE_DIR, `conversions-${contentKey}.json`);
  let cache = caches.get(file);
  if (!cache) caches.set(file, (cache = new ConversionCache(file)));
  return cache;
}

let last: { fingerprint: string; archive: Archive } | undefined;

// Between loads in one process (npm start), unchanged files are neither read nor rendered again:
// an unchanged file yields the same Article object, whose variants are remembered.
const parsedFiles = new Map<string, ParsedFileMemo>();
const builtVariants = new WeakMap<Article, ArticleVariants>();

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
  const contentKey = path.resolve(options.contentDir);
  if (!parsedFiles.has(contentKey)) parsedFiles.set(contentKey, new Map());
  const loaded = loadArticles(path.join(options.contentDir, ARTICLES_FOLDER), settings, parsedFiles.get(contentKey));
  if (loaded.problems.length > 0) throw new ProblemsError(loaded.problems);

  const published = loaded.articles.filter((article) => options.includeDrafts || !article.draft);
  published.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));

  const read = performance.now();
  const cache = cacheFor(options);
  const variants = new VariantBuilder(settings, cache);
  const warnings = [...loaded.warnings];
  const entries = published.map((article): ArchiveEntry => {
    let built = builtVariants.get(article);
    if (built) variants.reuse(built);
    else builtVariants.set(article, (built = variants.build(article)));
    for (const problem of built.linkProblems) warnings.push({ file: article.file, field: "link", message: problem });
    const { original, converted } = built;
    return { article, text: { [original.lang]: original, [converted.lang]: converted } as Record<Script, ArticleText> };
  });
  cache.save();
  return {
    settings,
    entries,
    warnings,
    stats: {
      ...variants.stats,
      drafts: loaded.articles.length - published.length,
      readMs: read - started,
      variantsMs: performance.now() - read,
    },
  };
}

/** What reading the archive found and did, on the console: its warnings (a line per kind unless `verbose`), then one line. */
export function logArchive(archive: Archive, ms: number, verbose = false): void {
  for (const line of formatWarnings(archive.warnings, verbose)) console.warn(`[archive] warning: ${line}`);
  const { converted, fromCache, drafts } = archive.stats;
  console.log(
    `[archive] ${archive.entries.length} articles (${drafts} drafts left out); ` +
      `converted ${converted}, ${fromCache} from cache, in ${Math.round(ms)} ms`,
  );
}
