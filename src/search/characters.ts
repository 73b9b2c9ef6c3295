/**
 * Chinese text as the search index sees it: one word per Han character.
 *
 * Pagefind segments Chinese with a dictionary of Simplified words (jieba). Traditional text is then
 * cut mostly into single characters, with a few whole words where the two scripts share a form, so
 * a word is indexed whole on one page and in pieces on the next; the browser, which segments the
 * query another way, finds only the pages where both agreed (a word on 8 pages found on 1). Given a
 * zero-width space between every two Han characters, Pagefind indexes each character as a word in
 * both scripts alike, and the search page asks for the characters of a query as an exact phrase:
 * every page that contains the query is found, whatever a dictionary thinks a word is.
 */

/** Pagefind's own word boundary in Chinese text; the browser never shows it. */
export const WORD_BREAK = "\u200B";

const HAN = /\p{Script=Han}/u;
const HAN_PAIR = /(\p{Script=Han})(?=\p{Script=Han})/gu;
// Tags and comments; attribute values are escaped by the layouts, so a ">" never ends one early.
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/** Puts a word break between adjacent Han characters in the text of an HTML page, not in its markup. */
export function spreadHan(html: string): string {
  return html
    .split(MARKUP)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(HAN_PAIR, `$1${WORD_BREAK}`)))
    .join("");
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
      const code = char.codePointAt(0)!;
      if (code >= BLOCK_START && code <= BLOCK_END) {
        const bit = code - BLOCK_START;
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
  const code = char.codePointAt(0)!;
  if (code < BLOCK_START || code > BLOCK_END) return set.others.includes(char);
  const bits = Buffer.from(set.block, "base64");
  const bit = code - BLOCK_START;
  return ((bits[bit >> 3]! >> (bit & 7)) & 1) === 1;
}
