/**
 * A Pagefind bundle made smaller once Pagefind has written it, for what a reader's first search
 * downloads (measured by `npm run bench`):
 *
 * - Each page's stored text (its fragment, loaded for each result shown, for the excerpt) holds the
 *   index's words, for Chinese the pair words of ./characters.ts, some fifteen bytes a character.
 *   They are written back as the character each starts with, a run of them as one piece of text:
 *   the search page reads one word per character of it (public/js/search/query.js, indexedText), so
 *   the positions of matches still point at the right characters.
 * - The list of pages and of index chunks (the `pf_meta` file every first search loads) names each
 *   fragment and chunk file by a random hash, some 5 bytes a page even compressed. They are renamed
 *   in order, `<id>_<n>`, `<id>` from Pagefind's own hash of the whole bundle so that a changed
 *   bundle never reuses a name, and the list is named by its new content; and each page's word count, by which Pagefind ranks (longer pages
 *   weigh a match less), is rounded to within 2.5 %, which compresses it by half and changes no
 *   ranking that matters.
 *
 * The files' format is Pagefind 1.5.2's, which package.json pins: gzip of a signature and CBOR
 * (fragments: JSON). Anything else is refused with an error, never half-read.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cbor2";
import { decodeHanWord } from "./characters.ts";

const SIGNATURE = "pagefind_dcd";
// Part of the names given to a bundle's files: change it when what is written here changes.
const COMPACT_VERSION = 1;

const hash = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** pf_meta: [version, pages [file, word count], index chunks [first word, last word, file], filters, sorts, meta fields]. */
type PagefindMeta = [string, [string, number][], [string, string, string][], ...unknown[]];

interface Fragment {
  content: string;
  anchors?: { text?: string }[];
  [key: string]: unknown;
}

export class BundleFormatError extends Error {}

/** Rewrites a bundle Pagefind has just written in `bundleDir`. */
export function compactBundle(bundleDir: string): void {
  const metaFiles = readdirSync(bundleDir).filter((file) => file.endsWith(".pf_meta"));
  if (metaFiles.length !== 1) throw new BundleFormatError(`expected one .pf_meta file, found ${metaFiles.length}`);
  // pagefind.<language>_<hash>.pf_meta, the hash of the whole bundle.
  const named = /^pagefind\.(.+)_([0-9a-f]+)\.pf_meta$/.exec(metaFiles[0]!);
  if (!named) throw new BundleFormatError(`${metaFiles[0]} is not named as Pagefind names it`);
  const [, language, pagefindHash] = named;
  const metaFile = path.join(bundleDir, metaFiles[0]!);
  const meta = readMeta(metaFile);
  const id = hash(`${COMPACT_VERSION}:${pagefindHash}`).slice(0, 8);

  const renamed = new Map<string, string>();
  meta[1] = meta[1].map(([file, words], i) => {
    if (!renamed.has(file)) {
      const name = `${id}_${i.toString(36)}`;
      const fragment = readFragment(path.join(bundleDir, "fragment", `${file}.pf_fragment`));
      fragment.content = compactText(fragment.content);
      // Headings' texts, which Pagefind's own sub-results show: words separated by spaces.
      for (const anchor of fragment.anchors ?? []) {
        if (anchor.text) anchor.text = compactText(anchor.text.split(" ").join("\u200B")).replaceAll("\u200B", " ");
      }
      writeFileSync(path.join(bundleDir, "fragment", `${name}.pf_fragment`), gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
      renamed.set(file, name);
    }
    return [renamed.get(file)!, roundWordCount(words)];
  });
  for (const [file, name] of renamed) if (file !== name) rmSync(path.join(bundleDir, "fragment", `${file}.pf_fragment`));

  meta[2] = meta[2].map(([first, last, file], i) => {
    const name = `${id}_${i.toString(36)}`;
    renameSync(path.join(bundleDir, "index", `${file}.pf_index`), path.join(bundleDir, "index", `${name}.pf_index`));
    return [first, last, name];
  });

  // The list is named anew by its content, as Pagefind names it, so that no cache holds the old
  // list with the old names; the entry file, which the browser always asks for afresh, says so.
  // cbor2 writes plain arrays, strings and integers as Pagefind does (checked byte for byte).
  const metaBytes = gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(meta)]), { level: 9 });
  const metaHash = `${language}_${hash(metaBytes).slice(0, 15)}`;
  writeFileSync(path.join(bundleDir, `pagefind.${metaHash}.pf_meta`), metaBytes);
  const entryFile = path.join(bundleDir, "pagefind-entry.json");
  const entry = JSON.parse(readFileSync(entryFile, "utf8")) as { languages: Record<string, { hash: string }> };
  const languageEntry = entry.languages[language!];
  if (!languageEntry) throw new BundleFormatError(`${entryFile} does not list the language ${language}`);
  languageEntry.hash = metaHash;
  writeFileSync(entryFile, JSON.stringify(entry));
  if (metaFile !== path.join(bundleDir, `pagefind.${metaHash}.pf_meta`)) rmSync(metaFile);
}

/**
 * A page's stored text (words separated by zero-width spaces) with each pair word written as its
 * character and a run of them as one piece: "zq…(软件) ​zq…(件) ​GPT-4 " → "软件​GPT-4 ".
 */
export function compactText(content: string): string {
  const pieces: string[] = [];
  let run = false;
  for (const piece of content.split("\u200B")) {
    const char = decodeHanWord(piece.trim());
    if (char !== undefined && run) pieces[pieces.length - 1] += char;
    else pieces.push(char ?? piece);
    run = char !== undefined;
  }
  return pieces.join("\u200B");
}

/** Word counts in steps of 5 %: 100, 105, 110, 116, … */
export function roundWordCount(words: number): number {
  if (words <= 0) return words;
  return Math.max(1, Math.round(1.05 ** Math.round(Math.log(words) / Math.log(1.05))));
}

function readPagefindFile(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new BundleFormatError(`${file} is not a Pagefind file`);
  return data.subarray(SIGNATURE.length);
}

function readMeta(file: string): PagefindMeta {
  const meta = decode(readPagefindFile(file)) as unknown;
  const valid =
    Array.isArray(meta) &&
    Array.isArray(meta[1]) &&
    meta[1].every((page) => Array.isArray(page) && typeof page[0] === "string" && typeof page[1] === "number") &&
    Array.isArray(meta[2]) &&
    meta[2].every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === "string"));
  if (!valid) throw new BundleFormatError(`${file} is not in the format of Pagefind 1.5.2`);
  return meta as PagefindMeta;
}

function readFragment(file: string): Fragment {
  const fragment = JSON.parse(readPagefindFile(file).toString("utf8")) as Fragment;
  if (typeof fragment.content !== "string") throw new BundleFormatError(`${file} has no text`);
  return fragment;
}
