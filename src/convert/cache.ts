/**
 * Converted text kept on disk, keyed by a hash of the input and every setting that affects the
 * output, so that a rebuild with nothing changed converts nothing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

interface CacheFile {
  version: number;
  entries: Record<string, string[]>;
}

const FORMAT_VERSION = 1;

export class ConversionCache {
  private entries = new Map<string, string[]>();
  private used = new Set<string>();
  private dirty = false;

  /** `file` null keeps the cache in memory only. */
  constructor(private readonly file: string | null) {
    if (!file) return;
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (data.version === FORMAT_VERSION) this.entries = new Map(Object.entries(data.entries));
    } catch {
      // A missing or unreadable cache only costs a conversion.
    }
  }

  static key(parts: unknown): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
  }

  get(key: string): string[] | undefined {
    const value = this.entries.get(key);
    if (value) this.used.add(key);
    return value;
  }

  set(key: string, value: string[]): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes the entries used since the last save (dropping stale ones), atomically. */
  save(): void {
    const stale = this.entries.size !== this.used.size;
    if (stale) for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    if (this.file && (this.dirty || stale)) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      const data: CacheFile = { version: FORMAT_VERSION, entries: Object.fromEntries(this.entries) };
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
    }
    this.used = new Set();
    this.dirty = false;
  }
}
