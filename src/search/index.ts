/**
 * The search index, built after Eleventy has written the pages: each script's article pages go to
 * Pagefind (through its Node API) with their Chinese written as pairs of characters (./characters.ts), into
 * one Pagefind bundle per script, so each script's pages land in their own index and the indexer
 * holds one script at a time. A script of more than `shardSize` articles is split into several
 * bundles, which the search page searches together, so the memory the indexer needs stays the same
 * however large the archive grows. A bundle whose pages have not changed since the last build is
 * kept as it is: a build with nothing changed, or one new article, indexes little or nothing.
 *
 * Each bundle is then made smaller: the pages' stored text as characters, short file names
 * (./compact.ts). Besides Pagefind's bundles (`/pagefind/<script>[-n]/`) it writes `/search-data/`: for each
 * script, its bundles and the Han characters in them (a query that needs a character the index
 * does not have is not sent), and the data that converts a query into either script.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { SiteSettings } from "../settings.ts";
import { basePath } from "../settings.ts";
import { SCRIPTS, scriptPrefix, type Script } from "../scripts.ts";
import { href, outputPath, paths } from "../site/urls.ts";
import { CharacterCollector, encodeHan, type CharacterSet } from "./characters.ts";
import { writeQueryConversion } from "./conversion.ts";
import { compactBundle } from "./compact.ts";

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
  /** Pagefind bundles to search together, newest articles first, as links (with the site's base path). */
  bundles: string[];
  pages: number;
  characters: CharacterSet;
  /**
   * What each bundle was made from, so an unchanged one is not made again; oldest first. The pages
   * of the n-th have the filter part=n, by which the search page asks the bundles in date order.
   */
  shards: { bundle: string; pages: number; fingerprint: string }[];
}

export interface SearchIndexResult {
  seconds: number;
  scripts: Record<Script, { pages: number; bundles: number; indexed: number }>;
}

/** Pagefind could not index the site; the message says what and why. */
export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchIndexError";
  }
}

// Pages in flight to the indexer at once: it works on several while this process reads the next.
// Pagefind numbers a bundle's pages in the order they are added, oldest first, and the search page
// takes that order as the date order: no sort key is stored, which would cost every reader 2 bytes
// a page with the first query (tested by test/browser/search.test.ts).
const CONCURRENCY = 8;
// Pagefind holds a whole index in memory until it writes it: about 0.5 GB per 1,000 articles for
// the benchmark's archive, more for text of many different words (see the README's Search section).
export const DEFAULT_SHARD_SIZE = 10_000;
// Part of every shard's fingerprint: change it when what is indexed, or how, changes.
const INDEX_VERSION = `3:${pagefindVersion()}`;

/** The installed Pagefind's version (its package exports no package.json). */
function pagefindVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pagefind") return manifest.version ?? "";
    }
    dir = path.dirname(dir);
  }
  return "";
}

interface Shard {
  bundle: string;
  /** Each page's link as the site writes it (base path included), and its file. */
  pages: { url: string; file: string }[];
  fingerprint: string;
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { outputDir, settings } = options;
  const base = basePath(settings);
  const dataDir = path.join(outputDir, paths.searchData());
  const shardSize = Math.max(1, options.shardSize ?? DEFAULT_SHARD_SIZE);
  const result = { seconds: 0, scripts: {} as SearchIndexResult["scripts"] };
  const previous = new Map<string, string>();
  for (const script of SCRIPTS) {
    for (const shard of readSearchData(dataDir, script)?.shards ?? []) previous.set(shard.bundle, shard.fingerprint);
  }
  const written: Record<Script, ScriptSearchData> = {} as Record<Script, ScriptSearchData>;
  try {
    for (const script of SCRIPTS) {
      const characters = new CharacterCollector();
      const shards = readShards(outputDir, base, script, options.pages, shardSize, characters);
      let indexed = 0;
      for (const [i, shard] of shards.entries()) {
        const dir = path.join(outputDir, shard.bundle);
        if (previous.get(shard.bundle) === shard.fingerprint && existsSync(path.join(dir, "pagefind-entry.json"))) continue;
        // The bundle's files are named by their content: clear the old ones before writing anew.
        rmSync(dir, { recursive: true, force: true });
        await indexShard(dir, script, shard, i + 1);
        indexed += shard.pages.length;
      }
      removeOtherBundles(outputDir, script, shards);
      written[script] = {
        // The search page's first bundle is the newest articles.
        bundles: shards.map((shard) => href(base, shard.bundle)).reverse(),
        pages: shards.reduce((sum, shard) => sum + shard.pages.length, 0),
        characters: characters.toJSON(),
        shards: shards.map((shard) => ({ bundle: shard.bundle, pages: shard.pages.length, fingerprint: shard.fingerprint })),
      };
      result.scripts[script] = { pages: written[script].pages, bundles: shards.length, indexed };
    }
  } finally {
    await pagefind.close();
  }
  mkdirSync(dataDir, { recursive: true });
  for (const script of SCRIPTS) writeFileSync(path.join(dataDir, `${scriptPrefix(script)}.json`), JSON.stringify(written[script]));
  writeQueryConversion({
    dir: dataDir,
    standard: settings.traditional,
    overrides: { "zh-Hant": settings.overrides.toHant, "zh-Hans": settings.overrides.toHans },
  });
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * A script's pages in shards filled from the oldest article, so that a new article changes only the
 * newest shard and an edit only the shard it is in; each with the fingerprint of its pages. The
 * pages are read here once and not kept: a shard that must be indexed reads its own again.
 */
function readShards(
  outputDir: string,
  base: string,
  script: Script,
  refs: SearchPageRef[],
  shardSize: number,
  characters: CharacterCollector,
): Shard[] {
  const oldestFirst = refs.filter((ref) => ref.script === script).reverse();
  const missing = oldestFirst.map((ref) => path.join(outputDir, outputPath(ref.url))).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    const lines = missing.slice(0, 20).map((file) => `${file}: the page was not written, so it cannot be indexed`);
    throw new SearchIndexError(`Pagefind could not index ${missing.length} page(s):\n  ${lines.join("\n  ")}`);
  }
  const shards: Shard[] = [];
  for (let start = 0; start < oldestFirst.length; start += shardSize) {
    const bundle = paths.searchBundle(script, shards.length + 1);
    const hash = createHash("sha256").update(`${INDEX_VERSION}\n${base}\n${bundle}\n`);
    const pages = oldestFirst.slice(start, start + shardSize).map((ref) => {
      const page = { url: href(base, ref.url), file: path.join(outputDir, outputPath(ref.url)) };
      const html = readFileSync(page.file, "utf8");
      characters.addPage(html);
      hash.update(`${page.url}\n`).update(html).update("\u0000");
      return page;
    });
    shards.push({ bundle, pages, fingerprint: hash.digest("hex") });
  }
  return shards;
}

