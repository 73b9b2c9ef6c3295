/**
 * Pagefind's own reading of the text that is not Chinese. Words of other scripts (GPT-4, Python,
 * café) are cut, folded and numbered by Pagefind's indexer, as its search in the browser expects;
 * each run of Han characters is given to it as one marker word, so it does little work (a page is
 * a few hundred words, not thousands), and ./bundle.ts puts the characters' pairs in their place.
 *
 * What comes back, per record: the pieces Pagefind cut the text into (its fragment's content, one
 * piece per position) and its words with their positions and weights; and Pagefind's search code,
 * which every bundle carries.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { typescriptWorker } from "./thread.ts";
import * as pagefind from "pagefind";
import type { IndexedText } from "./records.ts";

/** Stands for a run of Han characters: one piece, one position. */
export const HAN_RUN_MARK = "zqhanrun";
/** Where the article's own text starts (after title, names and tags): no position of its own. */
export const TEXT_START_MARK = "zqtextstart";
const MARKS = new RegExp(`${HAN_RUN_MARK}|${TEXT_START_MARK}`, "gi");
const HAN_RUN = /\p{Script=Han}+/gu;

/** A word at a position, as Pagefind indexed it: `variant` is the word as written when Pagefind folded its accents. */
export interface PagefindWord {
  word: string;
  variant?: string;
  weight: number;
  position: number;
}

export interface PagefindPage {
  /** Pagefind's pieces of the text, one per position: a piece equal to HAN_RUN_MARK is a run of Han characters. */
  pieces: string[];
  words: PagefindWord[];
}

export interface PagefindText {
  pages: PagefindPage[];
  /** Pagefind's search code: file name → bytes (pagefind.js and its WebAssembly). */
  runtime: Map<string, Buffer>;
  includeCharacters: unknown;
  /** Pagefind's version, which its search code checks in every list of pages. */
  version: string;
}

export class PagefindTextError extends Error {}

const SIGNATURE = "pagefind_dcd";
const CONCURRENCY = 8;
// Not its web worker: the search page does without (public/js/search/page.js).
const RUNTIME_FILES = /^(?:pagefind\.js|wasm\.[a-z-]+\.pagefind)$/;

/**
 * The text as Pagefind is given it: marks out of the text itself, each Han run one mark (or, for
 * a test that compares with Pagefind's own indexing, what `runAs` says), markup escaped.
 */
