/**
 * A build, as one pipeline: the archive (read, validated, both scripts) → the site model → the pages
 * (Eleventy, with the layouts: only those that changed, src/eleventy/pages.ts) and, meanwhile in a
 * thread of its own, the search index. Its options are decided here once, and the archive is read
 * once; `npm run build`, the tests and the benchmark all build through this, so they build exactly
 * what a user gets.
 */
import path from "node:path";
import { ProblemsError, formatWarnings, type Problem } from "./problems.ts";
import { DEFAULT_CACHE_DIR, loadArchive, logArchive, type ArchiveOptions, type Archive } from "./archive.ts";
import { writePages, type WrittenPages } from "./eleventy/pages.ts";
import { basePath } from "./settings.ts";
import { startSearchIndex, type SearchIndexResult } from "./search/index.ts";
import { searchRecords } from "./search/records.ts";
import { buildSiteModel } from "./site/model.ts";
import { brokenInternalLinks } from "./site/links.ts";
import { minifyScripts } from "./site/minify.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Print every warning on its own line, and Eleventy's per-file log lines. */
  verbose?: boolean;
  /** Most articles per search index bundle (see src/search/index.ts). */
  searchShardSize?: number;
  /**
   * Where converted text and the record of written pages are kept (default: $ARCHIVE_CACHE_DIR,
   * else .cache/zh-archive); null keeps nothing, and every page is written.
   */
  cacheDir?: string | null;
}

export interface BuildResult {
  seconds: number;
  /** Reading the archive and making the site model. */
  archiveSeconds: number;
  archive: Archive["stats"];
  /** Eleventy's pages, and the checks of what it wrote. */
  pagesSeconds: number;
  pages: WrittenPages;
  /** The search index step, made while Eleventy writes the pages (its time overlaps theirs). */
  search: SearchIndexResult;
  /** Links in articles that lead to no file of the built site (also printed as warnings). */
  brokenLinks: Problem[];
}

/** Throws a ProblemsError listing every problem in the content, before anything is written. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const cacheDir = options.cacheDir === undefined ? (process.env.ARCHIVE_CACHE_DIR ?? DEFAULT_CACHE_DIR) : options.cacheDir;
  // A build never shows drafts; `npm start` does (src/eleventy/plugins.ts).
  const archiveOptions: ArchiveOptions = { contentDir: options.contentDir, cacheDir, includeDrafts: false };
  const archive = loadArchive(archiveOptions);
  logArchive(archive, performance.now() - started, options.verbose);
  const site = buildSiteModel(archive);
  const modelled = performance.now();

  // The index is made in a thread of its own while Eleventy writes the pages: both cores work.
  const indexing = startSearchIndex({
    outputDir: options.outputDir,
    settings: archive.settings,
    records: searchRecords(site.articles, basePath(archive.settings)),
    shardSize: options.searchShardSize,
  });
  let pages: WrittenPages;
  try {
    pages = await writePages({ ...options, site, cacheDir });
    minifyScripts(path.join(options.outputDir, "js"));
  } catch (error) {
    await indexing.stop();
    throw problemsIn(error) ?? error;
  }
  const written = performance.now();
  const search = await indexing.result;
  // Checked once everything is written: a link may lead to a page, a redirect, media or the search index.
  const brokenLinks = brokenInternalLinks(archive.entries, options.outputDir, basePath(archive.settings));
  for (const line of formatWarnings(brokenLinks, options.verbose)) console.warn(`[build] warning: ${line}`);
  return {
    seconds: (performance.now() - started) / 1000,
    archiveSeconds: (modelled - started) / 1000,
    archive: archive.stats,
    pagesSeconds: (written - modelled) / 1000,
    pages,
    search,
    brokenLinks,
  };
}

/** Eleventy wraps errors from data functions; find our own report of content problems inside. */
export function problemsIn(error: unknown): ProblemsError | undefined {
  const seen = new Set<unknown>();
  let current = error as { originalError?: unknown; cause?: unknown } | undefined;
  while (current && !seen.has(current)) {
    if (current instanceof ProblemsError) return current;
    seen.add(current);
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return undefined;
}
