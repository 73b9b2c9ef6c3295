/**
 * The search index: each article indexed once, for both scripts, from the site's page model (not
 * from the written pages). Pagefind reads the words of other scripts (./pagefind-text.ts); the
 * Han characters' pairs are added here and the bundle is written in Pagefind's format
 * (./bundle.ts), which Pagefind's own code searches in the browser.
 *
 * An archive of more than `shardSize` articles is split into bundles by date, filled from the
 * oldest, which the search page searches newest first. A bundle whose records have not changed
 * since the last build is kept as it is: a build with nothing changed, or one new article, indexes
 * little or nothing. Besides the bundles (`/pagefind/<n>/`) it writes `/search-data/`: for each
 * script, its bundles and the Han characters in them (a query that needs a character the index
 * does not have is not sent), and the data that converts a query into either script.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteSettings } from "../settings.ts";
import { basePath } from "../settings.ts";
import { SCRIPTS, scriptPrefix, type Script } from "../scripts.ts";
import { href, paths } from "../site/urls.ts";
import { CharacterCollector, type CharacterSet } from "./characters.ts";
import { ambiguousCharacters, markedCharacters, writeQueryConversion } from "./conversion.ts";
import { writeBundle } from "./bundle.ts";
import { PagefindReader } from "./pagefind-text.ts";
import { typescriptWorker } from "./thread.ts";
import type { SearchRecord } from "./records.ts";

export interface SearchIndexOptions {
  outputDir: string;
  settings: SiteSettings;
  /** Every article, newest first (./records.ts). */
  records: SearchRecord[];
  /** Most articles in one bundle (default 10,000): what a first query loads grows with it. */
  shardSize?: number;
}

/** `/search-data/<script>.json`: what the search page of a script loads first. */
export interface ScriptSearchData {
  /** Pagefind bundles to search together, newest articles first, as links (with the site's base path). */
  bundles: string[];
  pages: number;
  /** The Han characters of this script's text. */
  characters: CharacterSet;
  /** zh-Hant only: those of the zh-Hans text, which most of the index's words are of. */
  simplifiedCharacters?: CharacterSet;
  /**
   * What each bundle was made from, so an unchanged one is not made again; oldest first. The pages
   * of the n-th have the filter part=n, by which the search page asks the bundles in date order.
   */
  shards: { bundle: string; pages: number; fingerprint: string }[];
}

export interface SearchIndexResult {
  seconds: number;
  /** Articles in the index, bundles, and articles indexed by this build (the others were kept). */
  articles: number;
  bundles: number;
  indexed: number;
}

/** The index could not be made; the message says what and why. */
export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchIndexError";
  }
}

export const DEFAULT_SHARD_SIZE = 10_000;
// Part of every bundle's fingerprint: change it when what is indexed, or how, changes.
const INDEX_VERSION = "4";

interface Shard {
  bundle: string;
  records: SearchRecord[];
  fingerprint: string;
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { outputDir, settings } = options;
  const base = basePath(settings);
  const dataDir = path.join(outputDir, paths.searchData());
  const shardSize = Math.max(1, options.shardSize ?? DEFAULT_SHARD_SIZE);
  const previous = new Map((readSearchData(dataDir, "zh-Hans")?.shards ?? []).map((shard) => [shard.bundle, shard.fingerprint]));
  const shards = shardsOf(options.records, base, shardSize);
  const ambiguous = markedCharacters(ambiguousCharacters(settings.traditional));
  let indexed = 0;
  const reader = new PagefindReader();
  try {
    for (const [i, shard] of shards.entries()) {
      const dir = path.join(outputDir, shard.bundle);
      if (previous.get(shard.bundle) === shard.fingerprint && existsSync(path.join(dir, "pagefind-entry.json"))) continue;
      try {
        // The bundle's files are named by their content: clear the old ones before writing anew.
        rmSync(dir, { recursive: true, force: true });
        await writeBundle(shard.records, (texts) => reader.read(texts), { dir, part: i + 1, id: shard.fingerprint.slice(0, 8), ambiguous });
      } catch (error) {
        // Half written, the bundle is of no use: the next build makes it again.
        try {
          rmSync(dir, { recursive: true, force: true });
        } catch {
          // Nothing of it could be written either.
        }
        throw new SearchIndexError(`the search index bundle ${shard.bundle} could not be written: ${messageOf(error)}`);
      }
      indexed += shard.records.length;
    }
  } catch (error) {
    throw error instanceof SearchIndexError ? error : new SearchIndexError(`the search index could not be made: ${messageOf(error)}`);
  } finally {
    await reader.close();
  }
  removeOtherBundles(outputDir, shards);

