/**
 * The import stage of the benchmark: pages per second and memory over a batch of synthetic saved
 * pages (about 100 KB each), imported by a fresh process as `npm run import` would. Run directly
 * (`tsx src/bench/import.ts <pages> <content>`) it is that process and prints its figures as JSON.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importFiles } from "../import/run.ts";
import { listInputs } from "../import/inputs.ts";
import { writeSyntheticPages } from "./pages.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SELF = fileURLToPath(import.meta.url);

export interface ImportFigures {
  pages: number;
  imported: number;
  failed: number;
  seconds: number;
  peakMB: number;
  /** Live heap after a garbage collection at each tenth of the batch: flat when nothing piles up. */
  heapMB: number[];
}

/** Generates `count` pages, imports them in a child process and prints the figures. */
export function benchmarkImport(count: number): ImportFigures {
  const dir = mkdtempSync(path.join(tmpdir(), `archive-bench-import-${count}-`));
  try {
    const pages = path.join(dir, "pages");
    const content = path.join(dir, "content");
    const started = performance.now();
    const bytes = writeSyntheticPages(pages, { pages: count });
    const generate = (performance.now() - started) / 1000;
    const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", SELF, pages, content], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
    const figures = JSON.parse(output.trim().split("\n").at(-1)!) as ImportFigures;
    console.log(`\n== import of ${count.toLocaleString("en")} saved pages (${Math.round(bytes / count / 1024)} KB on average; HTML, GBK HTML and text dumps)`);
    console.log(`generate synthetic pages     ${generate.toFixed(1)} s`);
    console.log(`import                       ${figures.seconds.toFixed(1)} s, ${(figures.pages / figures.seconds).toFixed(0)} pages/s, ${figures.imported} imported, ${figures.failed} failed`);
    console.log(`  peak memory                ${Math.round(figures.peakMB)} MB`);
    console.log(`  live heap after each tenth ${figures.heapMB.map((mb) => Math.round(mb)).join(", ")} MB`);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function childImport(pagesDir: string, contentDir: string): void {
  const files = listInputs([pagesDir]).inputs;
  const heapMB: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const tenth = Math.max(1, Math.floor(files.length / 10));
  let imported = 0;
  let failed = 0;
  let done = 0;
  const started = performance.now();
  for (const entry of importFiles(files, { contentDir, timeZone: "Asia/Shanghai" })) {
    if (entry.status === "imported") imported++;
    if (entry.status === "failed") failed++;
    if (++done % tenth === 0) {
      collect();
      heapMB.push(process.memoryUsage().heapUsed / 1024 / 1024);
    }
  }
  const figures: ImportFigures = {
    pages: files.length,
    imported,
    failed,
    seconds: (performance.now() - started) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
    heapMB,
  };
  console.log(JSON.stringify(figures));
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) childImport(process.argv[2]!, process.argv[3]!);
