/**
 * A plain-text dump of a web page → the article's title, metadata and Markdown body.
 * The title is the first line that reads like one (often printed twice); a short line without
 * closing punctuation standing alone between paragraphs is a section heading.
 */
import { articleBlocks } from "./blocks.ts";
import {
  CALL_TO_ACTION, CHINESE_SECTION, LIST_ITEM, METADATA_LABEL, NAV_LINE, RELATED_START, TAG_LINE,
} from "./rules.ts";
import { emptyMetadata, endsLikeSentence, metadataFromLines, mergeMetadata, sameWords, splitTags, type PageMetadata } from "./metadata.ts";
import { escapeMarkdownText } from "./markdown.ts";
import { findDate } from "./dates.ts";

export interface Extracted {
  metadata: PageMetadata;
  /** Markdown. */
  body: string;
  /** The body's paragraphs as plain text, for checks (the closing agency mark, emptiness). */
  paragraphs: string[];
}

const HEADING_MAX = 30;

export function extractFromText(text: string, timeZone: string): Extracted {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(/[\u00a0\u3000\t]+/g, " ").trim()).filter((line) => line.length > 0);
  const titleIndex = findTitleLine(lines);
  const title = titleIndex >= 0 ? lines[titleIndex] : undefined;

  const relatedAt = lines.findIndex((line, i) => i > titleIndex && RELATED_START.test(line) && line.length <= 30);
  const ownLines = relatedAt >= 0 ? lines.slice(0, relatedAt) : lines;
  let metadata = mergeMetadata({ ...emptyMetadata(), title }, metadataFromLines(ownLines, title, timeZone));
  const tagLine = ownLines.map((line) => TAG_LINE.exec(line)?.[1]).find(Boolean);
  if (tagLine) metadata = mergeMetadata(metadata, { tags: splitTags(tagLine.split(/\s+/)) });

  // Between the title and the first paragraph a page prints its furniture: navigation, account
  // links, bylines, font-size switches. The article starts with its first paragraph.
  const after = lines.slice(titleIndex + 1);
  const firstParagraph = after.findIndex((line) => line.length > HEADING_MAX || endsLikeSentence(line));
  const bodyLines = articleBlocks(
    after.slice(Math.max(firstParagraph, 0)).filter((line) => !NAV_LINE.test(line) || endsLikeSentence(line)).map((line) => ({ text: line })),
    title,
  ).map((block) => block.text);
  const blocks = toBlocks(withoutAdRuns(bodyLines));
  return {
    metadata,
    body: blocks.map((block) => block.markdown).join("\n\n"),
    paragraphs: blocks.filter((block) => block.kind === "paragraph").map((block) => block.text),
  };
}

/** The title: the first line printed twice near the top, else the first line that is not navigation. */
function findTitleLine(lines: string[]): number {
  const top = lines.slice(0, 12);
  const repeated = top.findIndex((line, i) => line.length <= 100 && top.slice(i + 1).some((other) => sameWords(other, line)));
  if (repeated >= 0) return repeated;
  // A short line just above a line that is a date (`2016-09-03 週六 下午 05:12`) is the title it dates.
  const dated = top.findIndex((line, i) => i > 0 && line.length <= 40 && findDate(line, "UTC") !== null && !METADATA_LABEL.test(line));
  const above = dated > 0 ? top[dated - 1]! : undefined;
  if (above && above.length <= 100 && !NAV_LINE.test(above) && !/[。！？!?；;，,：:]$/.test(above)) return dated - 1;
  // A title may end with a bracket (…（解读）) but not with a sentence's or a label's mark.
  const first = top.findIndex((line) => !NAV_LINE.test(line) && line.length <= 100 && !/[。！？!?；;，,：:]$/.test(line) && !METADATA_LABEL.test(line));
  return first;
}

/** Drops runs of short lines that advertise (`查看详情`, a phrase printed twice): ad slots in a dump. */
function withoutAdRuns(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && isShortLine(lines[end]!)) end++;
    if (end > i) {
      const run = lines.slice(i, end);
      if (!(run.length > 1 && run.some(isAdLine))) kept.push(...run);
      i = end;
    } else {
      kept.push(lines[i++]!);
    }
  }
  return kept;
}

function isShortLine(line: string): boolean {
  return line.length <= HEADING_MAX * 2 && !endsLikeSentence(line) && !LIST_ITEM.test(line);
}

function isAdLine(line: string): boolean {
  const words = line.split(/\s+/);
  return CALL_TO_ACTION.test(line) || words.some((word, i) => word.length >= 2 && words.indexOf(word) !== i);
}

interface Block {
  kind: "heading" | "paragraph" | "list";
  text: string;
  markdown: string;
}

function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    const after = lines[i + 1];
    const listItem = LIST_ITEM.exec(line);
    if (CHINESE_SECTION.test(line) && line.length <= HEADING_MAX && !endsLikeSentence(line)) {
      blocks.push({ kind: "heading", text: line, markdown: `## ${escapeMarkdownText(line)}` });
    } else if (listItem && (LIST_ITEM.test(before ?? "") || LIST_ITEM.test(after ?? ""))) {
      const ordered = /\d/.test(listItem[0]);
      const marker = ordered ? `${(previousListLength(blocks) + 1)}.` : "-";
      blocks.push({ kind: "list", text: line, markdown: `${marker} ${escapeMarkdownText(line.slice(listItem[0].length))}` });
    } else if (isHeading(line, before, after)) {
      blocks.push({ kind: "heading", text: line, markdown: `## ${escapeMarkdownText(line)}` });
    } else {
      blocks.push({ kind: "paragraph", text: line, markdown: escapeMarkdownText(line) });
    }
  });
  // List items of one list are written without blank lines between them.
  return blocks.reduce<Block[]>((merged, block) => {
    const last = merged.at(-1);
    if (block.kind === "list" && last?.kind === "list") last.markdown += `\n${block.markdown}`;
    else merged.push({ ...block });
    return merged;
  }, []);
}

function previousListLength(blocks: Block[]): number {
  const last = blocks.at(-1);
  return last?.kind === "list" ? last.markdown.split("\n").length : 0;
}

/** A short unpunctuated line alone between paragraphs (or before the first one). */
function isHeading(line: string, before: string | undefined, after: string | undefined): boolean {
  if (line.length > HEADING_MAX || endsLikeSentence(line) || after === undefined) return false;
  const isParagraph = (other: string) => other.length > HEADING_MAX || endsLikeSentence(other);
  return isParagraph(after) && (before === undefined || isParagraph(before) || isShortLine(before));
}
