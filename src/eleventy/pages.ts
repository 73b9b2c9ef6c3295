/**
 * A build's pages, written by Eleventy from the site model: only those whose HTML changed since the
 * last build into the same folder, in runs of at most PAGES_PER_RUN pages; the pages the last
 * build wrote that the site no longer has are removed; every XML file written is checked with a
 * conforming parser.
 *
 * Why runs: Eleventy keeps every page it renders until its build ends (10.5 GB at 200,000 article
 * pages), and the collector's work grows with it. Why a record of what was written: rendering a
 * page from the model costs a tenth of Eleventy writing it, so a rebuild renders every page,
 * compares, and lets Eleventy write only what differs.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { templates } from "../../layouts/index.ts";
import { WRITE_ONLY_DATA } from "../../layouts/template.ts";
import type { SiteModel } from "../site/model.ts";
import { outputPath } from "../site/urls.ts";
import { xmlError } from "../site/xml.ts";
import { PAGES_ONLY_DATA } from "./plugins.ts";

export interface WritePagesOptions {
  contentDir: string;
  outputDir: string;
  site: SiteModel;
  /** Where the record of written pages is kept; null writes every page and removes none. */
  cacheDir: string | null;
  /** Print Eleventy's per-file log lines. */
  verbose?: boolean;
  /** Most pages one Eleventy run writes (default PAGES_PER_RUN). */
  pagesPerRun?: number;
}

export interface WrittenPages {
  /** Pages the site has. */
  pages: number;
  /** Pages written by this build (the others were already there, unchanged). */
  written: number;
  /** Pages of an earlier build that the site no longer has, removed. */
  removed: number;
}

/** Enough to keep Eleventy's memory near a gigabyte; a run costs about a second on its own. */
export const PAGES_PER_RUN = 25_000;

const CONFIG_FILE = fileURLToPath(new URL("../../eleventy.config.ts", import.meta.url));
const RECORD_VERSION = 1;

/** What a build wrote into an output folder: for each page file, its HTML's hash, size and time. */
interface WrittenRecord {
  version: number;
  outputDir: string;
  files: Record<string, [hash: string, size: number, mtimeMs: number]>;
}

export async function writePages(options: WritePagesOptions): Promise<WrittenPages> {
  const outputDir = path.resolve(options.outputDir);
  const recordFile = options.cacheDir === null ? null : path.join(options.cacheDir, `pages-${digest(outputDir).slice(0, 12)}.json`);
  const previous = recordFile ? readRecord(recordFile, outputDir) : undefined;
  const routes = Object.values(templates).flatMap((template) => template.pages(options.site));
  const files: WrittenRecord["files"] = {};

  // Without a record every page is written, and their hashes are taken from what Eleventy wrote.
  let toWrite = routes.map((route) => route.url);
  if (previous) {
    toWrite = [];
    for (const route of routes) {
      const file = fileOf(route.url);
      const known = previous.files[file];
      if (known && known[0] === digest(route.render()) && isAsWritten(path.join(outputDir, file), known)) files[file] = known;
      else toWrite.push(route.url);
    }
  }

  // One run at least, which also copies the static assets; the others write pages only.
  const perRun = options.pagesPerRun ?? PAGES_PER_RUN;
  const malformed: string[] = [];
  for (let start = 0; start === 0 || start < toWrite.length; start += perRun) {
    const urls = new Set(toWrite.slice(start, start + perRun));
    for (const written of await runEleventy(options, urls, start === 0)) {
      const file = path.relative(outputDir, path.resolve(written.outputPath));
      const stat = statSync(written.outputPath);
      files[file] = [digest(written.content), stat.size, stat.mtimeMs];
      // A feed or sitemap that no reader could parse stops the build, naming the file and the place.
      const error = file.endsWith(".xml") ? xmlError(written.content) : undefined;
      if (error) malformed.push(`${written.outputPath}: ${error}`);
    }
  }
  // Before the record is saved: the next build writes (and checks) these files again.
  if (malformed.length > 0) throw new Error(`wrote XML that is not well-formed: ${malformed.join("; ")}`);

  let removed = 0;
  if (previous) {
    for (const file of Object.keys(previous.files)) {
      if (files[file]) continue;
      removeFile(outputDir, file);
      removed++;
    }
  }
  if (recordFile) saveRecord(recordFile, { version: RECORD_VERSION, outputDir, files });
  return { pages: routes.length, written: toWrite.length, removed };
}

interface EleventyResult {
  outputPath: string;
  content: string;
}

async function runEleventy(options: WritePagesOptions, urls: ReadonlySet<string>, withAssets: boolean): Promise<EleventyResult[]> {
  const eleventy = new Eleventy(options.contentDir, options.outputDir, {
    configPath: path.relative(process.cwd(), CONFIG_FILE),
    quietMode: !options.verbose,
    runMode: "build",
    config: (eleventyConfig: { addGlobalData(name: string, value: () => unknown): void }) => {
      eleventyConfig.addGlobalData("site", () => options.site);
      eleventyConfig.addGlobalData(WRITE_ONLY_DATA, () => urls);
      if (!withAssets) eleventyConfig.addGlobalData(PAGES_ONLY_DATA, () => true);
    },
  });
  const [, results] = (await eleventy.write()) as [unknown, (EleventyResult | undefined)[]];
  return results.filter((result): result is EleventyResult => typeof result?.outputPath === "string" && typeof result.content === "string");
}

/** A page's file, relative to the output folder. */
function fileOf(url: string): string {
  return outputPath(url).replace(/^\//, "");
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

/** The file is still the one written (not removed, nor edited by hand since). */
function isAsWritten(file: string, [, size, mtimeMs]: WrittenRecord["files"][string]): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
}

function readRecord(file: string, outputDir: string): WrittenRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as WrittenRecord;
    return record.version === RECORD_VERSION && record.outputDir === outputDir ? record : undefined;
  } catch {
    // No record (or an unreadable one) only costs writing every page.
    return undefined;
  }
}

function saveRecord(file: string, record: WrittenRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, file);
}

/** Removes a page file, and the folders it leaves empty, up to the output folder. */
function removeFile(outputDir: string, file: string): void {
  const target = path.join(outputDir, file);
  if (existsSync(target)) unlinkSync(target);
  for (let dir = path.dirname(target); dir.startsWith(outputDir + path.sep); dir = path.dirname(dir)) {
    if (!existsSync(dir) || readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}
