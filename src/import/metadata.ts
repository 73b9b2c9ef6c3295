/**
 * An article's metadata, from the best source a page offers: JSON-LD, then Open Graph and other
 * meta tags, then the page's elements (`<time>`, `rel="tag"`), then the words of its text
 * (`发布时间：`, `来源：`, `【2023年5月30日讯】`, a closing `（中央社）`).
 */
import type { FoundDate } from "./dates.ts";
import { findDate, parseDateValue } from "./dates.ts";
import {
  AUTHOR_LINE, CLOSING_AGENCY, CLOSING_PUNCTUATION, DATE_LABEL, METADATA_LABEL, NEIGHBOUR_LINE, NEWS_DATELINE, REPORTER, REPORTER_LINE, REPOST_URL, SOURCE_LINE,
} from "./rules.ts";

export interface PageMetadata {
  title?: string;
  date?: FoundDate;
  tags: string[];
  author?: string;
  source?: string;
  sourceUrl?: string;
}

/** Fills what `into` lacks from `from`: sources are merged best first. */
export function mergeMetadata(into: PageMetadata, from: Partial<PageMetadata>): PageMetadata {
  return {
    title: into.title ?? from.title,
    date: into.date ?? from.date,
    tags: into.tags.length > 0 ? into.tags : (from.tags ?? []),
    author: into.author ?? from.author,
    source: into.source ?? from.source,
    sourceUrl: into.sourceUrl ?? from.sourceUrl,
  };
}

export function emptyMetadata(): PageMetadata {
  return { tags: [] };
}

/** Splits a keywords value (`a,b；c`, or a list) into distinct tags. */
export function splitTags(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.flatMap((item) => splitTags(item)) : typeof value === "string" ? value.split(/[,，、;；|\n]/) : [];
  return distinct(parts.map((part) => part.trim().replace(/^#/, "")).filter((part) => part.length > 0 && part.length <= 30));
}

export function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A person's name from JSON-LD or meta: text, `{name}`, or a list of them; never an address. */
export function personName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map(personName).filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join("、") : undefined;
  }
  if (value && typeof value === "object" && "name" in value) return personName((value as { name: unknown }).name);
  if (typeof value !== "string") return undefined;
  const name = value.trim();
  return name && !/^https?:\/\//.test(name) && name.length <= 60 ? name : undefined;
}


/**
 * Metadata written in the page's words. `lines` are the page's text lines in reading order with
 * the site's boilerplate already removed; `titleIndex` is the line holding the title, if any.
 * Lines about neighbouring or related posts are never read, so their dates are never taken.
 */
export function metadataFromLines(lines: string[], titleIndex: number, timeZone: string): Partial<PageMetadata> {
  const found: Partial<PageMetadata> = {};
  const own = lines.filter((line) => !NEIGHBOUR_LINE.test(line) || line.length > 60);
  for (const line of own) {
    if (line.length > 200) continue;
    found.author ??= untilNextLabel(AUTHOR_LINE.exec(line)?.[1]);
    found.source ??= untilNextLabel(SOURCE_LINE.exec(line)?.[1]);
    found.sourceUrl ??= REPOST_URL.exec(line)?.[1];
    if (!found.date) {
      const labelled = DATE_LABEL.exec(line);
      if (labelled && line.length <= 100) found.date = findDate(line.slice(labelled.index), timeZone) ?? undefined;
    }
  }
  for (const line of own) {
    const dateline = NEWS_DATELINE.exec(line);
    if (!found.date && dateline?.[1]) found.date = findDate(dateline[1], timeZone) ?? undefined;
    found.author ??= REPORTER.exec(line)?.[1];
    if (line.length <= 60) found.author ??= REPORTER_LINE.exec(line)?.[1];
  }
  // A metadata line (`2022-06-14 11:32　来源：…　作者：…`) dates the article even without a date label.
  if (!found.date) {
    const line = own.find((text) => text.length <= 120 && METADATA_LABEL.test(text) && findDate(text, timeZone));
    if (line) found.date = findDate(line, timeZone) ?? undefined;
  }
  // A line of its own that is mostly a date, just under the title, is the article's date.
  if (!found.date && titleIndex >= 0) {
    for (const line of lines.slice(titleIndex + 1, titleIndex + 6)) {
      if (NEIGHBOUR_LINE.test(line) || line.length > 60) continue;
      const date = findDate(line, timeZone);
      if (date) {
        found.date = date;
        break;
      }
    }
  }
  return found;
}

/** `东屿省教育厅办公室浏览次数：5821`: spans printed without a space run labels together. */
function untilNextLabel(value: string | undefined): string | undefined {
  const cut = value?.replace(/(?:[浏瀏][览覽]|[阅閱][读讀]|点击|點擊|作者|[来來]源|[发發]布|[时時][间間]|日期|[编編][辑輯]|字号|字號).*$/, "");
  return cut || undefined;
}

/** `（中央社）` closing the last paragraph names the agency the article came from. */
export function closingAgency(lastParagraph: string | undefined): string | undefined {
  const text = lastParagraph?.trim();
  if (!text || !/[。！？!?」”]\s*[（(][^（(]+[）)]$/.test(text)) return undefined;
  return CLOSING_AGENCY.exec(text)?.[1];
}

/** A date value from metadata, or undefined. */
export function metaDate(value: unknown, timeZone: string): FoundDate | undefined {
  return typeof value === "string" ? (parseDateValue(value, timeZone) ?? undefined) : undefined;
}

/** True when a text line reads as a sentence (ends with closing punctuation). */
export function endsLikeSentence(line: string): boolean {
  return CLOSING_PUNCTUATION.test(line.trim());
}
