/**
 * The search stage of `npm run bench`, on a site the benchmark has built: the time and peak memory
 * of indexing it again in a fresh process (Node's and the Pagefind binary's own), the size of each
 * script's index on disk, and what the first query transfers, measured in Chromium against the site
 * served on localhost with gzip, as a static host serves it.
 *
 * Run directly (`tsx src/bench/search.ts <site> --content <dir> [--shard-size N]`), it indexes an
 * already built site and prints those figures: the way to measure archives too large for one
 * Eleventy build; `--words N` builds and measures an archive of real word statistics instead
 * (./corpus.ts), `--corpus-queries` measures a built one with that archive's queries, and
 * `--no-index` measures the site's index as it is, without making it again.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { buildSearchIndex } from "../search/index.ts";
import { loadSettings } from "../settings.ts";
import { searchRecords } from "../search/records.ts";
import { loadArchive } from "../archive.ts";
import { buildSiteModel } from "../site/model.ts";
import { basePath } from "../settings.ts";
import { SCRIPTS, scriptPrefix } from "../scripts.ts";
import { paths } from "../site/urls.ts";
import { converterFrom } from "../convert/opencc.ts";
import { vocabulary, writeCorpusArchive } from "./corpus.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SELF = fileURLToPath(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface IndexFigures {
  seconds: number;
  pages: number;
  /** This process (which reads the pages and talks to Pagefind). */
  nodePeakMB: number;
  /** The Pagefind binary, which holds the index while it builds it; null where /proc is not there. */
  pagefindPeakMB: number | null;
}

export interface FirstQuery {
  page: string;
  query: string;
  results: string;
  bytes: number;
  /** What had been fetched when the first result was drawn: less than `bytes` when older bundles followed. */
  firstBytes: number;
  requests: number;
  /** The bytes by what they are (see partOf). */
  parts: Record<string, number>;
}

/** What a file the search loads is: Pagefind's code, its list of pages, index chunks, results, or this site's. */
function partOf(pathname: string): string {
  if (/\/pagefind\/[^/]+\/(?:pagefind\.js|pagefind-worker\.js|wasm\.[^/]+)$/.test(pathname)) return "Pagefind code";
  if (/\.pf_meta$|pagefind-entry\.json$/.test(pathname)) return "page list";
  if (/\.pf_index$/.test(pathname)) return "index chunks";
  if (/\.pf_fragment$/.test(pathname)) return "results";
  if (/\.pf_filter$/.test(pathname)) return "filters";
  return "site code + conversion";
}

export interface QueryToMeasure {
  prefix: "zh-hans" | "zh-hant";
  query: string;
}

/** The first queries measured on the synthetic archive: words of it, typed in the page's script or the other. */
export const SYNTHETIC_QUERIES: QueryToMeasure[] = [
  { prefix: "zh-hans", query: "软件" },
  { prefix: "zh-hans", query: "發展" },
  { prefix: "zh-hant", query: "頭髮" },
  { prefix: "zh-hant", query: "发展" },
  { prefix: "zh-hant", query: "城市 交通" },
];

/** Prints the search figures of a built site (content from `contentDir`, built into `siteDir`). */
export async function benchmarkSearch(
  siteDir: string,
  contentDir: string,
  options: { shardSize?: number; queries?: QueryToMeasure[]; reindex?: boolean } = {},
): Promise<void> {
  if (options.reindex !== false) {
    const figures = reindex(siteDir, contentDir, options.shardSize);
    console.log(
      `search index (again, alone)  ${figures.seconds.toFixed(1)} s for ${figures.pages.toLocaleString("en")} pages; ` +
        `peak ${Math.round(figures.nodePeakMB)} MB Node + ${figures.pagefindPeakMB === null ? "?" : Math.round(figures.pagefindPeakMB)} MB Pagefind`,
    );
  }
  const sizes = indexSizes(siteDir);
  console.log(
    `  index on disk              ${megabytes(sizes.index)} (both scripts); query conversion data ${megabytes(sizes.conversion)}`,
  );
  const queries = await firstQueries(siteDir, basePath(loadSettings(contentDir)), options.queries ?? SYNTHETIC_QUERIES);
  if (!queries) {
    console.log(`  first query transfer       not measured: Chromium is not installed at ${CHROMIUM} (sudo apt-get install chromium)`);
    return;
  }
  for (const query of queries) {
    console.log(
      `  first query ${query.page.padEnd(7)} ${query.query.padEnd(6, "　")} ${kilobytes(query.bytes)} in ${query.requests} requests (${query.results}` +
        `${query.firstBytes < query.bytes ? `; first results after ${kilobytes(query.firstBytes)}` : ""}): ` +
        Object.entries(query.parts)
          .map(([part, bytes]) => `${part} ${kilobytes(bytes)}`)
          .join(", "),
    );
  }
}

