/**
 * `npm run import -- <files or folders…>`: saved web pages, and Markdown posts of Jekyll, Hugo,
 * Hexo or any front matter, → articles under content/articles/.
 * A progress bar on many files, a summary at the end (each failure one line: the file and the
 * reason), an optional JSON report; the exit code is 1 when any input failed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { loadSettings } from "../settings.ts";
import { ProblemsError } from "../problems.ts";
import { parseDateValue, type FoundDate } from "../import/dates.ts";
import { DEFAULT_MAX_BYTES, importFiles, keptKeysLine, type ImportEntry } from "../import/run.ts";
import { listInputs } from "../import/inputs.ts";
import { writeAtomically } from "../import/store.ts";

interface CliOptions {
  out: string;
  date?: string;
  tags?: string[];
  dryRun: boolean;
  force: boolean;
  report?: string;
  maxSize: number;
  progress: boolean;
}

const PROGRESS_FROM = 20;

const program = new Command("npm run import --")
  .description("Import saved web pages (HTML or text; UTF-8, GBK/GB18030 or Big5) and Markdown posts (Jekyll, Hugo, Hexo, front matter) as articles.")
  .argument("<inputs...>", "files or folders (walked recursively)")
  .option("--out <dir>", "the content folder to write into", "content")
  .option("--date <YYYY-MM-DD>", "the date of pages that have none of their own", checkDay)
  .option("--tags <a,b>", "tags for pages that have none", (value: string) => value.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))
  .option("--dry-run", "show what would be written, write nothing", false)
  .option("--force", "replace earlier imports of the same pages (an edited one is kept beside it)", false)
  .option("--report <file>", "write a JSON report: one entry per input")
  .option("--max-size <MB>", "skip pages larger than this", (value: string) => Number(value) * 1024 * 1024, DEFAULT_MAX_BYTES)
  .option("--no-progress", "no progress bar")
  .showHelpAfterError()
  .action(run);

function checkDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError("write the day as YYYY-MM-DD.");
  return value;
}

async function run(inputs: string[], options: CliOptions): Promise<void> {
  let timeZone: string;
  try {
    timeZone = loadSettings(options.out).timeZone;
  } catch (error) {
    console.error(error instanceof ProblemsError ? error.message : `${options.out}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let fallbackDate: FoundDate | undefined;
  if (options.date) {
    fallbackDate = parseDateValue(options.date, timeZone) ?? undefined;
    if (!fallbackDate) {
      console.error(`--date: "${options.date}" is not a date`);
      process.exitCode = 2;
      return;
    }
    fallbackDate = { ...fallbackDate, hasTime: false };
  }

  const listed = listInputs(inputs);
  const files = listed.inputs;
  const entries: ImportEntry[] = [...listed.failed, ...listed.skipped];
  const bar = options.progress && process.stderr.isTTY && files.length >= PROGRESS_FROM
    ? new cliProgress.SingleBar({ format: "importing {bar} {value}/{total} {file}", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  // What was left out while listing is said first, one line each (the summary counts it under a bar).
  if (!bar) for (const entry of entries) printEntry(entry, options.dryRun);
  bar?.start(files.length, 0, { file: "" });
  const started = performance.now();
  for (const entry of importFiles(files, {
    contentDir: options.out,
    timeZone,
    fallbackDate,
    fallbackTags: options.tags,
    dryRun: options.dryRun,
    force: options.force,
    maxBytes: options.maxSize,
  })) {
    // Only what the summary and report need is kept: memory stays flat over thousands of files.
    entries.push(entry);
    if (bar) bar.increment({ file: path.basename(entry.input) });
    else printEntry(entry, options.dryRun);
  }
  bar?.stop();
  printSummary(entries, (performance.now() - started) / 1000, options.dryRun, Boolean(bar));
  if (options.report) {
    writeAtomically(options.report, JSON.stringify({ dryRun: options.dryRun, entries }, null, 2) + "\n");
    console.log(`report: ${options.report}`);
  }
  if (entries.some((entry) => entry.status === "failed")) process.exitCode = 1;
}

function printEntry(entry: ImportEntry, dryRun: boolean): void {
  if (entry.status === "imported") console.log(`${dryRun ? "would write" : "imported"} ${entry.input} → ${entry.output}`);
  else if (entry.status === "skipped") console.log(`skipped ${entry.input}: ${entry.reason}`);
  for (const warning of entry.warnings) console.log(`  warning: ${warning}`);
}

function printSummary(entries: ImportEntry[], seconds: number, dryRun: boolean, listSkipped: boolean): void {
  const count = (status: ImportEntry["status"]) => entries.filter((entry) => entry.status === status).length;
  const failed = entries.filter((entry) => entry.status === "failed");
  if (listSkipped) for (const entry of entries.filter((e) => e.status === "skipped" && e.edited)) console.log(`skipped ${entry.input}: ${entry.reason}`);
  console.log(
    `\n${dryRun ? "dry run: would import" : "imported"} ${count("imported")}, skipped ${count("skipped")}, failed ${failed.length}` +
      ` (${entries.length} inputs in ${seconds.toFixed(1)} s)`,
  );
  const kept = keptKeysLine(entries);
  if (kept) console.log(kept);
  for (const entry of failed) console.log(`  failed: ${entry.input}: ${entry.reason}`);
}

await program.parseAsync(process.argv);
