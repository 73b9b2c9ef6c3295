/**
 * The archive as the importer sees it: which inputs were imported already (by the SHA-256 of their
 * bytes), which slugs are taken, and whether a person has edited an imported file since. Files are
 * written atomically (a temporary file, then a rename), so a stopped import leaves only whole files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ARTICLES_FOLDER, findArticleFiles } from "../articles/load.ts";
import { MEDIA_FOLDER } from "../articles/media.ts";
import { slugify } from "../articles/slugs.ts";
import { readFrontMatter } from "../articles/matter.ts";
import { toSimplified } from "../convert/opencc.ts";
import { ImportError, type ImportedFields } from "./page.ts";
import type { SavedImage } from "./assets.ts";

export interface ImportRecord {
  /** The input's file name. */
  file: string;
  sha256: string;
}

export interface StoredImport {
  path: string;
  slug: string;
  edited: boolean;
  /** Its title (whitespace folded) and day: what tells one article at an address from another. */
  identity: string;
}

const CHECKSUM_LINE = /^ {2}checksum: [0-9a-f]{64}\n/m;
const TEMPORARY = /^\..+\.tmp-\d+$/;
const yamlOptions = { schema: yaml.CORE_SCHEMA };

export class ArchiveStore {
  readonly articlesDir: string;
  readonly mediaDir: string;
  private readonly bySha = new Map<string, StoredImport>();
  private readonly bySourceUrl = new Map<string, Map<string, StoredImport>>();
  private readonly slugs = new Set<string>();

  constructor(contentDir: string) {
    this.articlesDir = path.join(contentDir, ARTICLES_FOLDER);
    this.mediaDir = path.join(contentDir, MEDIA_FOLDER);
    removeTemporaryFiles(this.articlesDir);
    removeTemporaryFiles(this.mediaDir);
    for (const file of findArticleFiles(this.articlesDir)) this.index(file);
  }

