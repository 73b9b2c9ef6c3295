/**
 * `npm run bench [-- --articles 1000,10000]`: builds synthetic archives and prints the time of
 * each stage and the peak memory. Each measurement runs in a fresh process, as a user's would.
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../build.ts";
import { writeSyntheticArchive } from "../bench/synthetic.ts";
import { benchmarkImport } from "../bench/import.ts";
import { benchmarkSearch } from "../bench/search.ts";
import { formatFuzzReport, runFuzz } from "../bench/fuzz.ts";
import { formatQualityReport, scoreFolder } from "../bench/import-quality.ts";
import { ensureHeapRoom } from "./heap.ts";
import { parseCommandLine } from "./options.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SELF = fileURLToPath(import.meta.url);

interface BuildFigures {
  seconds: number;
  readSeconds: number;
  variantsSeconds: number;
  made: number;
  reused: number;
  peakMB: number;
  pagesSeconds: number;
  pages: number;
  pagesWritten: number;
  searchSeconds: number;
  indexed: number;
}

const usage =
  "Usage: npm run bench -- [--articles 1000,10000] [--pages 5000 (saved pages to import; 0: none)]\n" +
  "       npm run bench -- --lighthouse (Lighthouse's four scores for each kind of page of the sample site, in Chromium)\n" +
  "       npm run bench -- --import-quality (every fixture page scored field by field against its expectation file)\n" +
  "       npm run bench -- --fuzz N [--seed S] [--keep] (N mutated pages imported and built; exit 1 on a finding, the folders kept)";
const { values } = parseCommandLine(
  {
    options: {
      articles: { type: "string", default: "1000" },
      pages: { type: "string", default: "5000" },
      "child-build": { type: "string" },
      output: { type: "string" },
      cache: { type: "string" },
      fuzz: { type: "string" },
      seed: { type: "string" },
      keep: { type: "boolean", default: false },
      "import-quality": { type: "boolean", default: false },
      lighthouse: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  },
  usage,
);

if (values.help) {
  console.log(usage);
} else if (values.lighthouse) {
  const { benchmarkLighthouse } = await import("../bench/lighthouse.ts");
  await benchmarkLighthouse();
} else if (values["import-quality"]) {
  const results = [path.join(ROOT, "test/fixtures/import"), path.join(ROOT, "../shared/seeds")]
    .filter((dir) => existsSync(path.join(dir, "expected")))
    .flatMap((dir) => scoreFolder(dir, path.join(dir, "expected")));
  console.log(formatQualityReport(results));
} else if (values.fuzz !== undefined) {
  const count = Number(values.fuzz);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`--fuzz takes a number of pages and --seed a whole number\n${usage}`);
    process.exit(2);
  }
  const report = await runFuzz({ count, seed, keep: values.keep, log: (line) => console.log(line) });
  console.log(formatFuzzReport(report));
  if (report.findings.length > 0) process.exitCode = 1;
} else if (values["child-build"]) {
  // As `npm run build` does: the same heap room.
  ensureHeapRoom();
  await childBuild(values["child-build"], values.output!, values.cache!);
} else {
  for (const count of values.articles.split(",").map(Number)) await benchmark(count);
  if (Number(values.pages) > 0) benchmarkImport(Number(values.pages));
}

/** In a child process: one build, then its figures as JSON on the last line. */
async function childBuild(contentDir: string, outputDir: string, cacheDir: string): Promise<void> {
  const built = await buildSite({ contentDir, outputDir, cacheDir });
  const stats = built.archive;
  const figures: BuildFigures = {
    seconds: built.seconds,
    readSeconds: stats.readMs / 1000,
    variantsSeconds: stats.variantsMs / 1000,
    made: stats.made,
    reused: stats.reused,
    peakMB: process.resourceUsage().maxRSS / 1024,
    pagesSeconds: built.pagesSeconds,
    pages: built.pages.pages,
    pagesWritten: built.pages.written,
    searchSeconds: built.search.seconds,
    indexed: built.search.indexed,
  };
  console.log(JSON.stringify(figures));
}

