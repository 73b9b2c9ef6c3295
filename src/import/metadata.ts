/**
 * An article's metadata, from the best source a page offers: JSON-LD, then Open Graph and other
 * meta tags, then the page's elements (`<time>`, `rel="tag"`), then the words of its text
 * (`发布时间：`, `来源：`, `【2023年5月30日讯】`, a closing `（中央社）`).
 */
import type { FoundDate } from "./dates.ts";
import { findDate, findTimeOfDay, parseDateValue } from "./dates.ts";
import {
  AGENCY_REPORTER, AUTHOR_LINE, CLOSING_AGENCY, CREDIT_ROLE, CLOSING_PUNCTUATION, COPYRIGHT_HOLDER, DATE_LABEL, EDITOR_CREDIT, END_MARK, ISSUER_LINE, ORGANIZATION_ENDING, LEADING_AGENCY_MARK, METADATA_LABEL, NAMES_AFTER_LABEL, NEIGHBOUR_LINE, NEWS_DATELINE, NOT_A_NAME, PHOTO_CREDIT, REPORTER,
  REPORTER_BYLINE, REPORTER_LINE, REPORTERS_AFTER_LABEL, REPOST_URL, SITE_ACTION, SITE_NAME_ENDING, SOURCE_LINE,
} from "./rules.ts";

export interface PageMetadata {
  title?: string;
  date?: FoundDate;
  tags: string[];
  author?: string;
  source?: string;
  sourceUrl?: string;
  /** The wire named by a dateline (`（曉峰社記者…電）`), perhaps by its short name. */
  agency?: string;
  /** A date that may be the page's last change (`<meta name="date">`): taken only when nothing else gives one. */
  looseDate?: FoundDate;
  /** A time of day given apart from the day (`於 下午3:20` under a day's header). */
  time?: { hour: number; minute: number };
  /** The site's own name (from its copyright line): the source when the page names no other. */
  site?: string;
}

/** Fills what `into` lacks from `from`: sources are merged best first. */
export function mergeMetadata(into: PageMetadata, from: Partial<PageMetadata>): PageMetadata {
  const intoTags = ownTags(into.tags);
  return {
    title: into.title ?? from.title,
    date: sameDayWithTime(into.date, from.date) ?? into.date ?? from.date,
    tags: intoTags.length > 0 ? intoTags : ownTags(from.tags ?? []),
    author: plausibleAuthor(into.author) ?? plausibleAuthor(from.author),
    source: plausibleSource(into.source) ?? plausibleSource(from.source),
    sourceUrl: into.sourceUrl ?? from.sourceUrl,
    time: into.time ?? from.time,
    looseDate: into.looseDate ?? from.looseDate,
    agency: into.agency ?? from.agency,
    site: into.site ?? from.site,
  };
}

/** A day given without its time (`<meta name="publishdate" content="2023-06-29">`) takes the time another source gives for that day. */
function sameDayWithTime(day: FoundDate | undefined, other: FoundDate | undefined): FoundDate | undefined {
  return day && !day.hasTime && other?.hasTime && other.date.toISODate() === day.date.toISODate() ? other : undefined;
}

