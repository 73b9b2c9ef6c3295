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

const NUMERIC =
  /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[T\s]\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?/;
const CHINESE =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號](?:\s*[（(]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?)?(?:\s*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*[:：时時點点]\s*(\d{2}))?/;

/** The first date written in `text`, or null. */
export function findDate(text: string, timeZone: string): FoundDate | null {
  const numeric = NUMERIC.exec(text);
  const chinese = CHINESE.exec(text);
  const first = [numeric, chinese].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  if (first === numeric) {
    const [, y, mo, d, h, mi, s, offset] = first;
    return build(+y!, +mo!, +d!, h === undefined ? undefined : +h, mi === undefined ? 0 : +mi, s === undefined ? 0 : +s, offset, timeZone);
  }
  const [, y, mo, d, half, h, mi] = first;
  let hour = h === undefined ? undefined : +h;
  if (hour !== undefined && hour < 12 && half && /下午|晚上/.test(half)) hour += 12;
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
  offset: string | undefined, timeZone: string,
): FoundDate | null {
  const hasTime = hour !== undefined;
  const values = { year, month, day, hour: hour ?? 0, minute, second };
  const zone = offset ? (offset === "Z" ? "UTC" : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : timeZone;
  const date = DateTime.fromObject(values, { zone });
  if (!date.isValid || !plausible(date)) return null;
  return { date: date.setZone(timeZone), hasTime };
}

/** Pages are from the web's lifetime, not the future. */
function plausible(date: DateTime): boolean {
  return date.year >= 1990 && date <= DateTime.now().plus({ days: 2 });
}
