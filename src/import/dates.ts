/**
 * Dates as pages write them: ISO stamps from metadata, and the ways Chinese pages print a date
 * (2023-05-30 09:15, 2023/5/30, 2023年5月30日 星期二 下午3:05). A date without an offset is in
 * the site's time zone, as in the archive's own front matter.
 */
import { DateTime } from "luxon";

export interface FoundDate {
  date: DateTime;
  /** False when the page gave a day only. */
  hasTime: boolean;
}

// `2016-09-03 週六 下午 05:12`: a weekday and the half of the day may stand between the day and its time.
const NUMERIC =
  /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:(?:\s*[（(]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?)?\s*(上午|下午|晚上|凌晨|中午)?\s*[T\s]\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?/;
const CHINESE =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號](?:\s*[（(]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?)?(?:\s*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*[:：时時點点]\s*(\d{2}))?/;

// `三月 15 週四 2012 21:08`, `8月 21, 2010`: the month first, then the day and the year, as blog platforms print a post's date.
const MONTH_NAME_FIRST =
  /(?<![\p{Script=Han}\d])([一二三四五六七八九十]{1,3}|\d{1,2})月\s*(\d{1,2})\s*[日号號]?\s*(?:[（(]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?)?\s*[,，]?\s*(\d{4})\s*年?(?:\s*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})[:：](\d{2}))?/u;
const MONTH_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
// `民國112年5月3日`, `112年5月3日`: the Republic of China's years, as Taiwan's government writes them (year 1 is 1912).
const ROC = /(?:民[国國]\s*)?(?<!\d)(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
// `109-06-15`, `112/5/3`: the Republic of China's year in figures, as Taiwan's government writes it.
const ROC_NUMERIC = /(?<![\d/.-])(1\d{2}|[89]\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])/;
// `05/11/2023`, `5-11-2023`: the day first, as Hong Kong writes it (the month first only when the day cannot be).
const DAY_FIRST = /(?<![\d/.-])(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.-])(?:\s+(\d{1,2})[:：](\d{2}))?/;
// `於 下午3:20`: a time of day alone, as a post's footer gives it under a day's header.
// `香港時間15時30分`: with the place's time named, the hour and minute in words.
const TIME_OF_DAY = /^(?:於|于|发表于|發表於|at|@|\p{Script=Han}{2}[時时][間间])?\s*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*(?:[:：]|[時时点點])\s*(\d{2})\s*分?(?:[:：]\d{2})?\s*([ap]\.?m\.?)?$/iu;

/** The hour, by the 12-hour clock's half of the day (下午3:20 is 15:20). */
function hourOfDay(hour: number, half: string | undefined): number {
  if (half && /下午|晚上|^p/i.test(half) && hour < 12) return hour + 12;
  if (half && /凌晨|上午|^a/i.test(half) && hour === 12) return 0;
  return hour;
}

/** A time of day written alone (`下午3:20`, `21:08`), or null. */
export function findTimeOfDay(text: string): { hour: number; minute: number } | null {
  const match = TIME_OF_DAY.exec(text.replace(/\s+/g, " ").trim());
  if (!match) return null;
  const hour = hourOfDay(+match[2]!, match[1] ?? match[4]);
  const minute = +match[3]!;
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** The same day at the time given. */
export function atTimeOfDay(found: FoundDate, time: { hour: number; minute: number }): FoundDate {
  return { date: found.date.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }), hasTime: true };
}

/** The first date written in `text`, or null. */
export function findDate(text: string, timeZone: string): FoundDate | null {
  const numeric = NUMERIC.exec(text);
  const chinese = CHINESE.exec(text);
  const monthName = MONTH_NAME_FIRST.exec(text);
  const roc = ROC.exec(text) ?? ROC_NUMERIC.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const first = [numeric, chinese, monthName, roc, dayFirst].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  if (first === roc) {
    const [y, mo, d] = first.length === 5 ? [first[1], first[3], first[4]] : [first[1], first[2], first[3]];
    return +y! >= 79 && +y! <= 200 ? build(+y! + 1911, +mo!, +d!, undefined, 0, 0, undefined, timeZone) : null;
  }
  if (first === dayFirst) {
    const [, a, , b, y, h, mi] = first;
    const [day, month] = +b! > 12 && +a! <= 12 ? [+b!, +a!] : [+a!, +b!];
    return build(+y!, month, day, h === undefined ? undefined : +h, mi === undefined ? 0 : +mi, 0, undefined, timeZone);
  }
  if (first === monthName) {
    const [, month, d, y, half, h, mi] = first;
    const hour = h === undefined ? undefined : hourOfDay(+h, half);
    const number = /\d/.test(month!) ? +month! : MONTH_NUMBERS[month!];
    return number ? build(+y!, number, +d!, hour, mi === undefined ? 0 : +mi, 0, undefined, timeZone) : null;
  }
  if (first === numeric) {
    const [, y, mo, d, half, h, mi, s, offset] = first;
    return build(+y!, +mo!, +d!, h === undefined ? undefined : hourOfDay(+h, half), mi === undefined ? 0 : +mi, s === undefined ? 0 : +s, offset, timeZone);
  }
  const [, y, mo, d, half, h, mi] = first;
  const hour = h === undefined ? undefined : hourOfDay(+h, half);
  return build(+y!, +mo!, +d!, hour, mi === undefined ? 0 : +mi, 0, undefined, timeZone);
}

