/**
 * A batch import: files and folders in, one entry per input out (imported, skipped or failed,
 * with its reason). Inputs are read one at a time in a stable order, so memory stays flat over
 * thousands of files, and one bad page never stops the rest. Each is told by its content: a
 * post with front matter (Jekyll, Hugo, Hexo: src/import/posts.ts) or a saved page (page.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FoundDate } from "./dates.ts";
import { ImportError, NotAPageError, readPage, type ImportedFields } from "./page.ts";
import { placeImages, SavedPageImages, type SavedImage } from "./assets.ts";
import { decodeBytes, NotTextError } from "./decode.ts";
import { CONVENTIONS, placeOf, type Generator as SiteGenerator } from "./conventions.ts";
import { splitPost, startsWithFrontMatter } from "./post-matter.ts";
import { NotAPostError, readPost } from "./posts.ts";
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
  /** A saved page (HTML or text), or a post with front matter. */
  format?: "html" | "text" | "post";
  /** For a post: whose conventions it was read by. */
  generator?: SiteGenerator;
  /** For a post: the keys with no meaning here that were kept (the summary counts them). */
  keptKeys?: string[];
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
  const bytes = readFileSync(file);
  const prepared = readPostInput(bytes, input, options) ?? readSavedPage(bytes, input, options);
  const { fields, images, entry } = prepared;
  // The same bytes, or the same page saved again (its address and its title), is an earlier import.
  const sameBytes = store.find(prepared.sha256);
  const atAddress = store.findPage(fields);
  const earlier = sameBytes ?? atAddress.same;
  if (!earlier && atAddress.others > 0) {
    const more = atAddress.others > atAddress.examples.length ? ` and ${atAddress.others - atAddress.examples.length} more` : "";
    entry.warnings.push(
      `has the same address (${fields.source_url}) as ${atAddress.examples.join(", ")}${more}, ` +
        "but another title or day: a different article (many sites give every page one address), imported on its own",
    );
  }
  if (earlier && !options.force) {
    const what = sameBytes ? "the same bytes" : `the same address, title and day, ${fields.source_url}`;
    const reason = earlier.edited
      ? `was imported before (${what}) and edited since; left alone (--force replaces it, keeping the edited copy beside it)`
      : `was imported before (${what}); --force replaces it`;
    return { ...entry, status: "skipped", reason, output: earlier.path, edited: earlier.edited };
  }
  const slug = earlier?.slug ?? store.freeSlug(fields, prepared.slug);
  const body = placeImages(prepared.body, images, (image) => `/${MEDIA_FOLDER}/${slug}/${image.name}`);
  const withImages = images.length > 0
    ? { ...fields, images: Object.fromEntries(images.map((image) => [`/${MEDIA_FOLDER}/${slug}/${image.name}`, image.original])) }
    : fields;
  const text = store.render(withImages, slug, { file: prepared.recordName, sha256: prepared.sha256 }, body, prepared.extra);
  // What is written must be an article the build reads: checked by the build's own reader.
  const unreadable = parseArticle(file, text, settings).problems[0];
  if (unreadable) throw new ImportError(`would make an article the build cannot read (${unreadable.field ?? "file"}: ${unreadable.message})`);
  if (options.dryRun) {
    store.reserve(slug);
    return { ...entry, output: earlier?.path ?? path.join(store.articlesDir, fields.date.slice(0, 4), `${slug}.md`) };
  }
  // The images first: an article is never written pointing at copies that are not there.
  for (const image of images) store.writeMedia(slug, image);
  const output = store.write(text, slug, fields.date, earlier);
  store.record(prepared.sha256, output, fields, slug);
  if (earlier?.edited) entry.warnings.push(`the edited version was kept beside it as ${path.basename(output)}.edited-…`);
  if (images.length > 0) {
    const from = prepared.entry.format === "post" ? "from beside the post and the site's files" : "from its saved files";
    entry.warnings.push(`${images.length} image${images.length === 1 ? "" : "s"} copied ${from} into ${path.join(options.contentDir, MEDIA_FOLDER, slug)}/`);
  }
  return { ...entry, output, edited: earlier?.edited };
}

/** An input read, ready to be written as an article. */
interface Prepared {
  fields: ImportedFields;
  body: string;
  images: SavedImage[];
  sha256: string;
  /** The input's name in the provenance record. */
  recordName: string;
  /** The slug the input asks for (a post's own), if any. */
  slug?: string;
  extra?: Record<string, unknown>;
  entry: ImportEntry;
}

function readSavedPage(bytes: Buffer, input: ImportInput, options: ImportOptions): Prepared {
  const { file } = input;
  const page = readPage(bytes, {
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
  return { fields: page.fields, body: page.body, images: page.images, sha256: page.sha256, recordName: path.basename(file), entry };
}

/**
 * A post with front matter (`---` YAML, `+++` TOML, a JSON object), or undefined for any other
 * input. A text without front matter in a site's posts folder is no post its tool published.
 */
function readPostInput(bytes: Buffer, input: ImportInput, options: ImportOptions): Prepared | undefined {
  const { file } = input;
  const inSite = placeOf(file, "yaml").generator !== "plain";
  if (!inSite && !startsWithFrontMatter(bytes.subarray(0, 16).toString("utf8"))) return undefined;
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof NotTextError && inSite) throw error.binary ? new NotAPageError(error.message) : new ImportError(error.message);
    return undefined;
  }
  // A text or page named otherwise that only looks like it starts with front matter is read as a page.
  const markdown = /\.(?:md|markdown|mdown|mkd)$/i.test(file);
  let matter;
  try {
    matter = splitPost(decoded.text);
  } catch (error) {
    if (inSite || markdown || !(error instanceof ImportError)) throw error;
    return undefined;
  }
  if (matter?.format === "json" && !markdown) return undefined;
  if (!matter) {
    if (inSite && !input.named) {
      throw new NotAPostError(`has no front matter (--- at the top), so ${CONVENTIONS[placeOf(file, "yaml").generator].name} did not publish it as a post; not read`);
    }
    return undefined;
  }
  const post = readPost(file, matter, { timeZone: options.timeZone, fallbackDate: options.fallbackDate, fallbackTags: options.fallbackTags, root: input.root, named: input.named });
  const warnings = [...post.warnings];
  if (decoded.replaced > 0) warnings.unshift(`${decoded.replaced} byte sequence${decoded.replaced === 1 ? "" : "s"} that are not ${decoded.encoding} replaced with �: check the text around them`);
  const entry: ImportEntry = {
    input: file,
    status: "imported",
    fields: post.fields,
    format: "post",
    generator: post.generator,
    keptKeys: post.keptKeys,
    encoding: decoded.encoding,
    warnings,
  };
  return {
    fields: post.fields,
    body: post.body,
    images: post.images,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    recordName: input.root ? path.relative(input.root, file).split(path.sep).join("/") : path.basename(file),
    slug: post.slug,
    extra: post.extra,
    entry,
  };
}

const KEYS_NAMED = 12;

/** Once for the batch: which keys with no meaning here the posts carried, and how many posts each (they are kept in the articles). */
export function keptKeysLine(entries: ImportEntry[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.status !== "imported") continue;
    for (const key of entry.keptKeys ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = sorted.slice(0, KEYS_NAMED).map(([key, count], i) => `${key} (${count}${i === 0 ? ` post${count === 1 ? "" : "s"}` : ""})`);
  const more = sorted.length > KEYS_NAMED ? `, and ${sorted.length - KEYS_NAMED} more (see --report)` : "";
  return `unknown keys kept: ${named.join(", ")}${more}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