function readSearchData(dataDir: string, script: Script): ScriptSearchData | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, `${scriptPrefix(script)}.json`), "utf8")) as ScriptSearchData;
  } catch {
    return undefined;
  }
}

/** Bundles of this script from an earlier build that has more shards than this one. */
function removeOtherBundles(outputDir: string, script: Script, shards: Shard[]): void {
  const root = path.join(outputDir, "pagefind");
  if (!existsSync(root)) return;
  const keep = new Set(shards.map((shard) => path.basename(shard.bundle)));
  const prefix = scriptPrefix(script);
  for (const name of readdirSync(root)) {
    if ((name === prefix || new RegExp(`^${prefix}-\\d+$`).test(name)) && !keep.has(name)) {
      rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
}

async function indexShard(dir: string, script: Script, shard: Shard, part: number): Promise<void> {
  const created = await pagefind.createIndex({}).catch((error: unknown) => {
    throw new SearchIndexError(`Pagefind could not start: ${messageOf(error)}`);
  });
  if (!created.index) throw new SearchIndexError(`Pagefind could not create an index: ${created.errors.join("; ")}`);
  const index = created.index;
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < shard.pages.length) {
      const { url, file } = shard.pages[next++]!;
      const added = await index.addHTMLFile({ url, content: withPart(encodeHan(readFileSync(file, "utf8")), part) });
      if (added.errors.length > 0) problems.push(`${url}: ${added.errors.join("; ")}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (problems.length > 0) {
    throw new SearchIndexError(`Pagefind could not index ${problems.length} page(s):\n  ${problems.slice(0, 20).join("\n  ")}`);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${dir}: ${written.errors.join("; ")}`);
  await index.deleteIndex();
  checkLanguage(dir, script, shard.pages.length);
  try {
    compactBundle(dir);
  } catch (error) {
    // Half rewritten, the bundle is of no use: the next build makes it again.
    rmSync(dir, { recursive: true, force: true });
    throw new SearchIndexError(`Pagefind's bundle ${dir} could not be made smaller: ${messageOf(error)}`);
  }
}

/** The page as the indexer gets it: with the filter that says which bundle it is in. */
function withPart(html: string, part: number): string {
  const filter = `<meta data-pagefind-filter="part[content]" content="${part}">`;
  return html.includes("<head>") ? html.replace("<head>", `<head>${filter}`) : filter + html;
}

/**
 * Pagefind's entry file. Under load it was once read empty just after writeFiles resolved (a
 * fresh-clone run on a busy machine), so an empty or partial file is read again for a moment.
 */
function readEntry(file: string): unknown {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      if (Date.now() > deadline) throw new SearchIndexError(`Pagefind wrote no readable ${file}: ${messageOf(error)}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** Pagefind keys an index by the pages' <html lang>: this bundle must hold this script's pages only. */
function checkLanguage(bundleDir: string, script: Script, count: number): void {
  const entry = readEntry(path.join(bundleDir, "pagefind-entry.json")) as {
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
