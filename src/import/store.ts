/**
 * The archive as the importer sees it: which inputs were imported already (by the SHA-256 of their
 * bytes), which slugs are taken, and whether a person has edited an imported file since. Files are
 * written atomically (a temporary file, then a rename), so a stopped import leaves only whole files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ARTICLES_FOLDER, MEDIA_FOLDER, findArticleFiles } from "../articles/load.ts";
import { slugify } from "../articles/slugs.ts";
import { readFrontMatter } from "../articles/matter.ts";
import { toSimplified } from "../convert/opencc.ts";
import type { ImportedFields } from "./page.ts";

export interface ImportRecord {
  /** The input's file name. */
  file: string;
  sha256: string;
}

export interface StoredImport {
  path: string;
  slug: string;
  edited: boolean;
  /** The title it was imported with, whitespace folded: what tells one article at an address from another. */
  title: string;
}

const CHECKSUM_LINE = /^ {2}checksum: [0-9a-f]{64}\n/m;
const TEMPORARY = /^\..+\.tmp-\d+$/;
const yamlOptions = { schema: yaml.CORE_SCHEMA };

export class ArchiveStore {
  readonly articlesDir: string;
  readonly mediaDir: string;
  private readonly bySha = new Map<string, StoredImport>();
  private readonly bySourceUrl = new Map<string, StoredImport[]>();
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
    const imported = data.imported as Partial<ImportRecord> & { checksum?: string } | undefined;
    if (imported && typeof imported.sha256 === "string") {
      const title = typeof data.title === "string" ? foldTitle(data.title) : "";
      this.remember(imported.sha256, { path: file, slug, edited: imported.checksum !== checksum(text), title }, data.source_url);
    }
  }

  /** Where these bytes were imported before, and whether that file was edited since. */
  find(sha256: string): StoredImport | undefined {
    return this.bySha.get(sha256);
  }

  /**
   * The earlier import of the same page saved again: the same address and the same title. Many
   * CMSs give every article the home page's address (og:url, canonical), so an address alone is
   * not an article; `others` are the earlier imports at that address with another title.
   */
  findPage(sourceUrl: string | undefined, title: string): { same?: StoredImport; others: StoredImport[] } {
    const atAddress = sourceUrl ? this.bySourceUrl.get(sourceUrl) ?? [] : [];
    const folded = foldTitle(title);
    return { same: atAddress.find((stored) => stored.title === folded), others: atAddress.filter((stored) => stored.title !== folded) };
  }

  /** Holds a slug for an article a dry run would write. */
  reserve(slug: string): void {
    this.slugs.add(slug);
  }

  /** A slug from the title that no other article has. */
  freeSlug(fields: ImportedFields): string {
    const base = slugify(fields.lang === "zh-Hant" ? toSimplified(fields.title) : fields.title) || `article-${fields.date.slice(0, 10)}`;
    const taken = (slug: string) => this.slugs.has(slug) || existsSync(this.pathOf(slug, fields.date));
    let slug = base;
    for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  private pathOf(slug: string, date: string): string {
    return path.join(this.articlesDir, date.slice(0, 4), `${slug}.md`);
  }

  /** The file text of an imported article: front matter with provenance, then the body. */
  render(fields: ImportedFields & { images?: Record<string, string> }, slug: string, record: ImportRecord, body: string): string {
    const { title, date, lang, tags, ...rest } = fields;
    const frontMatter = { title, date, lang, slug, tags, ...rest, imported: { file: record.file, sha256: record.sha256 } };
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

  /** An image an article shows, at `media/<slug>/<name>` (its name is its content's hash, so a copy there is the same image). */
  writeMedia(slug: string, name: string, bytes: Buffer): void {
    const target = path.join(this.mediaDir, slug, name);
    if (!existsSync(target)) writeAtomically(target, bytes);
  }

  record(sha256: string, file: string, fields: ImportedFields, slug: string): void {
    this.remember(sha256, { path: file, slug, edited: false, title: foldTitle(fields.title) }, fields.source_url);
  }

  private remember(sha256: string, stored: StoredImport, sourceUrl: unknown): void {
    this.bySha.set(sha256, stored);
    if (typeof sourceUrl !== "string") return;
    const atAddress = (this.bySourceUrl.get(sourceUrl) ?? []).filter((known) => known.path !== stored.path);
    this.bySourceUrl.set(sourceUrl, [...atAddress, stored]);
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
