/**
 * Checks an imported page against an expectation file in the seeds' schema
 * (../shared/seeds/expected/*.json, test/fixtures/import/expected/*.json), field by field as
 * `npm run bench -- --import-quality` scores it: the failure names every wrong field.
 */
import { expect } from "expect";
import type { ImportedPage } from "../../src/import/page.ts";
import { fieldChecks, type Expectation, type PageQuality } from "../../src/bench/import-quality.ts";

export { readExpectation, plainBody, type Expectation } from "../../src/bench/import-quality.ts";

function wrongFields(checks: PageQuality["checks"]): string[] {
  return checks.filter((check) => !check.ok).map((check) => `${check.field}: ${check.detail ?? "wrong"}`);
}

export function checkExpectation(page: ImportedPage, expected: Expectation): void {
  expect(wrongFields(fieldChecks(page, expected))).toEqual([]);
}

/** A scored page has every field right. */
export function expectAllRight(quality: PageQuality): void {
  expect(wrongFields(quality.checks)).toEqual([]);
}
