/**
 * The fuzz run of issue 10 (`npm run bench -- --fuzz N`), small enough for CI: mutated fixture
 * pages imported and built with the real commands, with nothing found. And the harness itself:
 * the same seed makes the same pages, and a broken XML file or a payload on a page is found.
 */
import { describe, it, before as beforeAll } from "node:test";
import { expect } from "expect";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkBuiltSite, formatFuzzReport, payloadsIn, runFuzz, writeMutatedPages, type FuzzReport } from "../../src/bench/fuzz.ts";
import { temporaryDir } from "../temporary.ts";

const SEED = 20240101;
const PAGES = 40;

describe("the fuzz run", () => {
  let report: FuzzReport;

  beforeAll(async () => {
    report = await runFuzz({ count: PAGES, seed: SEED, workDir: temporaryDir("fuzz-run-") });
  });

  it("imports and builds mutated pages with nothing found", () => {
    expect(report.findings.map((finding) => `${finding.kind}: ${finding.input}: ${finding.detail}`)).toEqual([]);
  });

  it("reports every page it made as imported, skipped or failed", () => {
    expect(report.pages).toBe(PAGES);
    expect(report.imported + report.skipped + report.failed).toBe(PAGES);
  });

  it("writes at least one article and checks the XML files of the site built from them", () => {
    expect(report.imported).toBeGreaterThan(0);
    expect(report.articles).toBeGreaterThan(0);
    expect(report.xmlFiles).toBeGreaterThanOrEqual(3); // the sitemap and a feed per script
    expect(report.htmlFiles).toBeGreaterThan(report.articles);
  });

  it("prints a summary line with the seed, to replay the run", () => {
    expect(formatFuzzReport(report)).toMatch(new RegExp(`^fuzz: ${PAGES} pages, \\d+ imported, \\d+ failed, \\d+ skipped; .*\\d+ findings \\(seed ${SEED}, `, "m"));
  });
});

describe("the fuzz harness", () => {
  it("makes the same pages from the same seed, and other pages from another", () => {
    const contents = (seed: number) => {
      const dir = temporaryDir("fuzz-pages-");
      writeMutatedPages(dir, 12, seed);
      return readdirSync(dir).sort().map((name) => `${name}:${readFileSync(path.join(dir, name)).toString("base64")}`);
    };
    expect(contents(7)).toEqual(contents(7));
    expect(contents(7)).not.toEqual(contents(8));
  });

  it("keeps every page under the importer's 10 MB limit", () => {
    const dir = temporaryDir("fuzz-pages-");
    const made = writeMutatedPages(dir, 60, 99);
    for (const file of made.keys()) expect(readFileSync(file).length).toBeLessThan(10 * 1024 * 1024);
  });

  it("finds an XML file that is not well-formed", () => {
    const site = temporaryDir("fuzz-site-");
    writeFileSync(path.join(site, "sitemap.xml"), '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>\n');
    mkdirSync(path.join(site, "zh-hans"));
    writeFileSync(path.join(site, "zh-hans", "feed.xml"), '<?xml version="1.0"?><feed><title>标题\u0001</title><entry></feed>\n');
    const checked = checkBuiltSite(site);
    expect(checked.xmlFiles).toBe(2);
    expect(checked.findings).toEqual([expect.objectContaining({ input: path.join(site, "zh-hans", "feed.xml"), kind: "XML not well-formed" })]);
  });

  it("finds a script, an event handler or a javascript: address that came from content on a built page", () => {
    const site = temporaryDir("fuzz-site-");
    mkdirSync(path.join(site, "zh-hans", "articles", "x"), { recursive: true });
    const page = (body: string) =>
      `<!doctype html><html lang="zh-Hans"><head><title>文章</title><script src="/js/script-choice.js" defer></script></head>` +
      `<body><article>${body}</article><script src="/js/highlight.js" defer></script></body></html>`;
    writeFileSync(path.join(site, "index.html"), page("<p>干净的页面</p>"));
    writeFileSync(path.join(site, "zh-hans", "articles", "x", "index.html"), page('<p>一段</p><script>alert(1)</script><img src="x.png" onerror="alert(1)"><a href=" JavaScript:alert(1)">链接</a>'));
    const checked = checkBuiltSite(site);
    expect(checked.htmlFiles).toBe(2);
    expect(checked.findings.map((finding) => finding.kind).sort()).toEqual(["event handler on a built page", "javascript: address on a built page", "script on a built page"]);
    expect(new Set(checked.findings.map((finding) => finding.input))).toEqual(new Set([path.join(site, "zh-hans", "articles", "x", "index.html")]));
  });

  it("does not take escaped text or the site's own scripts for payloads", () => {
    const html =
      '<html><head><meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:alert(1)">' +
      '<script type="module" src="/archive/js/search/page.js"></script><script src="/js/script-choice.js" data-redirect="/archive/"></script></head>' +
      '<body><p>&lt;img src=x onerror="alert(1)"&gt; and <a href="https://a.example/?q=javascript:x">a link</a></p>' +
      '<code>&lt;a href="javascript:alert(1)"&gt;</code></body></html>';
    expect(payloadsIn(html)).toEqual([]);
    expect(payloadsIn('<p><a href="data:text/html,x">x</a></p>')).toEqual([expect.objectContaining({ kind: "data: address on a built page" })]);
  });

  it("reads attributes as a browser does: without quotes, after a slash, with character references", () => {
    const kinds = (html: string) => payloadsIn(html).map((finding) => finding.kind);
    expect(kinds("<svg/onload=alert(1)>")).toEqual(["event handler on a built page"]);
    expect(kinds('<a title="x" href="&#106;avascript&colon;alert(1)">x</a>')).toEqual(["javascript: address on a built page"]);
    expect(kinds('<a href="\tjava\nscript:alert(1)">x</a>')).toEqual(["javascript: address on a built page"]);
    expect(kinds('<a title="onclick=alert(1)" href="/zh-hans/">x</a>')).toEqual([]);
  });
});
