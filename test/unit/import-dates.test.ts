import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { findDate, findTimeOfDay } from "../../src/import/dates.ts";

const found = (text: string) => {
  const date = findDate(text, "Asia/Shanghai");
  return date ? date.date.toFormat(date.hasTime ? "yyyy-LL-dd HH:mm" : "yyyy-LL-dd") : null;
};

describe("dates as Chinese pages print them", () => {
  itEach([
    ["2013-6-29", "2013-06-29"],
    ["发布时间：2009-3-5 9:05", "2009-03-05 09:05"],
    ["2023年11月5日 星期日 07:30", "2023-11-05 07:30"],
    ["2013年6月9日 下午 2:05", "2013-06-09 14:05"],
    ["三月 15 週四 2012 21:08", "2012-03-15 21:08"],
    ["8月 21, 2010", "2010-08-21"],
    ["民國112年5月3日", "2023-05-03"],
    ["發布日期：112年5月3日", "2023-05-03"],
    ["05/11/2023 07:30", "2023-11-05 07:30"],
    ["11/25/2023", "2023-11-25"],
  ])("reads %s as %s", (text: string, expected: string) => {
    expect(found(text)).toBe(expected);
  });
  itEach([["v1.2.2023"], ["第112年"], ["共100年5月"]])("finds no date in %s", (text: string) => {
    expect(found(text)).toBeNull();
  });
});

describe("a time of day written alone", () => {
  itEach([
    ["於 下午3:20", { hour: 15, minute: 20 }],
    ["21:08", { hour: 21, minute: 8 }],
    ["上午12:05", { hour: 0, minute: 5 }],
    ["下午12:05", { hour: 12, minute: 5 }],
  ])("reads %s as %j", (text: string, expected: { hour: number; minute: number }) => {
    expect(findTimeOfDay(text)).toEqual(expected);
  });
  it("is no time of day inside a sentence", () => {
    expect(findTimeOfDay("会议于下午3:20开始")).toBeNull();
  });
});