/** A machine-written stamp (ISO 8601, RFC 2822, HTTP) from metadata, or any form `findDate` reads. */
export function parseDateValue(value: string, timeZone: string): FoundDate | null {
  const text = value.trim();
  if (!text) return null;
  for (const parse of [DateTime.fromISO, DateTime.fromRFC2822, DateTime.fromHTTP]) {
    const date = parse(text, { zone: timeZone, setZone: true });
    if (date.isValid && plausible(date)) return { date: date.setZone(timeZone), hasTime: /\d[:：]\d/.test(text) };
  }
  return findDate(text, timeZone);
}

/** A date in a page's address (`/2021/03/08/`, `t20210308_`), the last place to look for one. */
export function dateInAddress(url: string, timeZone: string): FoundDate | null {
  const match = /[/_-](20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(new URL(url).pathname);
  return match ? build(+match[1]!, +match[2]!, +match[3]!, undefined, 0, 0, undefined, timeZone) : null;
}

/** How the front matter writes it: `2023-05-30` or `2023-05-30 09:15`, in the site's zone. */
export function frontMatterDate(found: FoundDate): string {
  return found.date.toFormat(found.hasTime ? "yyyy-LL-dd HH:mm" : "yyyy-LL-dd");
}

function build(
  year: number, month: number, day: number, hour: number | undefined, minute: number, second: number,
  offset: string | undefined, timeZone: string, checkPlausible = true,
): FoundDate | null {
  const hasTime = hour !== undefined;
  const values = { year, month, day, hour: hour ?? 0, minute, second };
  const zone = offset ? (offset === "Z" ? "UTC" : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : timeZone;
  const date = DateTime.fromObject(values, { zone });
  if (!date.isValid || (checkPlausible && !plausible(date))) return null;
  return { date: date.setZone(timeZone), hasTime };
}

/** Pages are from the web's lifetime, not the future. */
function plausible(date: DateTime): boolean {
  return date.year >= 1990 && date <= DateTime.now().plus({ days: 2 });
}

// As other generators' front matter writes a date: 2019-2-06, 2019/04/04, 2019-04-04 10:00:00 +0800,
// 2019-04-04T10:00:00.000Z, 2019-04-04 10:00 UTC.
const FRONT_MATTER_DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A date as Jekyll, Hugo and Hexo read one from front matter: text in any of their loose forms,
 * a TOML date or date-time (local ones in `timeZone`), or a Date a YAML reader made (one at UTC
 * midnight is a day). Null when it is none.
 */
export function postDate(value: unknown, timeZone: string): FoundDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // smol-toml's dates keep the text they were written as: a day, a local time, or with an offset.
    const written = (value as Date & { isLocal?: () => boolean }).isLocal ? value.toISOString() : undefined;
    if (written !== undefined) return postDate(written, timeZone);
    const utc = DateTime.fromJSDate(value, { zone: "UTC" });
    if (utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0) {
      return build(utc.year, utc.month, utc.day, undefined, 0, 0, undefined, timeZone, false);
    }
    return { date: DateTime.fromJSDate(value).setZone(timeZone), hasTime: true };
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = FRONT_MATTER_DATE.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, zone] = match;
    const offset = !zone ? undefined : /^(?:Z|UTC|GMT)$/i.test(zone) ? "Z" : zone.length === 3 ? `${zone}:00` : zone;
    if (offset && offset !== "Z" && !/^[+-](?:0\d|1[0-4]):?[0-5]\d$/.test(offset)) return null;
    return build(+y!, +mo!, +d!, h === undefined ? undefined : +h, mi === undefined ? 0 : +mi, s === undefined ? 0 : +s, offset, timeZone, false);
  }
  for (const parse of [DateTime.fromISO, DateTime.fromRFC2822]) {
    const date = parse(text, { zone: timeZone, setZone: true });
    if (date.isValid) return { date: date.setZone(timeZone), hasTime: /\d:\d/.test(text) };
  }
  return null;
}