export function skeleton(text: string, runAs: (run: string) => string = () => HAN_RUN_MARK): string {
  return text
    .replace(MARKS, " ")
    .replace(HAN_RUN, (run) => ` ${runAs(run)} `)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The page Pagefind reads for a record: the title weighted as the article page weights it. */
export function recordPage(text: IndexedText, runAs?: (run: string) => string): string {
  const start = runAs ? "" : TEXT_START_MARK;
  return (
    `<html lang="zh-hans"><body><h1 data-pagefind-weight="10">${skeleton(text.title, runAs)}</h1>` +
    `<p>${skeleton(text.names, runAs)}</p><p> ${start} ${skeleton(text.body, runAs)}</p></body></html>`
  );
}

/** Runs Pagefind's indexer over the texts (in order) and reads back what it made of each. */
export async function pagefindText(texts: IndexedText[]): Promise<PagefindText> {
  const out = mkdtempSync(path.join(tmpdir(), "zh-archive-pagefind-"));
  try {
    const created = await pagefind.createIndex({ forceLanguage: "zh-hans" }).catch((error: unknown) => {
      throw new PagefindTextError(`Pagefind could not start: ${messageOf(error)}`);
    });
    if (!created.index) throw new PagefindTextError(`Pagefind could not create an index: ${created.errors.join("; ")}`);
    const index = created.index;
    const problems: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const i = next++;
        const added = await index.addHTMLFile({ url: `/${i}/`, content: recordPage(texts[i]!) });
        if (added.errors.length > 0) problems.push(`record ${i}: ${added.errors.join("; ")}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (problems.length > 0) throw new PagefindTextError(`Pagefind could not read ${problems.length} record(s): ${problems.slice(0, 5).join("; ")}`);
    // An empty archive still needs Pagefind's search code.
    if (texts.length === 0) await index.addCustomRecord({ url: "/", content: "", language: "zh-hans" });
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new PagefindTextError(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await index.deleteIndex();
    return readBack(out, texts.length);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Closes Pagefind's indexer process; the next pagefindText starts another. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

function readPagefindFile(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new PagefindTextError(`${file} is not a Pagefind file`);
  return data.subarray(SIGNATURE.length);
}

type PageEntry = [number, number[], unknown];
type WordEntry = [string, PageEntry[], [string, PageEntry[]][]];

function readBack(out: string, count: number): PagefindText {
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string }>;
    include_characters?: unknown;
  };
  const language = entry.languages["zh-hans"];
  if (!language) throw new PagefindTextError(`Pagefind wrote no zh-hans index (it wrote ${Object.keys(entry.languages).join(", ") || "none"})`);
  const meta = decode(readPagefindFile(path.join(out, `pagefind.${language.hash}.pf_meta`))) as [string, [string, number][], [string, string, string][]];
  if (!Array.isArray(meta?.[1]) || !Array.isArray(meta[2])) throw new PagefindTextError("Pagefind's list of pages is not in the format of Pagefind 1.5.2");

  // Pagefind's page numbers → our records, through each fragment's link.
  const pages: PagefindPage[] = Array.from({ length: count }, () => ({ pieces: [], words: [] }));
  const recordOf: number[] = meta[1].map(([fragment]) => {
    const data = JSON.parse(readPagefindFile(path.join(out, "fragment", `${fragment}.pf_fragment`)).toString("utf8")) as { url: string; content: string };
    const record = Number(/^\/(\d+)\/$/.exec(data.url)?.[1] ?? NaN);
    if (count === 0) return -1;
    if (!(record >= 0 && record < count)) throw new PagefindTextError(`Pagefind's page ${data.url} is not one it was given`);
    pages[record]!.pieces = data.content.split("\u200B");
    return record;
  });

  for (const [, , file] of meta[2]) {
    const words = (decode(readPagefindFile(path.join(out, "index", `${file}.pf_index`))) as [WordEntry[]])[0];
    for (const [word, postings, variants] of words) {
      if (word === HAN_RUN_MARK || word === TEXT_START_MARK) continue;
      addPostings(pages, recordOf, word, undefined, postings);
      for (const [variant, variantPostings] of variants ?? []) addPostings(pages, recordOf, word, variant, variantPostings);
    }
  }

  const runtime = new Map<string, Buffer>();
  for (const name of readdirSync(out)) if (RUNTIME_FILES.test(name)) runtime.set(name, readFileSync(path.join(out, name)));
  if (!runtime.has("pagefind.js") || !runtime.has("wasm.unknown.pagefind")) throw new PagefindTextError("Pagefind wrote no search code");
  return { pages, runtime, includeCharacters: entry.include_characters, version: String(meta[0]) };
}

/** Pagefind's postings of a word: page numbers and, within a page, positions after each weight, as differences. */
function addPostings(pages: PagefindPage[], recordOf: number[], word: string, variant: string | undefined, postings: PageEntry[]): void {
  let page = 0;
  for (const [pageDelta, locations] of postings) {
    page += pageDelta;
    const record = recordOf[page];
    if (record === undefined || record < 0) continue;
    const words = pages[record]!.words;
    let weight = 24;
    let position = 0;
    for (const value of locations) {
      if (value < 0) {
        weight = -value - 1;
        position = 0;
      } else {
        position += value;
        words.push(variant === undefined ? { word, weight, position } : { word, variant, weight, position });
      }
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** pagefindText in a worker thread (./pagefind-worker.ts); `close` ends the thread and its Pagefind. */
export class PagefindReader {
  private readonly worker = typescriptWorker(new URL("./pagefind-worker.ts", import.meta.url));
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (value: PagefindText) => void; reject: (error: Error) => void }>();

  constructor() {
    this.worker.on("message", (message: { id: number; text?: PagefindText; error?: string; closed?: boolean }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new PagefindTextError(message.error));
      else waiter?.resolve(message.text!);
    });
    this.worker.on("error", (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
    // A thread that ends with questions unanswered must fail them, or the index would wait forever.
    this.worker.on("exit", (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new PagefindTextError(`Pagefind's thread ended (exit code ${code}) before it answered`));
      this.waiting.clear();
    });
  }

  read(texts: IndexedText[]): Promise<PagefindText> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    const id = this.next++;
    await new Promise<unknown>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, close: true });
    }).catch(() => {});
    await this.worker.terminate();
  }
}
