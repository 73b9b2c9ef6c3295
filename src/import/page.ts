/**
 * One saved page (its bytes) → one article ready to write: decoded, told HTML from text by its
 * content, extracted, and completed with the options (`--date`, `--tags`) where the page is silent.
 */
import { createHash } from "node:crypto";
import { describeRemoved, valueWithoutForbiddenCharacters, withoutForbiddenCharacters } from "../characters.ts";
import { detectScript } from "../convert/detect.ts";
import { isHttpUrl } from "../articles/frontmatter.ts";
import type { Script } from "../scripts.ts";
import { codeKind, decodeBytes, looksLikeHtml, NotTextError } from "./decode.ts";
import type { SavedImage, SavedPageImages } from "./assets.ts";
import { atTimeOfDay, dateInAddress, frontMatterDate, type FoundDate } from "./dates.ts";
import { extractFromHtml, NoArticleError } from "./html.ts";
import { agencySource, closingAgency } from "./metadata.ts";
import { extractFromText } from "./text.ts";
import { BRACKET_LABEL, TITLE_LABEL } from "./rules.ts";

export interface PageOptions {
  timeZone: string;
  /** For pages without a date of their own. */
  fallbackDate?: FoundDate;
  /** For pages without tags. */
  fallbackTags?: string[];
  /** The page's own saved files (`page_files/`), whose images the article shows as copies. */
  savedImages?: SavedPageImages;
}

/** The fields of an imported article, as its front matter will hold them. */
export interface ImportedFields {
  title: string;
  date: string;
  lang: Script;
  tags: string[];
  author?: string;
  source?: string;
  source_url?: string;
  // From a post of another generator (src/import/posts.ts).
  updated?: string;
  summary?: string;
  draft?: boolean;
  aliases?: string[];
}

export interface ImportedPage {
  fields: ImportedFields;
  body: string;
  format: "html" | "text";
  encoding: string;
  sha256: string;
  warnings: string[];
  /** Images copied from the page's saved files; the body holds their tokens until they are placed. */
  images: SavedImage[];
}

/** The page cannot be imported; the message is the one-line reason. */
export class ImportError extends Error {}

/** The file is not a page or text at all (an image, a stylesheet, a script, data): found in a folder, it is skipped. */
export class NotAPageError extends ImportError {}

// A title is plain text: an injected script goes with its words, any other tag is dropped.
const SCRIPT_LIKE = /<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi;
const TAG = /<\/?[a-z][\w-]*(?:\s[^<>]*)?>/gi;

const MIN_BODY_CHARACTERS = 20;

function plainTitle(text: string): string {
  return text.replace(SCRIPT_LIKE, "").replace(TAG, "");
}

/**
 * Text that reads like markup (`<script>`, `n<a`) stays text but is written `&lt;`, so the archive
 * holds no tag whatever renders it. Code keeps its characters: it is shown, never run.
 */
function escapeMarkupOutsideCode(markdown: string): string {
  return markdown
    .split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$|`[^`\n]+`)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?=[a-z/!?])/gi, "&lt;")))
    .join("");
}

export function readPage(bytes: Uint8Array, options: PageOptions): ImportedPage {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const warnings: string[] = [];
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw error.binary ? new NotAPageError(error.message) : new ImportError(error.message);
    throw error;
  }
  if (decoded.replaced > 0) {
    warnings.push(`${decoded.replaced} byte sequence${decoded.replaced === 1 ? "" : "s"} that are not ${decoded.encoding} replaced with �: check the text around them`);
  }
  if (decoded.cutInCharacter) warnings.push("the page ends inside a character (it was cut short); that character was dropped");
  const format = looksLikeHtml(decoded.text) ? "html" : "text";
  if (format === "text") {
    const code = codeKind(decoded.text);
    if (code) throw new NotAPageError(`is ${code}, not a web page or text`);
  }
  let extracted;
  try {
    extracted = format === "html" ? extractFromHtml(decoded.text, options.timeZone, options.savedImages) : extractFromText(decoded.text, options.timeZone);
  } catch (error) {
    if (error instanceof NoArticleError) throw new ImportError(error.message);
    if (error instanceof RangeError) throw new ImportError("has markup nested too deeply to read");
    throw error;
  }
  const { metadata } = extracted;
  if (format === "html" && /^\s*(?:<!doctype|<html)/i.test(decoded.text) && !/<\/(?:html|body)\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/i.test(decoded.text.slice(-4096))) {
    warnings.push("the page seems cut short (it does not end with </html>): check the end of the article");
  }
  const body = escapeMarkupOutsideCode(extracted.body).trim();
  const bodyText = extracted.paragraphs.join("");
  if (body.replace(/\s/g, "").length < MIN_BODY_CHARACTERS || bodyText.length < MIN_BODY_CHARACTERS) {
    throw new ImportError("has no article text (nothing but navigation, links or boilerplate was found)");
  }
  // Characters XML forbids (control characters, written as such or as &#1;) would break the feeds.
  const rawTitle = withoutForbiddenCharacters(plainTitle(metadata.title ?? ""));
  const title = rawTitle.text.replace(TITLE_LABEL, "").replace(BRACKET_LABEL, "").replace(/\s+/g, " ").trim();
  if (!title) throw new ImportError("has no title (no <title>, heading, metadata or first line to take it from)");

  // A day's header above a post and the time in its footer make one date.
  const own = metadata.date ?? metadata.looseDate;
  let date = own && !own.hasTime && metadata.time ? atTimeOfDay(own, metadata.time) : own;
  if (!date && metadata.sourceUrl) {
    date = dateInAddress(metadata.sourceUrl, options.timeZone) ?? undefined;
    if (date) warnings.push(`no date in the page; took ${frontMatterDate(date)} from its address`);
  }
  if (!date) {
    if (!options.fallbackDate) throw new ImportError("has no date of its own (pass --date YYYY-MM-DD to give one)");
    warnings.push(`no date of its own; took --date ${frontMatterDate(options.fallbackDate)}`);
    date = options.fallbackDate;
  }
  let tags = metadata.tags;
  if (tags.length === 0 && options.fallbackTags?.length) tags = options.fallbackTags;

  const source = metadata.source ?? agencySource(metadata.agency, metadata.site) ?? closingAgency(extracted.paragraphs.at(-1)) ?? metadata.site;
  if (metadata.sourceUrl && !isHttpUrl(metadata.sourceUrl)) {
    warnings.push(`its address ${JSON.stringify(metadata.sourceUrl)} is not a whole http(s) address; left out`);
    metadata.sourceUrl = undefined;
  }
  const fields: ImportedFields = {
    title,
    date: frontMatterDate(date),
    lang: detectScript(`${title}\n${bodyText}`),
    tags,
    ...(metadata.author ? { author: metadata.author } : {}),
    ...(source ? { source } : {}),
    ...(metadata.sourceUrl ? { source_url: metadata.sourceUrl } : {}),
  };
  const cleanFields = valueWithoutForbiddenCharacters(fields);
  const cleanBody = withoutForbiddenCharacters(body);
  const removed = rawTitle.removed + cleanFields.removed + cleanBody.removed;
  if (removed > 0) warnings.push(describeRemoved(removed));
  const images = options.savedImages?.images ?? [];
  const refused = options.savedImages?.refused ?? 0;
  if (refused > 0) warnings.push(`${refused} image${refused === 1 ? "" : "s"} of its saved files left out (not a PNG, JPEG, GIF, WebP, AVIF or BMP image, or over 20 MB)`);
  return { fields: cleanFields.value, body: cleanBody.text, format, encoding: decoded.encoding, sha256, warnings, images };
}
