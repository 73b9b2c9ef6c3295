/**
 * A build, as one pipeline: the archive (read, validated, both scripts) → the site model → the pages
 * (Eleventy, with the layouts) → the search index. Its options are decided here once, and the
 * archive is read once; `npm run build`, the tests and the benchmark all build through this, so
 * they build exactly what a user gets.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { ProblemsError } from "./problems.ts";
import { loadArchive, logArchive, type ArchiveOptions, type Archive } from "./archive.ts";
import { basePath } from "./settings.ts";
import { buildSearchIndex, type SearchIndexResult } from "./search/index.ts";
import { searchRecords } from "./search/records.ts";
import { buildSiteModel, type SiteModel } from "./site/model.ts";
import { minifyScripts } from "./site/minify.ts";
import { checkXmlFiles } from "./site/xml.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Print Eleventy's per-file log lines. */
  verbose?: boolean;
  /** Most articles per search index bundle (see src/search/index.ts). */
  searchShardSize?: number;
  /** Where converted text is cached (default: $ARCHIVE_CACHE_DIR, else .cache/zh-archive); null keeps it in memory only. */
  cacheDir?: string | null;
}

export interface BuildResult {
  seconds: number;
  /** Reading the archive and making the site model. */
  archiveSeconds: number;
  archive: Archive["stats"];
  /** Eleventy's pages, and the checks of what it wrote. */
  pagesSeconds: number;
  /** The search index step, after Eleventy (included in `seconds`). */
  search: SearchIndexResult;
}

const CONFIG_FILE = fileURLToPath(new URL("../eleventy.config.ts", import.meta.url));

/** Throws a ProblemsError listing every problem in the content, before anything is written. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // A build never shows drafts; `npm start` does (src/eleventy/plugins.ts).
  const archiveOptions: ArchiveOptions = {
    contentDir: options.contentDir,
    cacheDir: options.cacheDir === undefined ? process.env.ARCHIVE_CACHE_DIR : options.cacheDir,
    includeDrafts: false,
  };
  const archive = loadArchive(archiveOptions);
  logArchive(archive, performance.now() - started);
  const site = buildSiteModel(archive);
  const modelled = performance.now();

  await writePages(options, site);
  checkXml(options.outputDir);
  minifyScripts(path.join(options.outputDir, "js"));
  const written = performance.now();

  const search = await buildSearchIndex({
    outputDir: options.outputDir,
    settings: archive.settings,
    records: searchRecords(site.articles, basePath(archive.settings)),
    shardSize: options.searchShardSize,
  });
  return {
    seconds: (performance.now() - started) / 1000,
    archiveSeconds: (modelled - started) / 1000,
    archive: archive.stats,
    pagesSeconds: (written - modelled) / 1000,
    search,
  };
}

/**
 * Eleventy's part, given the site model (its data step does not read the archive again). It keeps
 * every page it wrote until it is let go, which this function's end does, so that they are not
 * held while the search index is made (at 100,000 articles Node held 7.8 GB).
 */
async function writePages(options: BuildOptions, site: SiteModel): Promise<void> {
  const eleventy = new Eleventy(options.contentDir, options.outputDir, {
    configPath: path.relative(process.cwd(), CONFIG_FILE),
    quietMode: !options.verbose,
    runMode: "build",
    config: (eleventyConfig: { addGlobalData(name: string, value: () => unknown): void }) => {
      eleventyConfig.addGlobalData("site", () => site);
    },
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
