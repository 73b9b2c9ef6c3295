/**
 * One Pagefind bundle, written in Pagefind 1.5.2's format (which package.json pins), for both
 * scripts at once: each article is indexed once, and each script has its own list of pages,
 * results and filters over the same index chunks (Pagefind's "languages" zh-hans and zh-hant: the
 * search page's <html lang> picks its own).
 *
 * The index holds the zh-Hans text as pairs of Han characters (./characters.ts), and, where a
 * Simplified character stands for several Traditional ones (后: 後 and 后, 发: 發 and 髮), the
 * zh-Hant text's pairs too, at the same positions: the zh-Hant page asks for those, so it tells
 * 頭髮 from 頭發 as its own text does. Words of other scripts are Pagefind's own (./pagefind-text.ts).
 * Positions are the zh-Hans text's; the zh-Hant results hold the zh-Hant text piece for piece.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import type { Script } from "../scripts.ts";
import { CborWriter } from "./cbor.ts";
import { keyGroup, PAIR, HANT_PAIR } from "./characters.ts";
import { HanPostings } from "./han-postings.ts";
import { HAN_RUN_MARK, TEXT_START_MARK, type PagefindPage, type PagefindText } from "./pagefind-text.ts";
import { PostingList } from "./postings.ts";
import type { IndexedText, SearchRecord } from "./records.ts";

const SIGNATURE = "pagefind_dcd";
// Level 9 made the index 0.6 % smaller than 6 (10,000 articles), for half again the time.
const GZIP_LEVEL = 6;
// Pagefind's own size of a chunk: positions, weight marks and pages, counted together.
const CHUNK_SIZE = 20_000;
const HAN_RUN = /\p{Script=Han}+/gu;
// Ends a piece of the zh-Hant text that stands for one position but has more or fewer characters
// than one (内存 → 記憶體 in Taiwan's words): the search page reads it as one piece.
export const ONE_POSITION = "\u2060";
const LANGUAGES: Record<Script, string> = { "zh-Hans": "zh-hans", "zh-Hant": "zh-hant" };

export interface BundleOptions {
  dir: string;
  /** The bundle's number among a script's bundles, oldest first: every page has the filter part=n. */
  part: number;
  /** Names the bundle's files: changes whenever its content does. */
  id: string;
  /** Simplified characters that stand for several Traditional ones, and those Traditional ones (./conversion.ts markedCharacters). */
  ambiguous: ReadonlySet<string>;
}

export interface BundleResult {
  /** Han groups (a character's words) whose words fill several chunks: the words that load each chunk. */
  spans: Record<string, string[]>;
  chunks: number;
}

export class BundleError extends Error {}

interface WordEntry {
  word: string;
  list: PostingList;
  variants?: Map<string, PostingList>;
}

/**
 * Files compressed and written in the background (Node's thread pool), a bounded number at a time,
 * while the next pages are laid out: the bundle's 20,000 files at 10,000 articles are half its time.
 */
class FileQueue {
  private readonly pending = new Set<Promise<void>>();
  private failed: unknown = null;

  async add(file: string, data: string | Buffer): Promise<void> {
    const job = compress(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(data)]), { level: GZIP_LEVEL })
      .then((bytes) => writeFile(file, bytes))
      .catch((error: unknown) => {
        this.failed ??= error;
      })
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
    if (this.pending.size >= 32) await Promise.race(this.pending);
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failed) throw this.failed;
  }
}
const compress = promisify(gzip);

// Articles given to Pagefind at once: the next batch is read while this one is laid out.
const BATCH = 2000;