/** The tags that are words of the article, not the site's buttons beside them (`【纠错】`, 收藏, 打印). */
export function ownTags(tags: string[]): string[] {
  // `#AI#` (as Weibo writes a topic) and `#AI` are the tag AI.
  return distinct(tags.map((tag) => tag.trim().replace(/^#|#$/g, "")).filter((tag) => tag && !SITE_ACTION.test(tag)));
}

/** A byline's name, or undefined when the value is furniture: an address, a handle, an editor's credit. */
export function plausibleAuthor(value: string | undefined): string | undefined {
  const name = value?.trim().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
  if (!name || NOT_A_NAME.test(name) || EDITOR_CREDIT.test(name) || SITE_ACTION.test(name)) return undefined;
  return name;
}

/** A source's name, or undefined when the value is an address or no name at all. */
export function plausibleSource(value: string | undefined): string | undefined {
  const name = value?.trim();
  return name && !NOT_A_NAME.test(name) ? name : undefined;
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
 * the site's boilerplate already removed; `title` is the article's title, if known.
 * Lines about neighbouring or related posts are never read, so their dates are never taken.
 */
export function metadataFromLines(lines: string[], title: string | undefined, timeZone: string): Partial<PageMetadata> {
  const found: Partial<PageMetadata> = {};
  const own = lines.filter((line) => !NEIGHBOUR_LINE.test(line) || line.length > 60);
  for (const line of own) {
    if (line.length > 200) continue;
    found.author ??= reporterNames(REPORTERS_AFTER_LABEL.exec(line)?.[1]) ?? reporterNames(NAMES_AFTER_LABEL.exec(line)?.[1]) ?? untilNextLabel(AUTHOR_LINE.exec(line)?.[1]);
    found.source ??= untilNextLabel(SOURCE_LINE.exec(line)?.[1]);
    const issuer = untilNextLabel(ISSUER_LINE.exec(line)?.[1]);
    if (issuer && ORGANIZATION_ENDING.test(issuer)) found.source ??= issuer;
    found.sourceUrl ??= REPOST_URL.exec(line)?.[1];
    found.site ??= copyrightHolder(line);
    if (!found.date) {
      const labelled = DATE_LABEL.exec(line);
      if (labelled && line.length <= 100) found.date = findDate(line.slice(labelled.index), timeZone) ?? undefined;
    }
  }
  for (const line of own) {
    found.source ??= leadingAgencyMark(line)?.[1];
    const dateline = NEWS_DATELINE.exec(line);
    if (!found.date && dateline?.[1]) found.date = findDate(dateline[1], timeZone) ?? undefined;
    const mark = REPORTER.exec(line);
    if (mark && !PHOTO_CREDIT.test(mark[0])) found.author ??= reporterNames(mark[1]);
    const agency = AGENCY_REPORTER.exec(line);
    if (agency) {
      found.author ??= reporterNames(agency[2]);
      // `（曉峰社記者…台北5日電）`: the wire the story came from.
      if (SITE_NAME_ENDING.test(agency[1]!)) found.agency ??= agency[1];
    }
    if (line.length <= 60) found.author ??= reporterNames(REPORTER_LINE.exec(line)?.[1]) ?? reporterNames(REPORTER_BYLINE.exec(line)?.[1]);
  }
  // A metadata line (`2022-06-14 11:32　来源：…　作者：…`) dates the article even without a date label.
  if (!found.date) {
    const line = own.find((text) => text.length <= 120 && METADATA_LABEL.test(text) && findDate(text, timeZone));
    if (line) found.date = findDate(line, timeZone) ?? undefined;
  }
  // A release ends `完`, then its day and time (`2023年6月5日（星期一）`, `香港時間15時30分`), as governments print them.
  const end = lines.findIndex((line) => END_MARK.test(line));
  if (!found.date && end >= 0) {
    const after = lines.slice(end + 1, end + 4);
    const at = after.findIndex((line) => line.length <= 40 && findDate(line, timeZone));
    if (at >= 0) {
      found.date = findDate(after[at]!, timeZone) ?? undefined;
      found.time ??= findTimeOfDay(after[at + 1] ?? "") ?? undefined;
    }
  }
  // A line of its own that is mostly a date, just under the title (or, as blogs print a day's
  // header, just above it), is the article's date. The title may be printed more than once (in a
  // list of the latest posts too): every place counts.
  const titleLines = title ? lines.flatMap((line, i) => (sameWords(line, title) ? [i] : [])) : [];
  for (const at of titleLines) {
    if (found.date) break;
    const near = [...lines.slice(at + 1, at + 6), ...lines.slice(Math.max(0, at - 3), at).reverse()];
    for (const line of near) {
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

/** `【維港晨報專訊】` opening the text, when what it names is a paper or a site (not `本报`, not a date). */
export function leadingAgencyMark(text: string): RegExpExecArray | null {
  const mark = LEADING_AGENCY_MARK.exec(text);
  return mark && SITE_NAME_ENDING.test(mark[1]!) && !/^本/.test(mark[1]!) ? mark : null;
}

/** The site named by a copyright line, when the name ends like a site's (北港日報, 东屿新闻网). */
function copyrightHolder(line: string): string | undefined {
  const match = COPYRIGHT_HOLDER.exec(line);
  const name = (match?.[1] ?? match?.[2])?.replace(/(?:版[权權]所有|all rights reserved).*$/i, "");
  return name && SITE_NAME_ENDING.test(name) ? name : undefined;
}

/** `王小明、李大華 陳美玲` → `王小明、李大華、陳美玲`: the names up to the next role word of a credit. */
function reporterNames(value: string | undefined): string | undefined {
  const names: string[] = [];
  for (const part of value?.split(/[、，,\s]+/) ?? []) {
    if (CREDIT_ROLE.test(part)) break;
    if (part) names.push(part);
  }
  return names.length > 0 ? names.join("、") : undefined;
}

/** `东屿省教育厅办公室浏览次数：5821`: spans printed without a space run labels together. */
function untilNextLabel(value: string | undefined): string | undefined {
  const cut = value?.replace(/(?:[浏瀏][览覽]|[阅閱][读讀]|点击|點擊|作者|[来來]源|[发發]布|[时時][间間]|日期|[编編][辑輯]|字号|字號).*$/, "");
  return cut || undefined;
}

/**
 * The source a dateline's wire names: the site's own full name when the wire's is its short form
 * (華光社 of 華光通訊社: its characters in order), else the wire's.
 */
export function agencySource(agency: string | undefined, site: string | undefined): string | undefined {
  if (!agency) return undefined;
  if (site && site !== agency && new RegExp([...agency].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")).test(site)) return site;
  return agency;
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

/** Compares texts as readers see them: no spaces, marks or punctuation. */
export function sameWords(a: string, b: string): boolean {
  const normal = (text: string) => text.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
  return normal(a) !== "" && normal(a) === normal(b);
}

/** True when a text line reads as a sentence (ends with closing punctuation). */
export function endsLikeSentence(line: string): boolean {
  return CLOSING_PUNCTUATION.test(line.trim());
}
