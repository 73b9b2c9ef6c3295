/**
 * The importer's quality on pages with an expectation file (test/fixtures/import/expected/,
 * ../shared/seeds/expected/): every field the file names is one check, right or wrong, and where a
 * reference text of the body sits beside it (`<name>.body.txt`), the body's precision and recall
 * against it. `npm run bench -- --import-quality` prints it; the fixture tests assert it.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ImportError, readPage, type ImportedPage } from "../import/page.ts";
import { parseDateValue } from "../import/dates.ts";

/** What a correct import of one page yields, in the schema of ../shared/seeds/expected/. */
export interface Expectation {
  input: string;
  /** What the bytes are: utf-8, gbk (or gb2312, gb18030), big5. */
  encoding?: string;
  title?: string;
  /** `2023-05-30`, `2023-05-30 09:15`; null: the page has no date of its own and must say so. */
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

export interface FieldCheck {
  field: string;
  ok: boolean;
  /** What was expected and what the import gave, when they differ. */
  detail?: string;
}

export interface BodyScore {
  precision: number;
  recall: number;
}

export interface PageQuality {
  input: string;
  checks: FieldCheck[];
  body?: BodyScore;
  /** The import's one-line error, when the page failed to import. */
  error?: string;
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

// Names of one family: GBK and GB2312 bytes are GB18030 bytes, and read as such.
const ENCODING_FAMILIES: [RegExp, string][] = [
  [/^(?:gb2312|gbk|gb18030|cp936|euc-cn)$/, "gb18030"],
  [/^(?:big5|big5-hkscs|cp950)$/, "big5"],
  [/^utf-?8\b/, "utf-8"],
];

function encodingFamily(name: string): string {
  const lower = name.trim().toLowerCase();
  return ENCODING_FAMILIES.find(([pattern]) => pattern.test(lower))?.[1] ?? lower;
}

const show = (value: unknown) => JSON.stringify(value) ?? "nothing";

function compare(field: string, expected: unknown, got: unknown): FieldCheck {
  const ok = show(expected) === show(got);
  return ok ? { field, ok } : { field, ok, detail: `expected ${show(expected)}, got ${show(got)}` };
}

function allPresent(field: string, wanted: string[], has: (item: string) => boolean): FieldCheck {
  const missing = wanted.filter((item) => !has(item));
  return missing.length === 0 ? { field, ok: true } : { field, ok: false, detail: `missing ${missing.map(show).join(", ")}` };
}

/** One check per field the expectation names. */
export function fieldChecks(page: ImportedPage, expected: Expectation): FieldCheck[] {
  const { fields, body } = page;
  const text = plainBody(body);
  const checks: FieldCheck[] = [];
  if (expected.encoding !== undefined) checks.push(compare("encoding", encodingFamily(expected.encoding), encodingFamily(page.encoding)));
  if (expected.title !== undefined) checks.push(compare("title", expected.title, fields.title));
  // `2023-05-30` checks the day; `2023-05-30 09:15` the time too.
  if (typeof expected.date === "string") checks.push(compare("date", expected.date, fields.date.slice(0, expected.date.length)));
  if (expected.lang !== undefined) checks.push(compare("lang", expected.lang, fields.lang));
  if (expected.tags !== undefined) checks.push(compare("tags", expected.tags, fields.tags));
  if (expected.author !== undefined) checks.push(compare("author", expected.author, fields.author));
  if (expected.source !== undefined) checks.push(compare("source", expected.source, fields.source));
  if (expected.source_url !== undefined) checks.push(compare("source_url", expected.source_url, fields.source_url));
  if (expected.body_starts_with !== undefined) {
    const start = text.trimStart();
    checks.push(start.startsWith(expected.body_starts_with)
      ? { field: "body start", ok: true }
      : { field: "body start", ok: false, detail: `expected ${show(expected.body_starts_with)}, got ${show(start.slice(0, expected.body_starts_with.length + 10))}` });
  }
  if (expected.body_must_contain) checks.push(allPresent("body contains", expected.body_must_contain, (sentence) => text.includes(sentence) || body.includes(sentence)));
  if (expected.body_must_not_contain) {
    // An image is kept by its original address, which may hold anything, and a figure's alt text
    // may be its caption (words of the page that belong there); the rest must be clean.
    const withoutImageAddresses = body.replace(/!\[([^\]]*)\]\([^)"]*(?:"((?:[^"\\]|\\.)*)")?\)/g, (_, alt: string, caption?: string) => (alt === caption ? "![]" : `![${alt}]`));
    const present = expected.body_must_not_contain.filter((junk) => withoutImageAddresses.includes(junk));
    checks.push(present.length === 0 ? { field: "body leaves out", ok: true } : { field: "body leaves out", ok: false, detail: `kept ${present.map(show).join(", ")}` });
  }
  if (expected.body_paragraphs_at_least !== undefined) {
    const paragraphs = body.split(/\n{2,}/).filter((block) => !/^(?:#|!\[|```|\|)/.test(block.trim()));
    const ok = paragraphs.length >= expected.body_paragraphs_at_least;
    checks.push(ok ? { field: "paragraphs", ok } : { field: "paragraphs", ok, detail: `expected at least ${expected.body_paragraphs_at_least}, got ${paragraphs.length}` });
  }
  if (expected.headings !== undefined) {
    const headings = [...body.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => plainBody(match[1]!).trim());
    checks.push(compare("headings", expected.headings, headings));
  }
  if (expected.table_cells) {
    const tableLines = body.split("\n").filter((line) => line.startsWith("|")).join("\n");
    checks.push(allPresent("table", expected.table_cells, (cell) => tableLines.includes(`| ${cell} |`)));
  }
  if (expected.code_contains) {
    const code = [...body.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]).join("\n");
    checks.push(allPresent("code", expected.code_contains, (line) => code.includes(line)));
  }
  if (expected.figure) checks.push(figureCheck(body, expected.figure));
  return checks;
}

function figureCheck(body: string, figure: NonNullable<Expectation["figure"]>): FieldCheck {
  const figures = [...body.matchAll(/!\[[^\]]*\]\(<?([^\s)>]+)>?(?:\s+"((?:[^"\\]|\\.)*)")?\)/g)];
  const found = figures.find((match) => !figure.image_url || match[1] === figure.image_url);
  if (!found) return { field: "figure", ok: false, detail: `no image ${show(figure.image_url ?? "")} among ${show(figures.map((match) => match[1]))}` };
  const caption = found[2] ?? "";
  if (figure.caption_contains && !caption.includes(figure.caption_contains)) {
    return { field: "figure", ok: false, detail: `caption ${show(caption)} lacks ${show(figure.caption_contains)}` };
  }
  return { field: "figure", ok: true };
}

/** The characters that carry words (letters and digits), as one compares texts regardless of layout. */
function wordCharacters(text: string): string[] {
  return [...text.normalize("NFKC").toLowerCase()].filter((character) => /[\p{L}\p{N}]/u.test(character));
}

/**
 * Precision and recall of the body's words against the reference text, by their longest common
 * subsequence (as CleanEval scores boilerplate removal): precision is the share of the import's
 * characters that are the article's, recall the share of the article's that the import kept.
 */
export function bodyScore(body: string, reference: string): BodyScore {
  const got = wordCharacters(plainBody(body));
  const want = wordCharacters(reference);
  if (got.length === 0 || want.length === 0) return { precision: got.length === want.length ? 1 : 0, recall: got.length === want.length ? 1 : 0 };
  let previous = new Uint32Array(want.length + 1);
  let current = new Uint32Array(want.length + 1);
  for (const character of got) {
    for (let j = 1; j <= want.length; j++) {
      current[j] = character === want[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  const common = previous[want.length]!;
  return { precision: common / got.length, recall: common / want.length };
}

const timeZone = "Asia/Shanghai";
// A page without a date of its own is scored on its other fields with this one given.
const FALLBACK_DATE = "2000-01-01";

/** One page against its expectation file (and its reference text, when it has one). */
export function scorePage(inputFile: string, expectationFile: string): PageQuality {
  const expected = readExpectation(expectationFile);
  const bytes = readFileSync(inputFile);
  const checks: FieldCheck[] = [];
  let page: ImportedPage;
  try {
    if (expected.date === null) {
      try {
        readPage(bytes, { timeZone });
        checks.push({ field: "date", ok: false, detail: "expected no date of its own, got one" });
      } catch (error) {
        const said = error instanceof ImportError && /no date of its own/.test(error.message);
        checks.push(said ? { field: "date", ok: true } : { field: "date", ok: false, detail: `expected "no date of its own", got ${show((error as Error).message)}` });
      }
    }
    page = readPage(bytes, { timeZone, fallbackDate: parseDateValue(FALLBACK_DATE, timeZone)! });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { input: expected.input, checks: [{ field: "import", ok: false, detail: error.message }], error: error.message };
  }
  checks.push(...fieldChecks(page, expected));
  const referenceFile = expectationFile.replace(/\.json$/, ".body.txt");
  const body = existsSync(referenceFile) ? bodyScore(page.body, readFileSync(referenceFile, "utf8")) : undefined;
  return { input: expected.input, checks, ...(body ? { body } : {}) };
}

/** Every page with an expectation file in `expectedDir`, its input in `inputDir`. */
export function scoreFolder(inputDir: string, expectedDir: string): PageQuality[] {
  return readdirSync(expectedDir)
    .filter((name) => name.endsWith(".json") && name !== "failures.json")
    .sort()
    .map((name) => {
      const expectationFile = path.join(expectedDir, name);
      return scorePage(path.join(inputDir, readExpectation(expectationFile).input), expectationFile);
    });
}

export interface QualitySummary {
  pages: number;
  pagesRight: number;
  checks: number;
  checksRight: number;
  failedImports: number;
  /** Means over the pages with a reference text. */
  precision?: number;
  recall?: number;
  scoredBodies: number;
}

export function summarize(results: PageQuality[]): QualitySummary {
  const checks = results.flatMap((result) => result.checks);
  const bodies = results.flatMap((result) => (result.body ? [result.body] : []));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    pages: results.length,
    pagesRight: results.filter((result) => result.checks.every((check) => check.ok)).length,
    checks: checks.length,
    checksRight: checks.filter((check) => check.ok).length,
    failedImports: results.filter((result) => result.error !== undefined).length,
    scoredBodies: bodies.length,
    ...(bodies.length > 0 ? { precision: mean(bodies.map((body) => body.precision)), recall: mean(bodies.map((body) => body.recall)) } : {}),
  };
}

/** The report: a line per page (its wrong fields with what they were), then the totals. */
export function formatQualityReport(results: PageQuality[]): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  const lines = ["== importer quality: each page's fields against its expectation file"];
  const width = Math.max(...results.map((result) => result.input.length));
  for (const result of results) {
    const right = result.checks.filter((check) => check.ok).length;
    const body = result.body ? `  body P ${result.body.precision.toFixed(2)} R ${result.body.recall.toFixed(2)}` : "";
    lines.push(`${result.input.padEnd(width)}  ${String(right).padStart(2)}/${String(result.checks.length).padEnd(2)}${body}`);
    for (const check of result.checks.filter((check) => !check.ok)) lines.push(`    ${check.field}: ${check.detail ?? "wrong"}`);
  }
  const summary = summarize(results);
  lines.push(
    `fields right        ${summary.checksRight} of ${summary.checks} (${percent(summary.checksRight / summary.checks)})`,
    `pages right         ${summary.pagesRight} of ${summary.pages}, ${summary.failedImports} failed to import`,
  );
  if (summary.precision !== undefined && summary.recall !== undefined) {
    lines.push(`body precision      ${summary.precision.toFixed(3)}, recall ${summary.recall.toFixed(3)} (means over ${summary.scoredBodies} pages with a reference text)`);
  }
  return lines.join("\n");
}
