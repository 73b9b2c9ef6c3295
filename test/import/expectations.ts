/**
 * Checks an imported page against an expectation file in the seeds' schema
 * (../shared/seeds/expected/*.json, test/fixtures/import/expected/*.json).
 */
import { expect } from "expect";
import { readFileSync } from "node:fs";
import type { ImportedPage } from "../../src/import/page.ts";

export interface Expectation {
  input: string;
  title?: string;
  date?: string | null;
  lang?: string;
  tags?: string[];
  author?: string;
  source?: string;
  source_url?: string;
  body_paragraphs_at_least?: number;
  body_starts_with?: string;
  body_must_contain?: string[];
  body_must_not_contain?: string[];
  headings?: string[];
  figure?: { caption_contains?: string; image_url?: string };
  /** Words that must sit in cells of a Markdown table. */
  table_cells?: string[];
  /** Lines that must sit in a fenced code block, as written. */
  code_contains?: string[];
}

export function readExpectation(file: string): Expectation {
  return JSON.parse(readFileSync(file, "utf8")) as Expectation;
}

/** The article's words as a reader sees them: Markdown marks and escapes removed. */
export function plainBody(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, "$1")
    .replace(/\*\*|__/g, "");
}

export function checkExpectation(page: ImportedPage, expected: Expectation): void {
  const { fields, body } = page;
  const text = plainBody(body);
  if (expected.title !== undefined) expect(fields.title).toBe(expected.title);
  // `2023-05-30` checks the day; `2023-05-30 09:15` the time too.
  if (typeof expected.date === "string") expect(fields.date.slice(0, expected.date.length)).toBe(expected.date);
  if (expected.lang !== undefined) expect(fields.lang).toBe(expected.lang);
  if (expected.tags !== undefined) expect(fields.tags).toEqual(expected.tags);
  if (expected.author !== undefined) expect(fields.author).toBe(expected.author);
  if (expected.source !== undefined) expect(fields.source).toBe(expected.source);
  if (expected.source_url !== undefined) expect(fields.source_url).toBe(expected.source_url);
  if (expected.body_starts_with !== undefined) expect(text.trimStart().startsWith(expected.body_starts_with)).toBe(true);
  for (const sentence of expected.body_must_contain ?? []) expect(text.includes(sentence) ? text : body).toContain(sentence);
  // An image is kept by its original address, which may hold anything; the rest must be clean.
  const withoutImageAddresses = body.replace(/!\[([^\]]*)\]\([^)]*\)/g, "![$1]");
  for (const junk of expected.body_must_not_contain ?? []) {
    expect(withoutImageAddresses).not.toContain(junk);
  }
  if (expected.body_paragraphs_at_least !== undefined) {
    const paragraphs = body.split(/\n{2,}/).filter((block) => !/^(?:#|!\[|```|\|)/.test(block.trim()));
    expect(paragraphs.length).toBeGreaterThanOrEqual(expected.body_paragraphs_at_least);
  }
  if (expected.headings !== undefined) {
    const headings = [...body.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => plainBody(match[1]!).trim());
    expect(headings).toEqual(expected.headings);
  }
  const tableLines = body.split("\n").filter((line) => line.startsWith("|")).join("\n");
  for (const cell of expected.table_cells ?? []) expect(tableLines).toContain(`| ${cell} |`);
  const code = [...body.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]).join("\n");
  for (const line of expected.code_contains ?? []) expect(code).toContain(line);
  if (expected.figure) {
    const figures = [...body.matchAll(/!\[[^\]]*\]\(<?([^\s)>]+)>?(?:\s+"((?:[^"\\]|\\.)*)")?\)/g)];
    const figure = figures.find((match) => !expected.figure!.image_url || match[1] === expected.figure!.image_url);
    expect(figure).toBeDefined();
    if (expected.figure.caption_contains) expect(figure![2] ?? "").toContain(expected.figure.caption_contains);
  }
}
