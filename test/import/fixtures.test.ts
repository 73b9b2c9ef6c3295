/**
 * Pages of our own making (test/fixtures/import/, text written for these tests), each against what a
 * correct import yields: encodings, metadata sources, date traps, boilerplate, injection, bad files.
 */
import { describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ImportError, readPage } from "../../src/import/page.ts";
import { checkExpectation, readExpectation } from "./expectations.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/import");
const timeZone = "Asia/Shanghai";
const expectations = readdirSync(path.join(FIXTURES, "expected"))
  .filter((name) => name.endsWith(".json") && name !== "failures.json")
  .sort();

describe("fixture pages", () => {
  for (const name of expectations) {
    const expected = readExpectation(path.join(FIXTURES, "expected", name));
    it(`${expected.input} yields what its expectation file says`, () => {
      const bytes = readFileSync(path.join(FIXTURES, expected.input));
      if (expected.date === null) {
        expect(() => readPage(bytes, { timeZone })).toThrow(/no date of its own/);
        return;
      }
      checkExpectation(readPage(bytes, { timeZone }), expected);
    });
  }
});

describe("files that are not articles", () => {
  const failures = JSON.parse(readFileSync(path.join(FIXTURES, "expected/failures.json"), "utf8")) as Record<string, string>;
  for (const [file, about] of Object.entries(failures)) {
    it(`${file} fails with a one-line reason (${about})`, () => {
      let error: unknown;
      try {
        readPage(readFileSync(path.join(FIXTURES, file)), { timeZone });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).not.toContain("\n");
    });
  }
});
