import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { DateTime } from "luxon";
import { formatChineseDate, formatChineseMonth, isoDateTime, parseDate } from "../../src/articles/dates.ts";

const SHANGHAI = "Asia/Shanghai";
const TAIPEI = "Asia/Taipei";

/** The parsed date as ISO text in its own zone, or null. */
function iso(value: unknown, zone = SHANGHAI): string | null {
  const date = parseDate(value, zone);
  return date ? isoDateTime(date) : null;
}

describe("parseDate", () => {
  itEach([
    ["a date only is midnight in the site zone", "2023-05-30", "2023-05-30T00:00:00+08:00"],
    ["a date and time", "2023-05-30 08:30", "2023-05-30T08:30:00+08:00"],
    ["a date and time with a T", "2023-05-30T08:30", "2023-05-30T08:30:00+08:00"],
    ["a time with seconds", "2023-05-30T08:30:15", "2023-05-30T08:30:15+08:00"],
    ["a UTC time (Z) is moved into the site zone", "2023-05-30T08:30:00Z", "2023-05-30T16:30:00+08:00"],
    ["an offset written +08:00", "2023-05-30T08:30:00+08:00", "2023-05-30T08:30:00+08:00"],
    ["an offset written +0800", "2023-05-30T08:30:00+0800", "2023-05-30T08:30:00+08:00"],
    ["a space before the offset", "2023-05-30 08:30 +08:00", "2023-05-30T08:30:00+08:00"],
    ["a space before a +0800 offset", "2023-05-30 08:30 +0800", "2023-05-30T08:30:00+08:00"],
    ["another offset is converted to the site zone", "2023-05-30T08:30:00-05:00", "2023-05-30T21:30:00+08:00"],
    ["surrounding spaces are ignored", "  2023-05-30  ", "2023-05-30T00:00:00+08:00"],
    ["a month in one digit, as Jekyll reads it", "2019-2-06", "2019-02-06T00:00:00+08:00"],
    ["a month and day in one digit", "2019-2-6", "2019-02-06T00:00:00+08:00"],
    ["an hour in one digit", "2019-02-06 9:05", "2019-02-06T09:05:00+08:00"],
  ])("reads %s", (_name, input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it("reads a time without an offset in the given zone, whatever the process zone", () => {
    // The process zone is irrelevant: luxon is told the zone explicitly.
    for (const zone of [SHANGHAI, TAIPEI]) {
      const date = parseDate("2024-03-01 07:00", zone)!;
      expect(date.zoneName).toBe(zone);
      expect([date.year, date.month, date.day, date.hour, date.minute]).toEqual([2024, 3, 1, 7, 0]);
      expect(date.toUTC().toISO()).toBe("2024-02-29T23:00:00.000Z");
    }
  });

  it("keeps an early-morning article on its own day and month", () => {
    const date = parseDate("2024-03-01 07:00", SHANGHAI)!;
    expect(date.month).toBe(3);
    expect(formatChineseDate(date)).toBe("2024年3月1日");
  });

  it("converts an offset time into the site zone, crossing midnight", () => {
    const date = parseDate("2024-02-29T23:30:00Z", SHANGHAI)!;
    expect(date.zoneName).toBe(SHANGHAI);
    expect(isoDateTime(date)).toBe("2024-03-01T07:30:00+08:00");
    expect([date.month, date.day]).toEqual([3, 1]);
  });

  it("keeps the instant of a JavaScript Date and shows it in the site zone", () => {
    expect(iso(new Date("2023-05-30T00:30:00Z"))).toBe("2023-05-30T08:30:00+08:00");
    expect(parseDate(new Date("not a date"), SHANGHAI)).toBeNull();
  });

  itEach([
    ["a month 13 and day 45", "2023-13-45"],
    ["30 February", "2023-02-30"],
    ["29 February in a common year", "2023-02-29"],
    ["a word", "yesterday"],
    ["a number", 2023],
    ["an empty text", ""],
    ["null", null],
    ["undefined", undefined],
    ["an hour 25", "2023-05-30 25:00"],
    ["a date with a trailing word", "2023-05-30 morning"],
    ["a day in three digits", "2023-05-300"],
    ["a minute in one digit", "2023-05-30 08:5"],
    ["30 February in one digit", "2023-2-30"],
  ])("returns null for %s", (_name, input) => {
    expect(parseDate(input, SHANGHAI)).toBeNull();
  });
});

describe("formatting", () => {
  const date = DateTime.fromISO("2023-05-03T09:05:00", { zone: SHANGHAI });

  it("formatChineseDate writes year, month and day without zero padding", () => {
    expect(formatChineseDate(date)).toBe("2023年5月3日");
    expect(formatChineseDate(parseDate("2023-05-30", SHANGHAI)!)).toBe("2023年5月30日");
    expect(formatChineseDate(parseDate("2023-12-01", SHANGHAI)!)).toBe("2023年12月1日");
  });

  it("formatChineseMonth writes year and month without zero padding", () => {
    expect(formatChineseMonth(2023, 5)).toBe("2023年5月");
    expect(formatChineseMonth(2024, 12)).toBe("2024年12月");
  });

  it("isoDateTime keeps the +08:00 offset and drops milliseconds", () => {
    expect(isoDateTime(date)).toBe("2023-05-03T09:05:00+08:00");
    expect(isoDateTime(parseDate("2023-05-30 08:30", TAIPEI)!)).toBe("2023-05-30T08:30:00+08:00");
  });
});
