/**
 * Bytes of a saved page → text. A byte-order mark wins; then bytes that are valid UTF-8 are UTF-8
 * whatever the page declares (scrapers re-save pages as UTF-8 and keep the old `<meta charset>`);
 * then the declared charset, when it decodes cleanly; then UTF-8 with a few bad bytes (a page cut
 * short inside a character, a flipped byte); then chardet's best guess. iconv-lite decodes. A few
 * bytes that do not decode are replaced with U+FFFD and counted, never a reason to refuse a page.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in, as iconv-lite names it. */
  encoding: string;
  /** Where that encoding came from. */
  encodingFrom: "bom" | "utf-8" | "declared" | "detected";
  /** Bytes (or byte sequences) that did not decode and were replaced with U+FFFD. */
  replaced: number;
  /** The bytes end inside a character (the page was cut short); that partial character was dropped. */
  cutInCharacter: boolean;
}

/** A reason the bytes are not a page or text at all. */
export class NotTextError extends Error {
  constructor(
    message: string,
    /** A binary file (an image, an archive), not text of any kind. */
    readonly binary = false,
  ) {
    super(message);
  }
}

const SNIFF_BYTES = 8192;
// Legacy Chinese charsets are read as the supersets browsers use for them.
const SUPERSETS: Record<string, string> = { gb2312: "gb18030", gbk: "gb18030", "x-gbk": "gb18030", big5: "big5", "big5-hkscs": "big5" };
const CHINESE_ENCODINGS: (string | undefined)[] = ["gb18030", "big5"];
const MAX_REPLACEMENT_SHARE = 0.002;

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new NotTextError("is empty (0 bytes)");
  const bom = bomEncoding(bytes);
  if (bom) {
    const decoded = counted(iconv.decode(Buffer.from(bytes), bom).replace(/^\uFEFF/, ""), bom, "bom");
    if (decoded.replaced > Math.max(16, decoded.text.length * 0.01)) throw new NotTextError(`is not the ${bom} text its byte-order mark says`);
    return decoded;
  }
  if (looksBinary(bytes)) throw new NotTextError("is a binary file, not a web page or text", true);

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", encodingFrom: "utf-8", replaced: 0, cutInCharacter: false };

  // UTF-8 with a few bad bytes is still UTF-8, whatever the page declares (GBK's and Big5's bytes
  // are rarely valid UTF-8, so their text never passes for it).
  const mostlyUtf8 = lenientUtf8(bytes);
  if (mostlyUtf8) return mostlyUtf8;
  const declared = declaredCharset(bytes);
  if (declared) {
    const text = cleanDecode(bytes, declared);
    if (text !== null) return counted(text, declared, "declared");
  }
  // Single-byte charsets decode anything without error, so only the Chinese ones are candidates,
  // in the order chardet ranks them.
  const ranked = chardet.analyse(bytes).map((guess) => normalizeEncoding(guess.name));
  const candidates = [...new Set([...ranked, ...CHINESE_ENCODINGS])].filter((name) => CHINESE_ENCODINGS.includes(name!));
  for (const encoding of candidates as string[]) {
    const text = cleanDecode(bytes, encoding);
    if (text !== null) return counted(text, encoding, "detected");
  }
  throw new NotTextError("its encoding could not be told (not UTF-8, GBK/GB18030 or Big5 text)");
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Many NUL bytes or control characters: an image, archive or other binary file (a stray NUL is removed later, with a warning). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  let nul = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return nul > Math.max(2, sample.length * 0.01) || control > sample.length * 0.05;
}

/** The decoded text with its replacement characters counted; one at the very end is a cut character, dropped. */
function counted(text: string, encoding: string, encodingFrom: DecodedText["encodingFrom"]): DecodedText {
  const cutInCharacter = text.endsWith("\uFFFD");
  const kept = cutInCharacter ? text.replace(/\uFFFD+$/, "") : text;
  return { text: kept, encoding, encodingFrom, replaced: replacements(kept), cutInCharacter };
}

function replacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) count++;
  return count;
}

/**
 * UTF-8 with a few bytes that are not (one flipped byte breaks a character into up to three
 * replacements; a page cut inside a character): at most 1 % replaced, and ten valid characters of
 * several bytes for each replacement, so that GBK or Big5 text (whose byte pairs are rarely valid
 * UTF-8, and so come out mostly replaced) is never taken for it.
 */
function lenientUtf8(bytes: Uint8Array): DecodedText | undefined {
  const text = new TextDecoder("utf-8").decode(bytes);
  // A character cut at the very end is the page cut short, not a bad byte.
  const bad = replacements(text.replace(/\uFFFD+$/, ""));
  if (bad === 0) return counted(text, "utf-8", "utf-8");
  let wide = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f && text.charCodeAt(i) !== 0xfffd) wide++;
  if (bad > Math.max(16, text.length * 0.01) || wide < bad * 10) return undefined;
  return counted(text, "utf-8", "utf-8");
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `<meta charset>`, `http-equiv` content type or an XML declaration near the top. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return match?.[1] ? normalizeEncoding(match[1]) : undefined;
}

function normalizeEncoding(name: string): string | undefined {
  const lower = name.toLowerCase();
  const encoding = SUPERSETS[lower] ?? lower;
  return iconv.encodingExists(encoding) ? encoding : undefined;
}

/** The text in `encoding`, or null when too many bytes do not decode in it. */
function cleanDecode(bytes: Uint8Array, encoding: string): string | null {
  const text = iconv.decode(Buffer.from(bytes), encoding);
  return replacements(text) <= Math.max(2, text.length * MAX_REPLACEMENT_SHARE) ? text : null;
}

/** HTML or plain text, told by content: a page named .txt is still a page. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  if (/^\s*(<!doctype\s+html|<html[\s>]|<\?xml)/i.test(head)) return true;
  const tags = head.match(/<\/?(?:html|head|body|div|p|br|span|a|h[1-6]|article|section|ul|ol|li|table|meta|script|figure|img|main)\b[^<>]*>/gi);
  return (tags?.length ?? 0) >= 5;
}

const HAN = /\p{Script=Han}/gu;
const CODE_PUNCTUATION = /[{}();=]/g;
const CODE_LINE = /(?:[{};]\s*$)|^\s*(?:function\b|var |let |const |import |export |@media|@import|@font-face|\/\/|\/\*|[.#]?[\w-]+\s*\{)/;

/**
 * "a stylesheet or script", "JSON data", or undefined for prose: a saved page's CSS and scripts
 * are text, but no article. Prose in Chinese is a tenth Han characters or more; code is dense
 * with braces, semicolons and parentheses, or written mostly in lines of code.
 */
export function codeKind(text: string): string | undefined {
  const sample = text.slice(0, 65536);
  const visible = sample.replace(/\s/g, "").length;
  if (visible === 0) return undefined;
  const han = sample.match(HAN)?.length ?? 0;
  if (han >= visible * 0.1) return undefined;
  const trimmed = sample.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(text);
      return "JSON data";
    } catch {
      // not JSON; perhaps code
    }
  }
  const lines = sample.split("\n").filter((line) => line.trim());
  const codeLines = lines.filter((line) => CODE_LINE.test(line)).length;
  const punctuation = sample.match(CODE_PUNCTUATION)?.length ?? 0;
  return punctuation > visible * 0.04 || codeLines > lines.length * 0.5 ? "a stylesheet or script" : undefined;
}
