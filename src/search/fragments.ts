/**
 * The text Pagefind keeps of each page, made small. Pagefind stores a page's indexed words in its
 * fragment file, which the search page loads for each result shown (for the excerpt): for Chinese
 * those are the index's pair words (./characters.ts), some fifteen bytes a character. Once Pagefind
 * has written a bundle, each fragment's words of Han characters are written back as the character
 * each starts with. Pagefind keeps one piece of text per word (separated by zero-width spaces), so
 * the positions of matches still point at the right pieces, and the text is the page's own.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeHanWord } from "./characters.ts";

// Every Pagefind file is gzipped and starts with this signature once unzipped.
const SIGNATURE = "pagefind_dcd";

interface Fragment {
  content: string;
  anchors?: { text?: string }[];
  [key: string]: unknown;
}

/** Rewrites every fragment of a bundle that Pagefind has just written; returns how many. */
export function compactFragments(bundleDir: string): number {
  const dir = path.join(bundleDir, "fragment");
  const files = readdirSync(dir).filter((file) => file.endsWith(".pf_fragment"));
  for (const file of files) {
    const fragment = readFragment(path.join(dir, file));
    fragment.content = compactText(fragment.content);
    // Headings' texts, which Pagefind's own sub-results show: words separated by spaces.
    for (const anchor of fragment.anchors ?? []) {
      if (anchor.text) anchor.text = anchor.text.replace(/\S+ ?/g, compactPiece);
    }
    writeFileSync(path.join(dir, file), gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
  }
  return files.length;
}

/** A page's stored text (words separated by zero-width spaces) with its pair words as characters. */
export function compactText(content: string): string {
  return content.split("\u200B").map(compactPiece).join("\u200B");
}

/** One word of the stored text: a pair word becomes its first character (without Pagefind's space after it). */
function compactPiece(piece: string): string {
  return decodeHanWord(piece.trim()) ?? piece;
}

function readFragment(file: string): Fragment {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment`);
  return JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
}
