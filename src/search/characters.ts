/**
 * Chinese text as the search index sees it: overlapping pairs of Han characters (bigrams), the
 * way CJK text is indexed by Lucene and most search engines, each written as an ASCII word.
 *
 * Why not Pagefind's own segmentation: it cuts Chinese with a dictionary of Simplified words
 * (jieba). Traditional text is then cut mostly into single characters, with a few whole words
 * where the scripts share a form, so a word is indexed whole on one page and in pieces on the next;
 * the browser, which segments the query another way, finds only the pages where both agreed (a word
 * on 8 pages found on 1). Why not single characters: a query then loads the postings of every one
 * of its characters, and common ones (的, 地, 发) are on every page; a pair is as rare as a word.
 *
 * A run of Han characters c1 c2 … cn becomes the words [c1c2] [c2c3] … [cn]: a query of two or more
 * characters is the exact phrase of its pairs, a query of one character the prefix [c1…, which
 * every occurrence starts. A word is "zq" and four base-36 digits per character, so the
 * dictionary segmenter never cuts it (public/js/search/query.js holds the same rule). Pairs of the
 * zh-Hant text, where the index has them (./bundle.ts), start with "zr".
 */

export const WORD_PREFIX = "zq";
/** The two kinds of Han words: pairs of the zh-Hans text, and of the zh-Hant text where it tells more. */
export const PAIR = 0;
export const HANT_PAIR = 1;

const HAN = /\p{Script=Han}/u;

/** Four base-36 digits: every code point up to U+10FFFF fits. */
function code(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(4, "0");
}

/** The index's words for a run of Han characters. */
export function hanWords(run: string): string[] {
  const chars = [...run];
  return chars.map((char, i) => WORD_PREFIX + code(char) + (i + 1 < chars.length ? code(chars[i + 1]!) : ""));
}

const HAN_WORD = /^(z[qr])([0-9a-z]{4})(?:[0-9a-z]{4})?$/;

/** The words a one-character query asks for share this prefix ("zq" and the character's code); undefined for other words. */
export function keyGroup(word: string): string | undefined {
  const match = HAN_WORD.exec(word);
  return match ? match[1]! + match[2]! : undefined;
}

/** The character an index word starts with, or undefined when the word is not one of Han characters. */
export function decodeHanWord(word: string): string | undefined {
  const coded = HAN_WORD.exec(word);
  const point = coded ? parseInt(coded[2]!, 36) : Infinity;
  if (point > 0x10ffff) return undefined;
  const char = String.fromCodePoint(point);
  return HAN.test(char) ? char : undefined;
}

// The CJK Unified Ideographs block holds nearly every character of modern text: a bitmap of it is
// 2.6 KB. Characters outside it (extensions, compatibility forms) are listed one by one.
const BLOCK_START = 0x4e00;
const BLOCK_END = 0x9fff;

/** The Han characters of an index, small enough for the browser to fetch with the first query. */
export interface CharacterSet {
  /** Base64 bitmap over U+4E00–U+9FFF: bit i set when U+4E00+i occurs. */
  block: string;
  /** Every other Han character that occurs. */
  others: string;
}

export class CharacterCollector {
  private readonly bits = new Uint8Array(Math.ceil((BLOCK_END - BLOCK_START + 1) / 8));
  private readonly others = new Set<string>();

  add(text: string): void {
    for (const char of text) {
      const point = char.codePointAt(0)!;
      if (point >= BLOCK_START && point <= BLOCK_END) {
        const bit = point - BLOCK_START;
        this.bits[bit >> 3]! |= 1 << (bit & 7);
      } else if (HAN.test(char)) {
        this.others.add(char);
      }
    }
  }

  toJSON(): CharacterSet {
    return { block: Buffer.from(this.bits).toString("base64"), others: [...this.others].sort().join("") };
  }
}

/** The reverse of CharacterCollector, for tests: does the set hold this character? */
export function hasCharacter(set: CharacterSet, char: string): boolean {
  const point = char.codePointAt(0)!;
  if (point < BLOCK_START || point > BLOCK_END) return set.others.includes(char);
  const bits = Buffer.from(set.block, "base64");
  const bit = point - BLOCK_START;
  return ((bits[bit >> 3]! >> (bit & 7)) & 1) === 1;
}
