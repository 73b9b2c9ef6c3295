/**
 * Article dates. A date or time written without an offset is in the site's time zone, so an article
 * written at 07:00 on 1 May (Asia/Shanghai) stays on the May page wherever the build runs.
 */
import { DateTime } from "luxon";

// 2023-05-30 | 2023-05-30 08:30 | 2023-05-30T08:30:00.000 | any of these + Z or ±08:00 / ±0800;
// the month, day and hour also in one digit (2019-2-6 9:05), as Jekyll and Hugo read them.
const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})(:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses a front-matter date; returns null when it is not a real date and time. */
export function parseDate(value: unknown, timeZone: string): DateTime | null {
  let text: string;
  if (value instanceof Date) {
    // A YAML parser that makes Dates has already lost the zone; keep its instant.
    return Number.isNaN(value.getTime()) ? null : DateTime.fromJSDate(value).setZone(timeZone);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minutes, offset] = match;
  if (offset && !isRealOffset(offset)) return null;
  const two = (digits: string) => digits.padStart(2, "0");
  const iso = `${year}-${two(month!)}-${two(day!)}T${hour === undefined ? "00:00" : `${two(hour)}${minutes}`}${offset ?? ""}`;
  const parsed = DateTime.fromISO(iso, { zone: timeZone, setZone: Boolean(offset) });
  if (!parsed.isValid) return null;
  return parsed.setZone(timeZone);
}

// Time zones in use lie between −12:00 and +14:00; luxon would read +25:00 as a day's shift.
function isRealOffset(offset: string): boolean {
  if (offset === "Z") return true;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) ?? [];
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return Number(minutes ?? 0) < 60 && (sign === "+" ? total <= 14 * 60 : total <= 12 * 60);
}

/** 2023年5月30日: how Chinese readers write a date. */
export function formatChineseDate(date: DateTime): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

/** 2023年5月 */
export function formatChineseMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

const isoForms = new WeakMap<DateTime, string>();

/** The machine-readable form for <time datetime> and feeds, with the offset. */
export function isoDateTime(date: DateTime): string {
  // Every list and feed a page is on writes its date again: luxon's formatting is kept (DateTime is immutable).
  let iso = isoForms.get(date);
  if (iso === undefined) isoForms.set(date, (iso = date.toISO({ suppressMilliseconds: true }) ?? ""));
  return iso;
}
