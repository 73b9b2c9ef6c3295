/**
 * A batch import: files and folders in, one entry per input out (imported, skipped or failed,
 * with its reason). Inputs are read one at a time in a stable order, so memory stays flat over
 * thousands of files, and one bad page never stops the rest.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FoundDate } from "./dates.ts";
import { ImportError, NotAPageError, readPage, type ImportedFields } from "./page.ts";
import { placeImages, SavedPageImages } from "./assets.ts";
import { MEDIA_FOLDER } from "../articles/media.ts";
import { parseArticle } from "../articles/frontmatter.ts";
import { parseSettings, type SiteSettings } from "../settings.ts";
import { ArchiveStore } from "./store.ts";
import { kindOf, type ImportInput } from "./inputs.ts";

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

/** Imports the files one by one, yielding each one's entry as it is done. */
export function* importFiles(inputs: (string | ImportInput)[], options: ImportOptions): Generator<ImportEntry> {
  const store = new ArchiveStore(options.contentDir);
  const settings = parseSettings({ timeZone: options.timeZone });
  for (const given of inputs) {
    const input = typeof given === "string" ? { file: given, named: true } : given;
    try {
      yield importOne(input, store, settings, options);
    } catch (error) {
      // A file found in a folder that is no page (an image, a stylesheet) is passed over, not a failure.
      if (error instanceof NotAPageError && !input.named) {
        yield { input: input.file, status: "skipped", reason: error.message, warnings: [] };
        continue;
      }
      // Anything unexpected is still one line about one file; the batch goes on.
      const reason = error instanceof ImportError
        ? error.message
        : `could not be imported: the importer failed on it (${(error as Error).name}: ${(error as Error).message}); please report this with the page`;
      yield { input: input.file, status: "failed", reason, warnings: [] };
    }
  }
}

function importOne(input: ImportInput, store: ArchiveStore, settings: SiteSettings, options: ImportOptions): ImportEntry {
  const { file } = input;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const stats = statSync(file);
  if (!stats.isFile()) throw new ImportError(`is ${kindOf(stats)}, not a file; not read`);
  const size = stats.size;
  if (size > maxBytes) {
    throw new ImportError(`is ${megabytes(size)}, larger than the ${megabytes(maxBytes)} a page may be (--max-size)`);
  }
  const page = readPage(readFileSync(file), {
    timeZone: options.timeZone,
    fallbackDate: options.fallbackDate,
    fallbackTags: options.fallbackTags,
    savedImages: input.assetsDir ? new SavedPageImages(file, input.assetsDir) : undefined,
  });
  const entry: ImportEntry = {
    input: file,
    status: "imported",
    fields: page.fields,
    format: page.format,
    encoding: page.encoding,
    warnings: page.warnings,
  };
  // The same bytes, or the same page saved again (its address and its title), is an earlier import.
  const sameBytes = store.find(page.sha256);
  const atAddress = store.findPage(page.fields);
  const earlier = sameBytes ?? atAddress.same;
  if (!earlier && atAddress.others > 0) {
    const more = atAddress.others > atAddress.examples.length ? ` and ${atAddress.others - atAddress.examples.length} more` : "";
    entry.warnings.push(
      `has the same address (${page.fields.source_url}) as ${atAddress.examples.join(", ")}${more}, ` +
        "but another title or day: a different article (many sites give every page one address), imported on its own",
    );
  }
  if (earlier && !options.force) {
    const what = sameBytes ? "the same bytes" : `the same address, title and day, ${page.fields.source_url}`;
    const reason = earlier.edited
      ? `was imported before (${what}) and edited since; left alone (--force replaces it, keeping the edited copy beside it)`
      : `was imported before (${what}); --force replaces it`;
    return { ...entry, status: "skipped", reason, output: earlier.path, edited: earlier.edited };
  }
  const slug = earlier?.slug ?? store.freeSlug(page.fields);
  const body = placeImages(page.body, page.images, (image) => `/${MEDIA_FOLDER}/${slug}/${image.name}`);
  const fields = page.images.length > 0
    ? { ...page.fields, images: Object.fromEntries(page.images.map((image) => [`/${MEDIA_FOLDER}/${slug}/${image.name}`, image.original])) }
    : page.fields;
  const text = store.render(fields, slug, { file: path.basename(file), sha256: page.sha256 }, body);
  // What is written must be an article the build reads: checked by the build's own reader.
  const unreadable = parseArticle(file, text, settings).problems[0];
  if (unreadable) throw new ImportError(`would make an article the build cannot read (${unreadable.field ?? "file"}: ${unreadable.message})`);
  if (options.dryRun) {
    store.reserve(slug);
    return { ...entry, output: earlier?.path ?? path.join(store.articlesDir, page.fields.date.slice(0, 4), `${slug}.md`) };
  }
  // The images first: an article is never written pointing at copies that are not there.
  for (const image of page.images) store.writeMedia(slug, image);
  const output = store.write(text, slug, page.fields.date, earlier);
  store.record(page.sha256, output, page.fields, slug);
  if (earlier?.edited) entry.warnings.push(`the edited version was kept beside it as ${path.basename(output)}.edited-…`);
  if (page.images.length > 0) entry.warnings.push(`${page.images.length} image${page.images.length === 1 ? "" : "s"} copied from its saved files into ${path.join(options.contentDir, MEDIA_FOLDER, slug)}/`);
  return { ...entry, output, edited: earlier?.edited };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
