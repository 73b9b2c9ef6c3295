/**
 * Our fixture archives of a Jekyll, a Hugo and a Hexo site, each imported into a fresh content
 * folder (the fixture site's settings: published under /archive/) and built with the real build:
 * the article pages show no markup as text, every old address sends the reader to its article,
 * and every internal link and image of an article page is a file of the built site.
 */
import { describe, it, before } from "node:test";
import { expect } from "expect";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { importFiles, type ImportEntry } from "../../src/import/run.ts";
import { listInputs } from "../../src/import/inputs.ts";
import { readFrontMatter } from "../../src/articles/matter.ts";
import { loadArchive } from "../../src/archive.ts";
import { formatWarnings } from "../../src/problems.ts";
import { buildInto, exists, otherScriptCharacters, PROJECT_ROOT, readPage, readText } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

const ARCHIVES = path.join(PROJECT_ROOT, "test/fixtures/archives");
const BASE = "/archive";

interface Built {
  site: string;
  content: string;
  /** The published articles: slug, lang and old addresses, from the files the import wrote. */
  articles: { slug: string; lang: string; aliases: string[] }[];
  entries: ImportEntry[];
}

const builds = new Map<string, Promise<Built>>();

/** Each archive is imported and built once for all the tests of this file. */
function importAndBuild(name: string): Promise<Built> {
  let built = builds.get(name);
  if (!built) builds.set(name, (built = importAndBuildAnew(name)));
  return built;
}

async function importAndBuildAnew(name: string): Promise<Built> {
  const content = temporaryDir(`zh-archive-${name}-content-`);
  copyFileSync(path.join(PROJECT_ROOT, "test/fixtures/site/content/site.json"), path.join(content, "site.json"));
  const listed = listInputs([path.join(ARCHIVES, name)]);
  const entries = [...importFiles(listed.inputs, { contentDir: content, timeZone: "Asia/Shanghai" })];
  expect(entries.filter((entry) => entry.status === "failed")).toEqual([]);
  const articles = entries
    .filter((entry) => entry.status === "imported")
    .map((entry) => readFrontMatter(readFileSync(entry.output!, "utf8")).data)
    .filter((data) => data.draft !== true)
    .map((data) => ({ slug: data.slug as string, lang: data.lang as string, aliases: (data.aliases as string[] | undefined) ?? [] }));
  return { site: await buildInto(content), content, articles, entries };
}

