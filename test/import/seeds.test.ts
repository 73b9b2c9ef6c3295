/** The two real scraped pages in ../shared/seeds against every field their expectation files name. */
import { describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readPage, ImportError } from "../../src/import/page.ts";
import { parseDateValue } from "../../src/import/dates.ts";
import { checkExpectation, readExpectation } from "./expectations.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const SEEDS = path.join(PROJECT_ROOT, "../shared/seeds");
const timeZone = "Asia/Shanghai";
const seed = (name: string) => readFileSync(path.join(SEEDS, name));

describe("seed 000: a whole WordPress news page saved as .txt", () => {
  const expected = readExpectation(path.join(SEEDS, "expected/000_5ccb49dcd7f070fa.json"));
  const page = readPage(seed(expected.input), { timeZone });

  it("is read as HTML by its content, not its name", () => {
    expect(page.format).toBe("html");
  });
  it("yields every field of its expectation file", () => {
    checkExpectation(page, expected);
  });
  it("keeps tag words inside the text as plain words", () => {
    expect(page.body).not.toMatch(/\]\(https?:\/\/www\.bannedbook\.org\/bnews\/tag\//);
    expect(page.body).toContain("在长三角科技产业创新论坛上");
  });
});

describe("seed 004: a plain-text dump of a blog page without a date of its own", () => {
  const expected = readExpectation(path.join(SEEDS, "expected/004_ba1cdac9ec1566b3.json"));

  it("fails without --date, saying the page has no date of its own", () => {
    expect(() => readPage(seed(expected.input), { timeZone })).toThrow(ImportError);
    expect(() => readPage(seed(expected.input), { timeZone })).toThrow(/no date of its own.*--date/);
  });

  it("with --date, yields every field of its expectation file and says it took the date", () => {
    const fallbackDate = parseDateValue("2025-11-10", timeZone)!;
    const page = readPage(seed(expected.input), { timeZone, fallbackDate });
    expect(page.format).toBe("text");
    checkExpectation(page, expected);
    expect(page.fields.date).toBe("2025-11-10");
    expect(page.warnings.join()).toMatch(/--date 2025-11-10/);
  });
});