/** Writes the bundle of these records (oldest first), asking `readText` what Pagefind reads of each batch of them. */
export async function writeBundle(
  records: SearchRecord[],
  readText: (texts: IndexedText[]) => Promise<PagefindText>,
  options: BundleOptions,
): Promise<BundleResult> {
  const { dir } = options;
  mkdirSync(path.join(dir, "index"), { recursive: true });
  mkdirSync(path.join(dir, "fragment"), { recursive: true });
  mkdirSync(path.join(dir, "filter"), { recursive: true });

  const han = new HanPostings();
  const other = new Map<string, WordEntry>();
  const wordCounts: number[] = [];
  const fragments: Record<Script, string[]> = { "zh-Hans": [], "zh-Hant": [] };
  const files = new FileQueue();
  const batch = (start: number) => readText(records.slice(start, start + BATCH).map((record) => record.text["zh-Hans"]));
  let reading = batch(0);
  let text!: PagefindText;
  for (const [page, record] of records.entries()) {
    if (page % BATCH === 0) {
      text = await reading;
      if (page + BATCH < records.length) reading = batch(page + BATCH);
    }
    const laid = layOut(record, text.pages[page % BATCH]!, options.ambiguous, han);
    han.endPage(page + 1);
    wordCounts.push(laid.positions);
    for (const [word, byVariant] of laid.other) {
      let entry = other.get(word);
      if (!entry) other.set(word, (entry = { word, list: new PostingList() }));
      for (const [variant, at] of byVariant) {
        let list = entry.list;
        if (variant !== "") {
          entry.variants ??= new Map();
          list = entry.variants.get(variant) ?? new PostingList();
          entry.variants.set(variant, list);
        }
        list.add(page, at.positions, at.weights);
      }
    }
    for (const script of ["zh-Hans", "zh-Hant"] as const) {
      const fragment = {
        url: record.url[script],
        content: laid.content[script].join("\u200B"),
        word_count: laid.positions,
        filters: { tag: record.tags[script], year: [record.year], part: [String(options.part)] },
        meta: record.meta[script],
        anchors: [{ element: "div", id: "article-text", text: "", location: laid.textStart }],
      };
      const name = `${options.id}${script === "zh-Hans" ? "s" : "t"}_${page.toString(36)}`;
      await files.add(path.join(dir, "fragment", `${name}.pf_fragment`), JSON.stringify(fragment));
      fragments[script].push(name);
    }
  }

  // Every word in Pagefind's order (by code point, as Rust compares strings), then cut into chunks.
  const others: WordEntry[] = [...other.values()].sort((a, b) => compareCodePoints(a.word, b.word));
  const { chunks, spans } = await writeChunks(dir, han, others, options.id, files);
  await files.drain();

  const filterNames: Record<Script, [string, string][]> = { "zh-Hans": [], "zh-Hant": [] };
  for (const script of ["zh-Hans", "zh-Hant"] as const) {
    const filters = {
      tag: valuePages(records.map((record) => record.tags[script])),
      year: valuePages(records.map((record) => [record.year])),
      part: new Map([[String(options.part), records.map((_, i) => i)]]),
    };
    for (const [filter, values] of Object.entries(filters)) {
      const writer = new CborWriter().array(2).text(filter).array(values.size);
      for (const [value, pages] of values) {
        writer.array(2).text(value).array(pages.length);
        for (const page of pages) writer.int(page);
      }
      const bytes = pagefindFile(writer.bytes());
      const name = `${options.id}_${LANGUAGES[script]}_${shortHash(bytes)}`;
      writeFileSync(path.join(dir, "filter", `${name}.pf_filter`), bytes);
      filterNames[script].push([filter, name]);
    }
  }

  const languages: Record<string, { hash: string; wasm: null; page_count: number }> = {};
  for (const script of ["zh-Hans", "zh-Hant"] as const) {
    const meta = new CborWriter().array(6).text(text.version).array(records.length);
    fragments[script].forEach((name, i) => meta.array(2).text(name).int(roundWordCount(wordCounts[i]!)));
    meta.array(chunks.length);
    for (const chunk of chunks) meta.array(3).text(chunk.from).text(chunk.to).text(chunk.name);
    meta.array(filterNames[script].length);
    for (const [filter, name] of filterNames[script]) meta.array(2).text(filter).text(name);
    meta.array(0).array(1).text("title");
    const bytes = pagefindFile(meta.bytes());
    const hash = `${LANGUAGES[script]}_${createHash("sha256").update(bytes).digest("hex").slice(0, 15)}`;
    writeFileSync(path.join(dir, `pagefind.${hash}.pf_meta`), bytes);
    languages[LANGUAGES[script]] = { hash, wasm: null, page_count: records.length };
  }
  for (const [name, bytes] of text.runtime) writeFileSync(path.join(dir, name), bytes);
  writeFileSync(path.join(dir, "spans.json"), JSON.stringify(spans));
  // Last: a bundle with its entry file is whole (a build stopped halfway leaves none).
  writeFileSync(
    path.join(dir, "pagefind-entry.json"),
    JSON.stringify({ version: text.version, languages, include_characters: text.includeCharacters }),
  );
  return { spans, chunks: chunks.length };
}

