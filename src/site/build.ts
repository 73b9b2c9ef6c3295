/**
 * Builds the site with Eleventy's programmatic API: used by `npm run build`, the tests and the
 * benchmark, so all three build exactly what a user gets.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { ProblemsError } from "../problems.ts";
import { loadArchive } from "../archive.ts";
import { basePath } from "../settings.ts";
import { buildSearchIndex, type SearchIndexResult } from "../search/index.ts";
import { searchRecords } from "../search/records.ts";
import { buildSiteModel } from "./model.ts";
import { minifyScripts } from "./minify.ts";
import { checkXmlFiles } from "./xml.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Print Eleventy's per-file log lines. */
  verbose?: boolean;
  /** Most articles per search index bundle (see src/search/index.ts). */
  searchShardSize?: number;
}

export interface BuildResult {
  seconds: number;
  /** The search index step, after Eleventy (included in `seconds`). */
  search: SearchIndexResult;
}

const CONFIG_FILE = fileURLToPath(new URL("../../eleventy.config.ts", import.meta.url));

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  await writePages(options);
  checkXml(options.outputDir);
  minifyScripts(path.join(options.outputDir, "js"));
  const search = await indexArticles(options);
  return { seconds: (performance.now() - started) / 1000, search };
}

/**
 * Eleventy's part. It keeps every page it wrote until it is let go, which this function's end
 * does, so that they are not held while the search index is made (at 10,000 articles Node then
 * holds 0.4 GB, not 1.0 GB; at 100,000 it held 7.8 GB).
 */
async function writePages(options: BuildOptions): Promise<void> {
  const eleventy = new Eleventy(options.contentDir, options.outputDir, {
    configPath: path.relative(process.cwd(), CONFIG_FILE),
    quietMode: !options.verbose,
    runMode: "build",
  });
  try {
    await eleventy.write();
  } catch (error) {
    throw problemsIn(error) ?? error;
  }
}

/** A feed or sitemap that no reader could parse stops the build, naming the file and the place. */
function checkXml(outputDir: string): void {
  const problems = checkXmlFiles(outputDir);
  if (problems.length > 0) {
    throw new Error(`wrote XML that is not well-formed: ${problems.map((p) => `${p.file}: ${p.message}`).join("; ")}`);
  }
}

/** The search index of the articles: the archive is the one Eleventy's data step loaded. */
async function indexArticles(options: BuildOptions): Promise<SearchIndexResult> {
  const archive = loadArchive({ contentDir: options.contentDir, cacheDir: process.env.ARCHIVE_CACHE_DIR, includeDrafts: false });
  const records = searchRecords(buildSiteModel(archive).articles, basePath(archive.settings));
  return buildSearchIndex({ outputDir: options.outputDir, settings: archive.settings, records, shardSize: options.searchShardSize });
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
