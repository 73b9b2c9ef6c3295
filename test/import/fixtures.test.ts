/**
 * Pages of our own making (test/fixtures/import/, text written for these tests), each against what a
 * correct import yields: encodings, metadata sources, date traps, boilerplate, injection, bad files.
 */
import { describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ImportError, readPage } from "../../src/import/page.ts";
import { expectAllRight, readExpectation } from "./expectations.ts";
import { scoreFolder, scorePage, summarize } from "../../src/bench/import-quality.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/import");
const timeZone = "Asia/Shanghai";
const expectations = readdirSync(path.join(FIXTURES, "expected"))
  .filter((name) => name.endsWith(".json") && name !== "failures.json")
  .sort();

describe("fixture pages", () => {
  for (const name of expectations) {
    const expectationFile = path.join(FIXTURES, "expected", name);
    const expected = readExpectation(expectationFile);
    it(`${expected.input} yields what its expectation file says`, () => {
      expectAllRight(scorePage(path.join(FIXTURES, expected.input), expectationFile));
    });
  }
});

describe("the importer's quality over every fixture page", () => {
  it("gets at least 95 % of the fields right, with no page failing to import", () => {
    const summary = summarize(scoreFolder(FIXTURES, path.join(FIXTURES, "expected")));
    expect(summary.failedImports).toBe(0);
    expect(summary.checksRight / summary.checks).toBeGreaterThanOrEqual(0.95);
  });
  it("keeps the bodies of pages with a reference text at a mean precision and recall of 0.9 or more", () => {
    const summary = summarize(scoreFolder(FIXTURES, path.join(FIXTURES, "expected")));
    expect(summary.scoredBodies).toBeGreaterThan(0);
    expect(summary.precision).toBeGreaterThanOrEqual(0.9);
    expect(summary.recall).toBeGreaterThanOrEqual(0.9);
  });
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