interface Positions {
  positions: number[];
  weights: number[];
}

interface LaidOut {
  positions: number;
  textStart: number;
  /** Word → its variant as written ("" for the word itself) → positions. */
  other: Map<string, Map<string, Positions>>;
  content: Record<Script, string[]>;
}

/**
 * One record's positions: Pagefind's pieces in order, each of its Han run marks replaced by the
 * run, one position a character; the Han words at those positions; Pagefind's own words moved
 * to theirs; and the text of each script's result, one piece per position or per Han run.
 */
function layOut(record: SearchRecord, pagefindPage: PagefindPage, ambiguous: ReadonlySet<string>, han: HanPostings): LaidOut {
  const runsOf = (script: Script) => {
    const { title, names, body } = record.text[script];
    const titleRuns = [...title.matchAll(HAN_RUN)].map((m) => m[0]);
    return { titleRuns: titleRuns.length, runs: [...titleRuns, ...[...`${names} ${body}`.matchAll(HAN_RUN)].map((m) => m[0])] };
  };
  const hans = runsOf("zh-Hans");
  const hant = runsOf("zh-Hant").runs;
  const alignedRuns = hant.length === hans.runs.length;

  const laid: LaidOut = { positions: 0, textStart: 0, other: new Map(), content: { "zh-Hans": [], "zh-Hant": [] } };
  const code = (char: string | undefined) => (char === undefined ? 0 : char.codePointAt(0)! + 1);
  const moved = new Int32Array(pagefindPage.pieces.length);
  let position = 0;
  let run = 0;
  pagefindPage.pieces.forEach((piece, i) => {
    const word = piece.trim().toLowerCase();
    if (word === HAN_RUN_MARK) {
      const simplified = hans.runs[run];
      if (simplified === undefined) throw new BundleError(`${record.slug}: Pagefind read more runs of Han characters than the article has`);
      const title = run < hans.titleRuns;
      const s = [...simplified];
      const traditional = alignedRuns ? hant[run]! : simplified;
      const t = [...traditional];
      s.forEach((char, k) => han.at(PAIR, char.codePointAt(0)!, code(s[k + 1]), position + k, title));
      if (t.length === s.length) {
        // Whether a pair is marked depends on both its forms, as the search page decides it from a
        // query's: 乾 of 乾隆, which Simplified keeps, is marked as 乾 of 乾淨 (干净) is.
        const marked = (k: number) => k < s.length && (ambiguous.has(s[k]!) || ambiguous.has(t[k]!));
        for (let k = 0; k < s.length; k++) {
          if (marked(k) || marked(k + 1)) han.at(HANT_PAIR, t[k]!.codePointAt(0)!, code(t[k + 1]), position + k, title);
        }
        laid.content["zh-Hant"].push(traditional);
      } else {
        // Spread the characters over the positions, each piece read as one.
        s.forEach((_, k) => {
          const from = Math.floor((k * t.length) / s.length);
          const to = Math.floor(((k + 1) * t.length) / s.length);
          laid.content["zh-Hant"].push(t.slice(from, to).join("") + ONE_POSITION);
        });
      }
      laid.content["zh-Hans"].push(simplified);
      moved[i] = position;
      position += s.length;
      run++;
    } else if (word === TEXT_START_MARK) {
      laid.textStart = position;
      moved[i] = -1;
    } else {
      laid.content["zh-Hans"].push(piece);
      laid.content["zh-Hant"].push(piece);
      moved[i] = position++;
    }
  });
  if (run !== hans.runs.length) throw new BundleError(`${record.slug}: Pagefind read ${run} runs of Han characters, the article has ${hans.runs.length}`);
  laid.positions = position;
  for (const word of pagefindPage.words) {
    const target = moved[word.position];
    if (target === undefined || target < 0) continue;
    let byVariant = laid.other.get(word.word);
    if (!byVariant) laid.other.set(word.word, (byVariant = new Map()));
    const variant = word.variant ?? "";
    let entry = byVariant.get(variant);
    if (!entry) byVariant.set(variant, (entry = { positions: [], weights: [] }));
    entry.positions.push(target);
    entry.weights.push(word.weight);
  }
  return laid;
}

