/**
 * The search index, built after Eleventy has written the pages: each script's article pages go to
 * Pagefind (through its Node API) with their Chinese written as pairs of characters (./characters.ts), into
 * one Pagefind bundle per script, so each script's pages land in their own index and the indexer
 * holds one script at a time. A script of more than `shardSize` articles is split into several
 * bundles (newest first), which the search page searches together, so the memory the indexer needs
 * stays the same however large the archive grows.
 *
 * Besides Pagefind's bundles (`/pagefind/<script>[-n]/`) it writes `/search-data/`: for each
 * script, its bundles and the Han characters in them (a query that needs a character the index
 * does not have is not sent), and the data that converts a query into either script.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteSettings } from "../settings.ts";
import { basePath } from "../settings.ts";
import { SCRIPTS, scriptPrefix, type Script } from "../scripts.ts";
import { href, outputPath, paths } from "../site/urls.ts";
import { CharacterCollector, encodeHan, type CharacterSet } from "./characters.ts";
import { writeQueryConversion } from "./conversion.ts";

export interface SearchPageRef {
  script: Script;
  /** The article's path from the site's base, as in paths.article. */
  url: string;
}

export interface SearchIndexOptions {
  outputDir: string;
  settings: SiteSettings;
  /** Every article page to index, newest first within each script. */
  pages: SearchPageRef[];
  /** Most articles of a script in one Pagefind bundle (default 10,000): bounds the indexer's memory. */
  shardSize?: number;
}

/** `/search-data/<script>.json`: what the search page of a script loads first. */
export interface ScriptSearchData {
  /** Pagefind bundles to search together, as links (with the site's base path). */
  bundles: string[];
  pages: number;
  characters: CharacterSet;
}

export interface SearchIndexResult {
  seconds: number;
  scripts: Record<Script, { pages: number; bundles: number }>;
}

/** Pagefind could not index the site; the message says what and why. */
export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchIndexError";
  }
}

// Pages in flight to the indexer at once: it works on several while this process reads the next.
const CONCURRENCY = 8;
// Pagefind holds a whole index in memory until it writes it: about 0.5 GB per 1,000 articles for
// the benchmark's archive, more for text of many different words (see the README's Search section).
export const DEFAULT_SHARD_SIZE = 10_000;

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { outputDir, settings } = options;
  const base = basePath(settings);
  const dataDir = path.join(outputDir, paths.searchData());
  // A previous build's bundles (perhaps more shards than now) must not linger.
  rmSync(path.join(outputDir, "pagefind"), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const result = { seconds: 0, scripts: {} as SearchIndexResult["scripts"] };
  try {
    for (const script of SCRIPTS) {
      const pages = options.pages.filter((page) => page.script === script);
      const shardSize = Math.max(1, options.shardSize ?? DEFAULT_SHARD_SIZE);
      const characters = new CharacterCollector();
      const bundles: string[] = [];
      // An empty archive has no bundle: the search page then finds nothing without loading Pagefind.
      for (let start = 0, shard = 1; start < pages.length; start += shardSize, shard++) {
        const bundle = paths.searchBundle(script, shard);
        await indexShard(outputDir, base, script, pages.slice(start, start + shardSize), bundle, characters);
        bundles.push(href(base, bundle));
      }
      const data: ScriptSearchData = { bundles, pages: pages.length, characters: characters.toJSON() };
      writeFileSync(path.join(dataDir, `${scriptPrefix(script)}.json`), JSON.stringify(data));
      result.scripts[script] = { pages: pages.length, bundles: bundles.length };
    }
  } finally {
    await pagefind.close();
  }
  writeQueryConversion({
    dir: dataDir,
    standard: settings.traditional,
    overrides: { "zh-Hant": settings.overrides.toHant, "zh-Hans": settings.overrides.toHans },
  });
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function indexShard(
  outputDir: string,
  base: string,
  script: Script,
  pages: SearchPageRef[],
  bundle: string,
  characters: CharacterCollector,
): Promise<void> {
  const created = await pagefind.createIndex({}).catch((error: unknown) => {
    throw new SearchIndexError(`Pagefind could not start: ${messageOf(error)}`);
  });
  if (!created.index) throw new SearchIndexError(`Pagefind could not create an index: ${created.errors.join("; ")}`);
  const index = created.index;
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++]!;
      const file = path.join(outputDir, outputPath(page.url));
      if (!existsSync(file)) {
        problems.push(`${file}: the page was not written, so it cannot be indexed`);
        continue;
      }
      const html = readFileSync(file, "utf8");
      characters.addPage(html);
      const added = await index.addHTMLFile({ url: href(base, page.url), content: encodeHan(html) });
      if (added.errors.length > 0) problems.push(`${file}: ${added.errors.join("; ")}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (problems.length > 0) {
    throw new SearchIndexError(`Pagefind could not index ${problems.length} page(s):\n  ${problems.slice(0, 20).join("\n  ")}`);
  }
  const target = path.join(outputDir, bundle);
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${target}: ${written.errors.join("; ")}`);
  await index.deleteIndex();
  checkLanguage(target, script, pages.length);
}

/** Pagefind keys an index by the pages' <html lang>: this bundle must hold this script's pages only. */
function checkLanguage(bundleDir: string, script: Script, count: number): void {
  const entry = JSON.parse(readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.keys(entry.languages);
  const expected = scriptPrefix(script);
  if (count > 0 && (languages.length !== 1 || languages[0] !== expected || entry.languages[expected]!.page_count !== count)) {
    const found = languages.map((lang) => `${lang} (${entry.languages[lang]!.page_count} pages)`).join(", ");
    throw new SearchIndexError(
      `Pagefind put the ${count} ${script} article pages into the index(es) ${found || "none"}, not into ${expected} alone: ` +
        `every ${script} page must say <html lang="${script}">`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