  private index(file: string): void {
    let data: Record<string, unknown>;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
      data = readFrontMatter(text).data;
    } catch {
      // A file the build will report as broken still holds its slug by name.
      this.slugs.add(path.basename(file, path.extname(file)));
      return;
    }
    const slug = typeof data.slug === "string" ? data.slug : path.basename(file, path.extname(file));
    this.slugs.add(slug);
    const imported = data.imported as Partial<ImportRecord> | undefined;
    if (imported && typeof imported.sha256 === "string") {
      const identity = identityOf(data.title, data.date);
      this.remember(imported.sha256, { path: file, slug, edited: editedSinceImport(text), identity }, data.source_url);
    }
  }

  /** Where these bytes were imported before, and whether that file was edited since. */
  find(sha256: string): StoredImport | undefined {
    return this.bySha.get(sha256);
  }

  /**
   * The earlier import of the same page saved again: the same address, title and day. Many CMSs
   * give every article the home page's address (og:url, canonical), so an address alone is not an
   * article, and a site's root address names none; `others` counts the earlier imports at that
   * address that are other articles, `examples` names a few.
   */
  findPage(fields: ImportedFields): { same?: StoredImport; others: number; examples: string[] } {
    const atAddress = identifyingAddress(fields.source_url) ? this.bySourceUrl.get(fields.source_url!) : undefined;
    if (!atAddress) return { others: 0, examples: [] };
    const same = atAddress.get(identityOf(fields.title, fields.date));
    const examples: string[] = [];
    for (const stored of atAddress.values()) {
      if (examples.length === 3) break;
      if (stored !== same) examples.push(stored.path);
    }
    return { same, others: atAddress.size - (same ? 1 : 0), examples };
  }

  /** Holds a slug for an article a dry run would write. */
  reserve(slug: string): void {
    this.slugs.add(slug);
  }

  /** A slug no other article has: the one asked for (a post's own), else one from the title. */
  freeSlug(fields: ImportedFields, wanted?: string): string {
    const base = wanted || slugify(fields.lang === "zh-Hant" ? toSimplified(fields.title) : fields.title) || `article-${fields.date.slice(0, 10)}`;
    const taken = (slug: string) => this.slugs.has(slug) || existsSync(this.pathOf(slug, fields.date));
    let slug = base;
    for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  private pathOf(slug: string, date: string): string {
    return path.join(this.articlesDir, date.slice(0, 4), `${slug}.md`);
  }

  /**
   * The file text of an imported article: front matter with provenance, then the body. `extra`
   * holds the keys of a post that the archive does not know, kept after its own (after the
   * provenance, so that its checksum line is the first of the file whatever they hold).
   */
  render(fields: ImportedFields & { images?: Record<string, string> }, slug: string, record: ImportRecord, body: string, extra: Record<string, unknown> = {}): string {
    const { title, date, lang, tags, ...rest } = fields;
    const frontMatter = { title, date, lang, slug, tags, ...rest, imported: { file: record.file, sha256: record.sha256 }, ...extra };
    const draft = `---\n${yaml.dump(frontMatter, { lineWidth: -1, ...yamlOptions })}---\n\n${body}\n`;
    return draft.replace(/^( {2}sha256: [0-9a-f]{64}\n)/m, `$1  checksum: ${checksum(draft)}\n`);
  }

  /** Writes a new article (or replaces `replacing`), keeping an edited file beside it first. */
  write(text: string, slug: string, date: string, replacing?: StoredImport): string {
    const target = replacing?.path ?? this.pathOf(slug, date);
    // Read again now: a person may have edited it since the import began.
    if (replacing && existsSync(target) && editedSinceImport(readFileSync(target, "utf8"))) {
      copyFileSync(target, `${target}.edited-${Date.now()}`);
    }
    writeAtomically(target, text);
    this.slugs.add(slug);
    return target;
  }

  /**
   * An image an article shows, at `media/<slug>/<name>` (its name is its content's hash, so a copy
   * there is the same image). Read again and checked again: it is copied only as the image it was.
   */
  writeMedia(slug: string, image: SavedImage): void {
    const target = path.join(this.mediaDir, slug, image.name);
    if (existsSync(target)) return;
    const bytes = readFileSync(image.file);
    if (!image.name.startsWith(createHash("sha256").update(bytes).digest("hex").slice(0, 16))) {
      throw new ImportError(`has an image that changed while it was imported (${image.file}); import it again`);
    }
    writeAtomically(target, bytes);
  }

  record(sha256: string, file: string, fields: ImportedFields, slug: string): void {
    this.remember(sha256, { path: file, slug, edited: false, identity: identityOf(fields.title, fields.date) }, fields.source_url);
  }

  private remember(sha256: string, stored: StoredImport, sourceUrl: unknown): void {
    this.bySha.set(sha256, stored);
    if (typeof sourceUrl !== "string" || !identifyingAddress(sourceUrl)) return;
    let atAddress = this.bySourceUrl.get(sourceUrl);
    if (!atAddress) this.bySourceUrl.set(sourceUrl, (atAddress = new Map()));
    atAddress.set(stored.identity, stored);
  }
}

/** A title and a day, as the front matter or the importer has them: one article's identity at an address. */
function identityOf(title: unknown, date: unknown): string {
  return `${typeof title === "string" ? foldTitle(title) : ""}\n${typeof date === "string" ? date.slice(0, 10) : ""}`;
}

/** An address that can name one article: not a site's root (a home page names none). */
function identifyingAddress(address: string | undefined): boolean {
  if (!address) return false;
  try {
    const url = new URL(address);
    return url.pathname.replace(/\/(?:index\.\w+)?$/, "") !== "" || url.search !== "";
  } catch {
    return false;
  }
}

function foldTitle(title: string): string {
  return title.replace(/\s+/g, " ").trim();
}

/** True unless the text is exactly as the importer wrote it (its checksum line matches). */
function editedSinceImport(text: string): boolean {
  const recorded = CHECKSUM_LINE.exec(text)?.[0].trim().slice("checksum: ".length);
  return recorded !== checksum(text);
}

/** The checksum of an imported file's text, leaving out the checksum line itself. */
export function checksum(text: string): string {
  return createHash("sha256").update(text.replace(CHECKSUM_LINE, "")).digest("hex");
}

export function writeAtomically(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    renameSync(temporary, file);
  } finally {
    if (existsSync(temporary)) rmSync(temporary);
  }
}

/** Temporary files an import stopped half-way left behind. */
function removeTemporaryFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && TEMPORARY.test(entry.name)) rmSync(path.join(entry.parentPath, entry.name));
  }
}