/** Indexes the site again in a child process, so its memory is the index step's alone. */
function reindex(siteDir: string, contentDir: string, shardSize?: number): IndexFigures {
  const args = [SELF, siteDir, "--content", contentDir, "--child"];
  if (shardSize) args.push("--shard-size", String(shardSize));
  const output = execFileSync(TSX, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split("\n").at(-1)!) as IndexFigures;
}

/** In the child: the archive's records (both scripts), indexed while the memory is watched. */
async function childIndex(siteDir: string, contentDir: string, shardSize?: number): Promise<void> {
  const archive = loadArchive({ contentDir, includeDrafts: false });
  const records = searchRecords(buildSiteModel(archive).articles, basePath(archive.settings));
  // Without the fingerprints of the last build every bundle is made again, which is what is measured.
  for (const script of SCRIPTS) rmSync(path.join(siteDir, paths.searchData(), `${scriptPrefix(script)}.json`), { force: true });
  const watch = watchChildMemory();
  const started = performance.now();
  await buildSearchIndex({ outputDir: siteDir, settings: archive.settings, records, shardSize });
  const figures: IndexFigures = {
    seconds: (performance.now() - started) / 1000,
    pages: records.length,
    nodePeakMB: process.resourceUsage().maxRSS / 1024,
    pagefindPeakMB: watch(),
  };
  console.log(JSON.stringify(figures));
}

/** The highest resident memory of this process's children (the Pagefind binary), read from /proc. */
function watchChildMemory(): () => number | null {
  if (!existsSync("/proc/self/status")) return () => null;
  let peakKB = 0;
  const sample = () => {
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (parent !== process.pid) continue;
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // The process ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    return peakKB / 1024;
  };
}

