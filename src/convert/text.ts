/**
 * Converts text with the archive's own rules on top of OpenCC: site-wide word pairs that win over
 * OpenCC's, and terms kept exactly as written. Many texts are converted in one OpenCC call.
 */
import type { Convert } from "./opencc.ts";

export interface ConversionRules {
  /** Source word → the word to write instead of OpenCC's conversion. */
  overrides: Readonly<Record<string, string>>;
  /** Terms kept exactly as written (names, quotations). */
  keep: readonly string[];
  /** Quotation marks to write in the converted text, for each mark of the source (see QUOTES_FOR_TRADITIONAL). */
  quotes?: readonly QuoteRule[];
}

export interface QuoteRule {
  pattern: RegExp;
  to: string;
}

/**
 * Readers in Taiwan and Hong Kong quote with corner brackets: “…” becomes 「…」 and ‘…’ becomes
 * 『…』. A ’ between Latin letters is an apostrophe (don’t) and stays.
 */
export const QUOTES_FOR_TRADITIONAL: readonly QuoteRule[] = [
  { pattern: /“/g, to: "「" },
  { pattern: /”/g, to: "」" },
  { pattern: /‘(?![A-Za-z]’)/g, to: "『" },
  { pattern: /(?<![A-Za-z])’|’(?![A-Za-z])/g, to: "』" },
];

// No OpenCC dictionary entry contains NUL, so no phrase is matched across two texts.
const SEPARATOR = "\u0000";

export class TextConverter {
  private readonly fixed = new Map<string, string>();
  private readonly pattern: RegExp | null;
  private readonly quotes: readonly QuoteRule[];

  constructor(
    private readonly convert: Convert,
    rules: ConversionRules,
  ) {
    this.quotes = rules.quotes ?? [];
    for (const [from, to] of Object.entries(rules.overrides)) if (from) this.fixed.set(from, to);
    for (const term of rules.keep) if (term) this.fixed.set(term, term);
    const terms = [...this.fixed.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = terms.length > 0 ? new RegExp(terms.join("|"), "gu") : null;
  }

  convertOne(text: string): string {
    return this.convertAll([text])[0]!;
  }

  /** Converts each text; the result has one entry per input, in order. */
  convertAll(texts: readonly string[]): string[] {
    // Split each text into pieces OpenCC converts and pieces the rules fix.
    const pieces = texts.map((text) => this.split(text));
    const open = pieces.flat().filter((piece) => piece.convert).map((piece) => piece.text);
    const converted = this.convertBatch(open).map((text) => this.quotes.reduce((result, rule) => result.replace(rule.pattern, rule.to), text));
    let next = 0;
    return pieces.map((list) => list.map((piece) => (piece.convert ? converted[next++]! : piece.text)).join(""));
  }

  private split(text: string): { text: string; convert: boolean }[] {
    if (!this.pattern) return [{ text, convert: true }];
    const pieces: { text: string; convert: boolean }[] = [];
    let last = 0;
    for (const match of text.matchAll(this.pattern)) {
      if (match.index > last) pieces.push({ text: text.slice(last, match.index), convert: true });
      pieces.push({ text: this.fixed.get(match[0])!, convert: false });
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last), convert: true });
    return pieces;
  }

  private convertBatch(texts: string[]): string[] {
    if (texts.length === 0) return [];
    if (!texts.some((text) => text.includes(SEPARATOR))) {
      const result = this.convert(texts.join(SEPARATOR)).split(SEPARATOR);
      if (result.length === texts.length) return result;
    }
    return texts.map((text) => this.convert(text));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