function runBuild(contentDir: string, outputDir: string, cacheDir: string): BuildFigures {
  const output = execFileSync(TSX, [SELF, "--child-build", contentDir, "--output", outputDir, "--cache", cacheDir], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(output.trim().split("\n").at(-1)!) as BuildFigures;
}

async function benchmark(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `archive-bench-${count}-`));
  const content = path.join(dir, "content");
  const cache = path.join(dir, "cache");
  try {
    let started = performance.now();
    writeSyntheticArchive(content, { articles: count });
    const generate = (performance.now() - started) / 1000;

    const cold = runBuild(content, path.join(dir, "site"), cache);
    const warm = runBuild(content, path.join(dir, "site"), cache);
    writeFileSync(path.join(content, "articles", "rebuild-new-article.md"), newArticle("rebuild-new-article", "2025-06-01 09:00"));
    const rebuilt = runBuild(content, path.join(dir, "site"), cache);
    const appear = await newArticleUnderServe(content, path.join(dir, "serve"), cache);

    console.log(`\n== ${count.toLocaleString("en")} articles (${(count * 2).toLocaleString("en")} article pages)`);
    console.log(`generate synthetic archive   ${generate.toFixed(1)} s`);
    console.log(`cold build                   ${cold.seconds.toFixed(1)} s, peak ${Math.round(cold.peakMB)} MB`);
    console.log(`  read + validate            ${cold.readSeconds.toFixed(1)} s`);
    console.log(`  convert + render Markdown  ${cold.variantsSeconds.toFixed(1)} s (${cold.made} articles)`);
    console.log(`  pages (Eleventy)           ${cold.pagesSeconds.toFixed(1)} s, ${cold.pagesWritten.toLocaleString("en")} pages`);
    console.log(`  search index, meanwhile    ${cold.searchSeconds.toFixed(1)} s`);
    console.log(`second build, nothing changed ${warm.seconds.toFixed(1)} s, peak ${Math.round(warm.peakMB)} MB, read and rendered ${warm.made} articles (${warm.reused} unchanged), wrote ${warm.pagesWritten} pages, indexed ${warm.indexed} articles`);
    console.log(`rebuild after one new article ${rebuilt.seconds.toFixed(1)} s, peak ${Math.round(rebuilt.peakMB)} MB, wrote ${rebuilt.pagesWritten.toLocaleString("en")} of ${rebuilt.pages.toLocaleString("en")} pages, indexed ${rebuilt.indexed.toLocaleString("en")} articles`);
    console.log(`npm start: new article served ${appear.toFixed(1)} s after it was written (its page, and the home page listing it)`);
    await benchmarkSearch(path.join(dir, "site"), content);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new article, the newest of the synthetic archive. */
function newArticle(slug: string, date: string): string {
  return `---\ntitle: 新写的文章\ndate: ${date}\nslug: ${slug}\ntags: [测试]\n---\n\n刚刚写好的一段文字。\n`;
}

/**
 * Starts the dev server as `npm start` does, writes a new article (the newest), and times until
 * both its page and the home page listing it are served.
 */
async function newArticleUnderServe(content: string, output: string, cache: string): Promise<number> {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn(
    TSX,
    ["node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--input=${content}`, `--output=${output}`, "--serve", "--quiet", `--port=${port}`],
    { cwd: ROOT, env: { ...process.env, ARCHIVE_CACHE_DIR: cache }, stdio: ["ignore", "pipe", "pipe"] },
  );
  try {
    const site = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the dev server did not start within 10 minutes")), 600_000);
      let log = "";
      const listen = (chunk: Buffer) => {
        log += chunk.toString();
        // The server moves to the next port when this one is taken: use the address it prints.
        const started = /Server at (http:\S+)/.exec(log);
        if (started) {
          clearTimeout(timer);
          resolve(started[1]!);
        }
      };
      // Read both streams: a full pipe would stall the server.
      server.stdout.on("data", listen);
      server.stderr.on("data", listen);
      server.on("exit", () => reject(new Error("the dev server stopped")));
    });
    // The file watcher scans the archive after the server starts; a file added during that scan
    // counts as already there. A person adds an article later than this.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const slug = "bench-new-article";
    const written = performance.now();
    writeFileSync(path.join(content, "articles", `${slug}.md`), newArticle(slug, "2025-06-02 10:00"));
    const served = async (url: string, text?: string) => {
      const response = await fetch(new URL(url, site)).catch(() => null);
      return Boolean(response?.ok) && (text === undefined || (await response!.text()).includes(text));
    };
    let pageServed = false;
    for (;;) {
      pageServed ||= await served(`zh-hant/articles/${slug}/`);
      if (pageServed && (await served("zh-hans/", `/zh-hans/articles/${slug}/`))) return (performance.now() - written) / 1000;
      if (performance.now() - written > 600_000) throw new Error("the new article never appeared");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    server.kill();
  }
}