/** The index (every bundle, both scripts' lists) and the query conversion data, in bytes. */
function indexSizes(siteDir: string): { index: number; conversion: number } {
  const data = path.join(siteDir, paths.searchData());
  return {
    index: folderSize(path.join(siteDir, "pagefind")) + SCRIPTS.reduce((sum, script) => sum + statSync(path.join(data, `${scriptPrefix(script)}.json`)).size, 0),
    conversion: folderSize(path.join(data, "convert")) + statSync(path.join(data, "opencc-core.js")).size,
  };
}

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((sum, file) => {
    const stat = statSync(path.join(dir, file));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/**
 * Opens each search page in a fresh browser (nothing cached), types a query, and adds up the bytes
 * of everything the search loads: its code, Pagefind, index chunks and fragments, conversion data.
 */
async function firstQueries(siteDir: string, base: string, queries: QueryToMeasure[]): Promise<FirstQuery[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import("playwright-core");
  const server = await serveCompressed(siteDir, base);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const searchFiles = ["js/search/", "pagefind/", "search-data/"].map((folder) => `${base}${folder}`);
  const figures: FirstQuery[] = [];
  try {
    for (const { prefix, query } of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<[string, number]>[] = [];
      page.on("requestfinished", (request) => {
        const { pathname } = new URL(request.url());
        if (searchFiles.some((folder) => pathname.startsWith(folder))) {
          sizes.push(request.sizes().then((size) => [partOf(pathname), size.responseBodySize + size.responseHeadersSize]));
        }
      });
      await page.goto(`${server.url}${prefix}/search/`);
      await page.getByRole("searchbox").pressSequentially(query);
      await page.waitForURL((url) => url.searchParams.get("q") === query);
      await page.waitForFunction(() => document.querySelector(".search-result-title") || document.querySelector('#search[aria-busy="false"]'), null, { timeout: 120_000 });
      const firstSizes = await Promise.all([...sizes]);
      await page.locator('#search[aria-busy="false"]').waitFor({ timeout: 120_000 });
      const results = (await page.locator(".search-status").textContent()) ?? "";
      const parts: Record<string, number> = {};
      for (const [part, size] of await Promise.all(sizes)) parts[part] = (parts[part] ?? 0) + size;
      const bytes = Object.values(parts).reduce((sum, size) => sum + size, 0);
      const firstBytes = firstSizes.reduce((sum, [, size]) => sum + size, 0);
      figures.push({ page: prefix, query, results, bytes, firstBytes, requests: sizes.length, parts });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

const TEXT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** A static host on localhost: text gzipped (Pagefind's own files are compressed already). */
async function serveCompressed(siteDir: string, base: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = pathname.startsWith(base) ? path.join(siteDir, pathname.slice(base.length)) : "";
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TEXT_TYPES[path.extname(file)];
    const body = readFileSync(file);
    if (type) response.writeHead(200, { "content-type": type, "content-encoding": "gzip" }).end(gzipSync(body));
    else response.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}${base}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

/**
 * An archive of `count` articles with real word statistics (./corpus.ts), built and measured; the
 * queries are the synthetic archive's, then words of rank 10, 100, 1,000 and 10,000 (of two
 * characters or more), typed in either script.
 */
async function benchmarkWords(count: number, shardSize?: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `archive-bench-words-${count}-`));
  try {
    const content = path.join(dir, "content");
    const site = path.join(dir, "site");
    writeCorpusArchive(content, { articles: count });
    const started = performance.now();
    execFileSync(TSX, ["src/cli/build.ts", "--content", content, "--output", site, ...(shardSize ? ["--search-shard-size", String(shardSize)] : [])], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_CACHE_DIR: path.join(dir, "cache") },
      stdio: "ignore",
    });
    console.log(`\n== search: ${count.toLocaleString("en")} articles of real word statistics`);
    console.log(`build (both scripts, with the index) ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await benchmarkSearch(site, content, { shardSize, queries: corpusQueries() });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The synthetic archive's queries and words of the corpus by rank, half of them typed in Traditional. */
export function corpusQueries(): QueryToMeasure[] {
  const { words } = vocabulary(2);
  const toTraditional = converterFrom("zh-Hans", "tw");
  return [
    ...SYNTHETIC_QUERIES,
    { prefix: "zh-hans", query: words[10]! },
    { prefix: "zh-hant", query: words[100]! },
    { prefix: "zh-hant", query: toTraditional(words[1000]!) },
    { prefix: "zh-hans", query: toTraditional(words[10000]!) },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: "string" },
      child: { type: "boolean", default: false },
      "shard-size": { type: "string" },
      words: { type: "string" },
      "corpus-queries": { type: "boolean", default: false },
      "no-index": { type: "boolean", default: false },
    },
  });
  const [siteDir] = positionals;
  const shardSize = values["shard-size"] ? Number(values["shard-size"]) : undefined;
  if (values.words) {
    await benchmarkWords(Number(values.words), shardSize);
  } else if (!siteDir || !values.content) {
    console.log("Usage: tsx src/bench/search.ts <built site> --content <its content folder> [--shard-size N] [--corpus-queries] [--no-index]");
    console.log("       tsx src/bench/search.ts --words 10000 [--shard-size N]   (an archive of real word statistics)");
    process.exit(1);
  } else if (values.child) {
    await childIndex(siteDir, values.content, shardSize);
  } else {
    await benchmarkSearch(siteDir, values.content, {
      shardSize,
      queries: values["corpus-queries"] ? corpusQueries() : undefined,
      reindex: !values["no-index"],
    });
  }
}
