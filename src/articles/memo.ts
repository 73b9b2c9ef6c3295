/**
 * Articles as a build made them (front matter read, both scripts rendered), kept on disk between
 * builds, so that an unchanged file is neither read nor rendered again: at 100,000 articles reading
 * and rendering them is most of a rebuild.
 *
 * A file is known by its name and stamp (size, modification and change times, inode), else by a
 * hash of its bytes (a checkout that touched it). An entry holds only in its context: the same
 * settings and the same code that reads and renders articles (see `articleContext`), so nothing
 * stale is ever shown. Entries live in SHARDS files by key: a build that changed one article
 * rewrites one shard and the index. Entries not used by a load are dropped when it saves.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { DateTime } from "luxon";
import type { Problem } from "../problems.ts";
import type { Article } from "./types.ts";
import type { ArticleVariants } from "./variants.ts";

/** An article as later stages see it: its text comes rendered, in its variants. */
export type ArticleFields = Omit<Article, "body">;

/** What reading one file made: its article in both scripts, or its problems. */
export interface MadeArticle {
  article?: ArticleFields;
  variants?: ArticleVariants;
  problems: Problem[];
  warnings: Problem[];
}

const FORMAT_VERSION = 1;
const SHARDS = 64;

interface IndexEntry {
  stamp: string;
  context: string;
  key: string;
}

/** How an entry is written: dates as instants in their zone (luxon objects do not serialize). */
interface StoredArticle extends Omit<MadeArticle, "article"> {
  article: Omit<ArticleFields, "date" | "updated"> & { date: number; updated?: number; zone: string };
}

// What reads and renders an article: a change to any of it makes every entry stale.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CODE = ["src/articles", "src/render", "src/convert", "src/characters.ts", "src/scripts.ts", "src/settings.ts", "src/problems.ts", "package-lock.json"];

let codeHash: string | undefined;

function hashOfCode(): string {
  if (codeHash) return codeHash;
  const hash = createHash("sha256").update(`${FORMAT_VERSION}\n`);
  for (const entry of CODE) {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")).sort().map((name) => path.join(full, name))
      : [full];
    for (const file of files) hash.update(`${path.relative(ROOT, file)}\n`).update(readFileSync(file)).update("\n");
  }
  return (codeHash = hash.digest("hex"));
}

/** The context of a build's entries: the code, and every setting (a setting may change any article). */
export function articleContext(settings: unknown): string {
  return createHash("sha256").update(hashOfCode()).update(JSON.stringify(settings)).digest("hex");
}

export class ArticleMemo {
  private index = new Map<string, IndexEntry>();
  private readonly shards = new Map<number, Map<string, MadeArticle>>();
  private readonly used = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly changedShards = new Set<number>();
  private indexChanged = false;

  /** `folder` null keeps entries in memory only (for this process's later loads). */
  constructor(private readonly folder: string | null) {
    const stored = this.readFile<[string, IndexEntry][]>("index");
    if (stored) this.index = new Map(stored);
  }

  /**
   * The file's article: remembered when the file (by stamp, else by bytes) and the context are the
   * ones it was made in, else made by `make` from the file's text and remembered. Only articles
   * without problems are remembered, and none dated after now (its warning would go stale).
   */
  read(file: string, context: string, make: (source: string) => MadeArticle): { made: MadeArticle; reused: boolean } {
    this.seen.add(file);
    const stat = statSync(file);
    const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
    const known = this.index.get(file);
    if (known && known.stamp === stamp && known.context === context) {
      const made = this.entry(known.key);
      if (made) return { made, reused: true };
    }
    const bytes = readFileSync(file);
    const key = createHash("sha256").update(context).update("\n").update(file).update("\n").update(bytes).digest("hex");
    let made = this.entry(key);
    const reused = made !== undefined;
    if (!made) {
      made = make(bytes.toString("utf8"));
      if (made.problems.length > 0 || !made.article || made.article.date.toMillis() > Date.now()) return { made, reused: false };
      this.shard(shardOf(key)).set(key, made);
      this.used.add(key);
      this.changedShards.add(shardOf(key));
    }
    this.index.set(file, { stamp, context, key });
    this.indexChanged = true;
    return { made, reused };
  }

  /** Writes what changed (shards, then the index) atomically, dropping entries this load did not use. */
  save(): void {
    for (const file of this.index.keys()) {
      if (this.seen.has(file)) continue;
      this.index.delete(file);
      this.indexChanged = true;
    }
    for (let shard = 0; shard < SHARDS; shard++) {
      const entries = this.shards.get(shard);
      if (!entries) {
        // Not loaded: no article of this load lies in it.
        if (this.folder && existsSync(this.shardFile(shard))) rmSync(this.shardFile(shard), { force: true });
        continue;
      }
      for (const key of entries.keys()) {
        if (this.used.has(key)) continue;
        entries.delete(key);
        this.changedShards.add(shard);
      }
      if (this.changedShards.has(shard)) this.writeFile(`${shard}`, [...entries].map(([key, made]) => [key, stored(made)]));
    }
    if (this.indexChanged) this.writeFile("index", [...this.index]);
    this.used.clear();
    this.seen.clear();
    this.changedShards.clear();
    this.indexChanged = false;
  }

  private entry(key: string): MadeArticle | undefined {
    const made = this.shard(shardOf(key)).get(key);
    if (made) this.used.add(key);
    return made;
  }

  private shard(shard: number): Map<string, MadeArticle> {
    let entries = this.shards.get(shard);
    if (!entries) {
      const stored = this.readFile<[string, StoredArticle][]>(`${shard}`);
      entries = new Map(stored?.map(([key, entry]) => [key, restored(entry)]));
      this.shards.set(shard, entries);
    }
    return entries;
  }

  private shardFile(shard: number): string {
    return path.join(this.folder!, `${shard}.v8`);
  }

  private readFile<T>(name: string): T | undefined {
    if (!this.folder) return undefined;
    try {
      const data = v8.deserialize(readFileSync(path.join(this.folder, `${name}.v8`))) as { version: number; value: T };
      return data.version === FORMAT_VERSION ? data.value : undefined;
    } catch {
      // A missing or unreadable file only costs reading its articles again.
      return undefined;
    }
  }

  private writeFile(name: string, value: unknown): void {
    if (!this.folder) return;
    mkdirSync(this.folder, { recursive: true });
    const file = path.join(this.folder, `${name}.v8`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, v8.serialize({ version: FORMAT_VERSION, value }));
    renameSync(temporary, file);
  }
}

function shardOf(key: string): number {
  return parseInt(key.slice(0, 2), 16) % SHARDS;
}

function stored(made: MadeArticle): StoredArticle {
  const article = made.article!;
  return { ...made, article: { ...article, date: article.date.toMillis(), updated: article.updated?.toMillis(), zone: article.date.zoneName! } };
}

function restored(entry: StoredArticle): MadeArticle {
  const { date, updated, zone, ...fields } = entry.article;
  const article: ArticleFields = {
    ...fields,
    date: DateTime.fromMillis(date, { zone }),
    ...(updated === undefined ? {} : { updated: DateTime.fromMillis(updated, { zone }) }),
  };
  return { ...entry, article };
}