/** A link or image address of a built page → the path under the site's base, or undefined for one elsewhere. */
function internalPath(address: string): string | undefined {
  if (/^[a-z][\w+.-]*:|^\/\/|^#/i.test(address)) return undefined;
  expect(address.startsWith(`${BASE}/`)).toBe(true);
  return address.slice(BASE.length).split("#")[0];
}

function articlePages(built: Built): string[] {
  return built.articles.flatMap(({ slug }) => [`/zh-hans/articles/${slug}/`, `/zh-hant/articles/${slug}/`]);
}

for (const name of ["jekyll", "hugo", "hexo"]) {
  describe(`the ${name} fixture archive, imported and built`, () => {
    let built: Built;
    before(async () => {
      built = await importAndBuild(name);
    });

    it("shows no markup or template tag as text on its article pages", () => {
      // The one tag the import left as written, and warned about.
      const warned = built.entries.flatMap((entry) => entry.warnings).filter((warning) => warning.includes("left as written"));
      for (const url of articlePages(built)) {
        const text = readPage(built.site, url).querySelector("#article-text")!.innerHTML;
        expect(text).not.toMatch(/&lt;\/?[a-z]/i);
        expect(text).not.toMatch(/\{%|\{\{ *site\./);
        const shortcodes = text.match(/\{\{[<%] *\w+/g) ?? [];
        for (const shortcode of shortcodes) expect(warned.some((warning) => warning.includes(shortcode))).toBe(true);
      }
    });

    it("reads in one script on each article page: no character of the other script outside kept spans and code", () => {
      for (const url of articlePages(built)) {
        const script = url.startsWith("/zh-hant/") ? "zh-Hant" : "zh-Hans";
        const article = readPage(built.site, url).querySelector("article")!;
        for (const kept of article.querySelectorAll(".keep, code, pre")) kept.remove();
        expect([url, otherScriptCharacters(article.textContent ?? "", script, "tw")]).toEqual([url, []]);
      }
    });

    it("has a page at each old address that sends the reader to the article in its own script", () => {
      const aliases = built.articles.flatMap((article) => article.aliases.map((alias) => ({ alias, article })));
      expect(aliases.length).toBeGreaterThan(0);
      for (const { alias, article } of aliases) {
        // As a browser asks for it: percent-encoded.
        const page = readPage(built.site, encodeURI(alias));
        const target = `${BASE}/${article.lang.toLowerCase()}/articles/${article.slug}/`;
        expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute("content")).toBe(`0; url=${target}`);
        expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`https://example.org${target}`);
        expect(page.querySelector('meta[name="robots"]')!.getAttribute("content")).toBe("noindex");
        expect(page.querySelector("a")!.getAttribute("href")).toBe(target);
        expect(exists(built.site, target.slice(BASE.length))).toBe(true);
      }
    });

    it("has every internal link and image of its article pages in the built site", () => {
      const missing: string[] = [];
      for (const url of articlePages(built)) {
        const page = readPage(built.site, url);
        const addresses = [
          ...[...page.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
          ...[...page.querySelectorAll("img[src]")].map((img) => img.getAttribute("src")!),
        ];
        for (const address of addresses) {
          const internal = internalPath(address);
          if (internal !== undefined && !exists(built.site, internal)) missing.push(`${url}: ${address}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it("warns in a line per kind, not a line per post and key", () => {
      const warnings = loadArchive({ contentDir: built.content, includeDrafts: false, cacheDir: null }).warnings;
      const lines = formatWarnings(warnings);
      expect(lines.length).toBeLessThan(8);
      expect(lines.filter((line) => /layout: is not a known field/.test(line)).length).toBeLessThanOrEqual(1);
    });
  });
}

describe("the imported Jekyll archive's pages", () => {
  let built: Built;
  before(async () => {
    built = await importAndBuild("jekyll");
  });

  it("render its HTML: <center> a centred block, a figure with its caption, <br>", () => {
    const text = readText(built.site, "/zh-hans/articles/west-lake-night/");
    expect(text).toContain('<div class="center">湖上无风，灯影很长。</div>');
    expect(text).toMatch(/<figure><img src="\/archive\/media\/west-lake-night\/[0-9a-f]{16}\.png" alt="夜里的湖面" \/><figcaption>夜里的湖面<\/figcaption><\/figure>/);
    expect(text).toContain("沿着白堤往孤山走。<br />路边");
  });

  it("mend the mistyped link, and link the other post at its old address", () => {
    const page = readPage(built.site, "/zh-hans/articles/code-notes/");
    const hrefs = [...page.querySelectorAll("#article-text a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("https://example.com/a?b=1");
    expect(hrefs).toContain(`${BASE}/${encodeURI("随笔")}/2019/04/04/west-lake-night.html`);
  });

  it("convert the Simplified preface of the Traditional post on its own page, and say so", () => {
    const page = readPage(built.site, "/zh-hant/articles/taipei-rain/");
    expect(page.querySelector("#article-text p")!.textContent).toBe("編者按：這篇文章寫於作者在臺北讀書的時候，這裡照原樣收錄。");
    expect(page.querySelector(".conversion-note")!.textContent).toContain("文中有 1 段原以簡體中文寫成");
  });

  it("leave out the drafts", () => {
    expect(exists(built.site, "/zh-hans/articles/unpublished/")).toBe(false);
    expect(exists(built.site, "/zh-hans/articles/new-idea/")).toBe(false);
  });
});