interface Chunk {
  /** Its first word, which loads it (spans). */
  first: string;
  from: string;
  to: string;
  name: string;
}

/**
 * Words in order, into chunks of Pagefind's size. A one-character query is the prefix of that
 * character's words, and Pagefind loads one chunk for it: where those words fill several chunks,
 * `spans` lists a word of each, which the search page loads first (src/search/index.ts).
 */
async function writeChunks(
  dir: string,
  han: HanPostings,
  others: WordEntry[],
  id: string,
  files: FileQueue,
): Promise<{ chunks: Chunk[]; spans: Record<string, string[]> }> {
  // The two lists merged in order, Han words (sorted by their codes, which is their words' order)
  // and Pagefind's, and cut into chunks as they come.
  const hanIds = han.sortedIds();
  type Item = { word: string; han: number; entry?: WordEntry };
  const chunks: Chunk[] = [];
  const groupChunks = new Map<string, number[]>();
  let pending: Item[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const writer = new CborWriter().array(1).array(pending.length);
    for (const item of pending) {
      if (item.entry) {
        const entry = item.entry;
        writer.array(3).text(entry.word).array(entry.list.count).raw(entry.list.encoded());
        writer.array(entry.variants?.size ?? 0);
        for (const [variant, list] of entry.variants ?? []) writer.array(2).text(variant).array(list.count).raw(list.encoded());
      } else {
        han.writeEntry(item.han, item.word, writer);
        const group = keyGroup(item.word)!;
        const list = groupChunks.get(group);
        if (!list) groupChunks.set(group, [chunks.length]);
        else if (list[list.length - 1] !== chunks.length) list.push(chunks.length);
      }
    }
    const name = `${id}_${chunks.length.toString(36)}`;
    await files.add(path.join(dir, "index", `${name}.pf_index`), Buffer.from(writer.bytes()));
    // Pagefind loads every chunk whose range holds a query's word: ranges must not overlap (an
    // empty `from` made a query load thousands of chunks).
    chunks.push({ first: pending[0]!.word, from: pending[0]!.word, to: pending[pending.length - 1]!.word, name });
    pending = [];
    size = 0;
  };
  let h = 0;
  let o = 0;
  let hanWord = hanIds.length > 0 ? han.word(hanIds[0]!) : undefined;
  while (hanWord !== undefined || o < others.length) {
    let item: Item;
    if (hanWord !== undefined && (o >= others.length || compareCodePoints(hanWord, others[o]!.word) < 0)) {
      item = { word: hanWord, han: hanIds[h]! };
      size += han.sizeOf(item.han);
      h++;
      hanWord = h < hanIds.length ? han.word(hanIds[h]!) : undefined;
    } else {
      const entry = others[o++]!;
      item = { word: entry.word, han: -1, entry };
      size += entry.list.size;
      for (const list of entry.variants?.values() ?? []) size += list.size;
    }
    pending.push(item);
    if (size >= CHUNK_SIZE) await flush();
  }
  await flush();
  const spans: Record<string, string[]> = {};
  for (const [group, numbers] of groupChunks) if (numbers.length > 1) spans[group] = numbers.map((n) => chunks[n]!.first);
  return { chunks, spans };
}

function valuePages(valuesOfPages: string[][]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  valuesOfPages.forEach((values, page) => {
    for (const value of new Set(values)) {
      const pages = map.get(value);
      if (pages) pages.push(page);
      else map.set(value, [page]);
    }
  });
  return map;
}

function pagefindFile(cbor: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), cbor]), { level: GZIP_LEVEL });
}

function shortHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 7);
}

/** Strings in the order of their code points (Rust's order of UTF-8 strings), not of UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) ?? 0) < (b.codePointAt(i) ?? 0) ? -1 : 1;
    return x - y;
  }
  return a.length - b.length;
}

/** Word counts in steps of 5 %: 100, 105, 110, 116, … (they rank pages; the list compresses by half). */
export function roundWordCount(words: number): number {
  if (words <= 0) return words;
  return Math.max(1, Math.round(1.05 ** Math.round(Math.log(words) / Math.log(1.05))));
}
