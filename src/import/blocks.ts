/**
 * The last pass over an article's blocks (paragraphs, headings, list items), whether they came from
 * HTML or from a text dump: where the article ends, and the site's lines inside it.
 */
import {
  BYLINE_ONLY, CALL_TO_ACTION, EDITOR_TAIL, CLOSING_FORMULA, FOOTER_START, LEADING_REPORTER_MARK, METADATA_LABEL, PLACEHOLDER, PROMOTION, READER_NOTICE, RELATED_START, REPOST_LINE, SITE_LINE,
} from "./rules.ts";
import { endsLikeSentence, leadingAgencyMark, sameWords } from "./metadata.ts";
import { findDate } from "./dates.ts";

export interface TextBlock {
  /** The block's words, without Markdown marks. */
  text: string;
}

const SHORT = 40;

/**
 * The article's own blocks: stops where the site's lists or footer begin (once some article text
 * has been seen), and leaves out placeholders, share and reward lines, promotions, metadata lines
 * and the title repeated at the top.
 */
export function articleBlocks<T extends TextBlock>(blocks: T[], title?: string): T[] {
  const kept: T[] = [];
  let sentences = 0;
  for (const block of blocks) {
    const text = block.text.trim();
    if (!text && !isImage(block)) continue;
    // `« 上一篇：…`, `▶ 相关阅读`: the marks before a list's label are the site's.
    const label = text.replace(/^[\s«»‹›<>←→▶►▸·•]+/, "");
    const ends = CLOSING_FORMULA.test(text) || FOOTER_START.test(text) || (RELATED_START.test(label) && label.length <= 30);
    if (ends) {
      if (sentences > 0) break;
      continue;
    }
    if (!isImage(block) && (isSiteLine(text) || (sentences === 0 && (READER_NOTICE.test(text) || isByline(text) || BYLINE_ONLY.test(text))))) continue;
    if (title && kept.length < 3 && sameWords(text, title)) continue;
    kept.push(sentences === 0 ? withoutReporterMark(block) : block);
    // A picture's caption is no sentence of the text: the first paragraph may still follow it.
    if (!isImage(block) && (text.length > SHORT || endsLikeSentence(text))) sentences++;
  }
  return leadFigureAfterFirstParagraph(withoutEditorTail(kept));
}

/** `…做法值得推廣。（編輯：陳怡君）1121005`: the editor's credit and story number leave the last paragraph. */
function withoutEditorTail<T extends TextBlock>(blocks: T[]): T[] {
  const last = blocks.at(-1);
  if (!last || !EDITOR_TAIL.test(last.text)) return blocks;
  const text = last.text.replace(EDITOR_TAIL, "");
  if (!text.trim()) return blocks.slice(0, -1);
  const trimmed = "markdown" in last ? { ...last, text, markdown: String(last.markdown).replace(EDITOR_TAIL, "") } : { ...last, text };
  return [...blocks.slice(0, -1), trimmed];
}

/** `〔記者王小明／台北報導〕今天…`: the byline printed at the start of the first paragraph goes (its names are the author). */
function withoutReporterMark<T extends TextBlock>(block: T): T {
  const mark = LEADING_REPORTER_MARK.exec(block.text) ?? leadingAgencyMark(block.text);
  const rest = mark ? block.text.slice(mark[0].length) : "";
  if (!rest.trim()) return block;
  if (!("markdown" in block)) return { ...block, text: rest };
  const markdown = String(block.markdown);
  const at = markdown.indexOf(rest.slice(0, 8));
  return at > 0 ? { ...block, text: rest, markdown: markdown.slice(at) } : block;
}

// A block that is an image alone (a figure), not an image beside words.
const IMAGE_BLOCK = /^!\[[^\]]*\]\([^)]*\)$/;

function isImage(block: TextBlock): boolean {
  return "markdown" in block && IMAGE_BLOCK.test(String(block.markdown));
}

/** An article opens with its words: a lead image goes under the first paragraph. */
function leadFigureAfterFirstParagraph<T extends TextBlock>(blocks: T[]): T[] {
  const lead = blocks.findIndex((block) => !isImage(block));
  if (lead <= 0) return blocks;
  return [blocks[lead]!, ...blocks.slice(0, lead), ...blocks.slice(lead + 1)];
}

/** `东城新闻 2023-04-01 07:30 记者 俞佳`: a short dated line above the first paragraph. */
function isByline(text: string): boolean {
  return text.length <= 60 && !/[。！？]/.test(text) && findDate(text, "UTC") !== null;
}

/** A line the site wrote, not the author. */
export function isSiteLine(text: string): boolean {
  if (PLACEHOLDER.test(text) || REPOST_LINE.test(text)) return true;
  if (text.length > 120) return false;
  if (SITE_LINE.test(text.replace(/^[（(]/, ""))) return true;
  if (PROMOTION.test(text) && !/[。！？]$/.test(text)) return true;
  if (text.length <= SHORT * 2 && CALL_TO_ACTION.test(text)) return true;
  return text.length <= 100 && !/[。！？]/.test(text) && METADATA_LABEL.test(text);
}
