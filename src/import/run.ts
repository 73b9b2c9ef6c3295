/**
 * A batch import: files and folders in, one entry per input out (imported, skipped or failed,
 * with its reason). Inputs are read one at a time in a stable order, so memory stays flat over
 * thousands of files, and one bad page never stops the rest.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { FoundDate } from "./dates.ts";
import { ImportError, readPage, type ImportedFields } from "./page.ts";
import { ArchiveStore } from "./store.ts";

export interface ImportOptions {
  /** The content folder articles are written into (`content/articles/<year>/<slug>.md`). */
  contentDir: string;
  timeZone: string;
  fallbackDate?: FoundDate;
  fallbackTags?: string[];
  /** Show what would be written, write nothing. */
  dryRun?: boolean;
  /** Replace earlier imports of the same bytes (an edited one is kept beside it first). */
  force?: boolean;
  /** Pages larger than this are not read. */
  maxBytes?: number;
}

export type ImportStatus = "imported" | "skipped" | "failed";

export interface ImportEntry {
  input: string;
  status: ImportStatus;
  /** Why it was skipped or failed. */
  reason?: string;
  /** The article file written (or that would be, in a dry run), or the earlier import. */
  output?: string;
  fields?: ImportedFields;
  format?: "html" | "text";
  encoding?: string;
  /** True when the earlier import of these bytes was edited by a person. */
  edited?: boolean;
  warnings: string[];
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Every file under the given paths, folders walked recursively, in a stable order. */
export function listInputs(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stats.isDirectory()) {
      const found = readdirSync(given, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      files.push(...found);
    } else files.push(given);
  }
  return { files, missing };
}

/** Imports the files one by one, yielding each one's entry as it is done. */
export function* importFiles(files: string[], options: ImportOptions): Generator<ImportEntry> {
  const store = new ArchiveStore(options.contentDir);
  for (const file of files) {
    try {
      yield importOne(file, store, options);
    } catch (error) {
      // Anything unexpected is still one line about one file; the batch goes on.
      const reason = error instanceof ImportError ? error.message : `could not be imported (${(error as Error).message})`;
      yield { input: file, status: "failed", reason, warnings: [] };
    }
  }
}

function importOne(file: string, store: ArchiveStore, options: ImportOptions): ImportEntry {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = statSync(file).size;
  if (size > maxBytes) {
    throw new ImportError(`is ${megabytes(size)}, larger than the ${megabytes(maxBytes)} a page may be (--max-size)`);
  }
  const page = readPage(readFileSync(file), {
    timeZone: options.timeZone,
    fallbackDate: options.fallbackDate,
    fallbackTags: options.fallbackTags,
  });
  const entry: ImportEntry = {
    input: file,
    status: "imported",
    fields: page.fields,
    format: page.format,
    encoding: page.encoding,
    warnings: page.warnings,
  };
  // The same bytes, or the same page saved again (its address), is an earlier import.
  const sameBytes = store.find(page.sha256);
  const earlier = sameBytes ?? store.findPage(page.fields.source_url);
  if (earlier && !options.force) {
    const what = sameBytes ? "the same bytes" : `the same address, ${page.fields.source_url}`;
    const reason = earlier.edited
      ? `was imported before (${what}) and edited since; left alone (--force replaces it, keeping the edited copy beside it)`
      : `was imported before (${what}); --force replaces it`;
    return { ...entry, status: "skipped", reason, output: earlier.path, edited: earlier.edited };
  }
  const slug = earlier?.slug ?? store.freeSlug(page.fields);
  const text = store.render(page.fields, slug, { file: path.basename(file), sha256: page.sha256 }, page.body);
  if (options.dryRun) {
    store.reserve(slug);
    return { ...entry, output: earlier?.path ?? path.join(store.articlesDir, page.fields.date.slice(0, 4), `${slug}.md`) };
  }
  const output = store.write(text, slug, page.fields.date, earlier);
  store.record(page.sha256, output, slug, page.fields.source_url);
  if (earlier?.edited) entry.warnings.push(`the edited version was kept beside it as ${path.basename(output)}.edited-…`);
  return { ...entry, output, edited: earlier?.edited };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