  mkdirSync(dataDir, { recursive: true });
  const characters = {} as Record<Script, CharacterSet>;
  for (const script of SCRIPTS) {
    const collector = new CharacterCollector();
    for (const record of options.records) {
      const text = record.text[script];
      collector.add(text.title);
      collector.add(text.names);
      collector.add(text.body);
    }
    characters[script] = collector.toJSON();
  }
  for (const script of SCRIPTS) {
    const data: ScriptSearchData = {
      bundles: shards.map((shard) => href(base, shard.bundle)).reverse(),
      pages: options.records.length,
      characters: characters[script],
      ...(script === "zh-Hant" ? { simplifiedCharacters: characters["zh-Hans"] } : {}),
      shards: shards.map((shard) => ({ bundle: shard.bundle, pages: shard.records.length, fingerprint: shard.fingerprint })),
    };
    writeFileSync(path.join(dataDir, `${scriptPrefix(script)}.json`), JSON.stringify(data));
  }
  writeQueryConversion({
    dir: dataDir,
    standard: settings.traditional,
    overrides: { "zh-Hant": settings.overrides.toHant, "zh-Hans": settings.overrides.toHans },
  });
  return {
    seconds: (performance.now() - started) / 1000,
    articles: options.records.length,
    bundles: shards.length,
    indexed,
  };
}

/** The index being made in a thread of its own (./index-worker.ts). */
export interface SearchIndexRun {
  result: Promise<SearchIndexResult>;
  /** Ends the thread unfinished (a bundle half written has no entry file, and is made again next time). */
  stop(): Promise<void>;
}

/** buildSearchIndex in a thread of its own, so that the build writes the pages meanwhile, on the other core. */
export function startSearchIndex(options: SearchIndexOptions): SearchIndexRun {
  const worker = typescriptWorker(new URL("./index-worker.ts", import.meta.url));
  const result = new Promise<SearchIndexResult>((resolve, reject) => {
    worker.once("message", (message: { result?: SearchIndexResult; error?: string }) => {
      if (message.error !== undefined) reject(new SearchIndexError(message.error));
      else resolve(message.result!);
      void worker.terminate();
    });
    worker.once("error", (error) => reject(new SearchIndexError(error.message)));
    worker.once("exit", (code) => reject(new SearchIndexError(`the search index thread ended (exit code ${code})`)));
  });
  // Handled here too: a failure while the pages are still being written must wait to be reported
  // by the build, not end the process as an unhandled rejection.
  result.catch(() => undefined);
  worker.postMessage(options);
  return { result, stop: async () => void (await worker.terminate()) };
}

/**
 * The records in bundles filled from the oldest, so that a new article changes only the newest
 * bundle and an edit only the one it is in; each with the fingerprint of what it holds.
 */
function shardsOf(newestFirst: SearchRecord[], base: string, shardSize: number): Shard[] {
  const oldestFirst = [...newestFirst].reverse();
  const shards: Shard[] = [];
  for (let start = 0; start < oldestFirst.length || shards.length === 0; start += shardSize) {
    const bundle = paths.searchBundle(shards.length + 1);
    const hash = createHash("sha256").update(`${INDEX_VERSION}\n${base}\n${bundle}\n`);
    const records = oldestFirst.slice(start, start + shardSize);
    for (const record of records) hash.update(JSON.stringify(record)).update("\u0000");
    shards.push({ bundle, records, fingerprint: hash.digest("hex") });
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

/** Bundles of an earlier build that this one does not have (it had more, or named them otherwise). */
function removeOtherBundles(outputDir: string, shards: Shard[]): void {
  const root = path.join(outputDir, "pagefind");
  if (!existsSync(root)) return;
  const keep = new Set(shards.map((shard) => path.basename(shard.bundle)));
  for (const name of readdirSync(root)) if (!keep.has(name)) rmSync(path.join(root, name), { recursive: true, force: true });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
