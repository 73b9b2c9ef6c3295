// The search index a build writes: real Eleventy builds, real Pagefind bundles, read back from disk.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { buildInto, readPage, PROJECT_ROOT } from "../helpers.ts";
import { buildSearchIndex, SearchIndexError, type ScriptSearchData } from "../../src/search/index.ts";
import { hanWords, hasCharacter } from "../../src/search/characters.ts";
import { parseSettings } from "../../src/settings.ts";
import { temporaryDir } from "../temporary.ts";

interface Fragment {
  url: string;
  word_count: number;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const { indexedText } = (await import(pathToFileURL(path.join(PROJECT_ROOT, "public/js/search/query.js")).href)) as {
  indexedText(rawContent: string): string[];
};

const bundleDir = (out: string, prefix: string) => path.join(out, "pagefind", prefix);
const entry = (out: string, prefix: string) =>
  JSON.parse(readFileSync(path.join(bundleDir(out, prefix), "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number; hash: string }>;
  };
function fragments(out: string, prefix: string): Fragment[] {
  const dir = path.join(bundleDir(out, prefix), "fragment");
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString("utf8");
    return JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
  });
}
const searchData = (out: string, prefix: string) =>
  JSON.parse(readFileSync(path.join(out, "search-data", `${prefix}.json`), "utf8")) as ScriptSearchData;

describe("the search index of a build", () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(path.join(PROJECT_ROOT, "test/fixtures/search/content"));
  });

  it("puts each script's article pages, and nothing else, in a bundle of its own", () => {
    for (const prefix of ["zh-hans", "zh-hant"]) {
      expect(Object.keys(entry(out, prefix).languages)).toEqual([prefix]);
      expect(entry(out, prefix).languages[prefix]!.page_count).toBe(8);
      const urls = fragments(out, prefix).map((fragment) => fragment.url);
      expect(urls).toHaveLength(8);
      for (const url of urls) expect(url).toMatch(new RegExp(`^/wenji/${prefix}/articles/[a-z-]+/$`));
    }
  });

  it("indexes the article's title, names, tags and text, without the site's navigation or footer", () => {
    const article = fragments(out, "zh-hant").find((fragment) => fragment.url.endsWith("/kaiyuan-moxing/"))!;
    const text = indexedText(article.content).join("");
    expect(text).toContain("開源模型追趕的速度");
    expect(text).toContain("杜明远");
    expect(text).toContain("開源軟件社區的發展");
    for (const chrome of ["跳到正文", "搜尋測試文存", "瀏覽器搜尋測試用的小站", "作者：", "本文原以簡體中文寫成", "上一篇", "2024年3月12日"]) {
      expect([chrome, text.includes(chrome)]).toEqual([chrome, false]);
    }
    // The stored text is the characters, not the index's pair words.
    expect(article.content.split("\u200B")).toContainEqual(expect.stringContaining("開源軟件"));
    expect(article.content).not.toContain(hanWords("開源")[0]);
  });

  it("gives each result its title, date, tags and source, filters by tag and year, in the page's script", () => {
    const article = fragments(out, "zh-hant").find((fragment) => fragment.url.endsWith("/kaiyuan-moxing/"))!;
    expect(article.meta).toEqual({
      title: "開源模型追趕的速度",
      date: "2024年3月12日",
      datetime: "2024-03-12T09:00:00+08:00",
      tags: JSON.stringify([
        ["科技", "/wenji/zh-hant/tags/ke-ji/"],
        ["人工智能", "/wenji/zh-hant/tags/ren-gong-zhi-neng/"],
      ]),
      source: "未来周刊",
    });
    // part: which bundle the page is in, by which the search page asks the bundles in date order.
    expect(article.filters).toEqual({ tag: ["科技", "人工智能"], year: ["2024"], part: ["1"] });
    const simplified = fragments(out, "zh-hans").find((fragment) => fragment.url.endsWith("/ruanjian-shuoming/"))!;
    expect(simplified.meta.title).toBe("写给新手的软件说明书");
    expect(simplified.filters.tag).toEqual(["软件", "写作"]);
  });

  it("keeps markup in a title or tag as text in the index", () => {
    const article = fragments(out, "zh-hans").find((fragment) => fragment.url.endsWith("/biaoqian/"))!;
    expect(article.meta.title).toBe("<i>斜体</i>不是标签");
    expect(article.filters.tag).toContain("<b>粗体</b>");
  });

  it("names the results' and chunks' files in order after the bundle, and lists exactly those", () => {
    for (const prefix of ["zh-hans", "zh-hant"]) {
      const dir = bundleDir(out, prefix);
      const [metaFile] = readdirSync(dir).filter((file) => file.endsWith(".pf_meta"));
      // The list is named by its content, and the entry file names it.
      expect(metaFile).toBe(`pagefind.${entry(out, prefix).languages[prefix]!.hash}.pf_meta`);
      const meta = decode(gunzipSync(readFileSync(path.join(dir, metaFile!))).subarray(12)) as [string, [string, number][], [string, string, string][]];
      const id = meta[1][0]![0].split("_")[0]!;
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      const names = (sub: string, ext: string) => readdirSync(path.join(dir, sub)).map((file) => file.slice(0, -ext.length)).sort();
      expect(meta[1].map(([file]) => file)).toEqual(Array.from({ length: 8 }, (_, i) => `${id}_${i.toString(36)}`));
      expect(names("fragment", ".pf_fragment")).toEqual(meta[1].map(([file]) => file).sort());
      expect(names("index", ".pf_index")).toEqual(meta[2].map(([, , file]) => file).sort());
      // Word counts rounded for size, within 2.5 % of the page's own.
      const counts = new Map(fragments(out, prefix).map((fragment) => [fragment.url, fragment.word_count]));
      const listed = meta[1].map(([, words]) => words).sort((a, b) => a - b);
      const own = [...counts.values()].sort((a, b) => a - b);
      listed.forEach((words, i) => expect(Math.abs(words - own[i]!) / own[i]!).toBeLessThanOrEqual(0.026));
    }
  });

  it("lists each script's bundles and the characters in them", () => {
    const hant = searchData(out, "zh-hant");
    expect(hant.bundles).toEqual(["/wenji/pagefind/zh-hant/"]);
    expect(hant.pages).toBe(8);
    expect(hasCharacter(hant.characters, "髮")).toBe(true);
    expect(hasCharacter(hant.characters, "发")).toBe(false);
    expect(hasCharacter(searchData(out, "zh-hans").characters, "发")).toBe(true);
  });

  it("writes a search page per script, and a search box on every page that leads there", () => {
    for (const [prefix, lang] of [
      ["zh-hans", "zh-Hans"],
      ["zh-hant", "zh-Hant"],
    ] as const) {
      const page = readPage(out, `/${prefix}/search/`);
      expect(page.documentElement.getAttribute("lang")).toBe(lang);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      const form = page.querySelector("form.search-page-form")!;
      expect(form.getAttribute("action")).toBe(`/wenji/${prefix}/search/`);
      expect(form.querySelector('input[name="q"]')).not.toBeNull();
      expect(page.querySelectorAll('select[name="tag"] option').length).toBeGreaterThan(5);
      for (const other of [`/${prefix}/`, `/${prefix}/articles/lifa/`, `/${prefix}/tags/`, `/${prefix}/2024/`]) {
        const box = readPage(out, other).querySelector("header form.search-form")!;
        expect(box.getAttribute("action")).toBe(`/wenji/${prefix}/search/`);
        expect(box.querySelector('input[name="q"]')?.getAttribute("type")).toBe("search");
      }
    }
    expect(readPage(out, "/zh-hans/search/").querySelector("label[for=search-q]")?.textContent).toBe("搜索文章");
    expect(readPage(out, "/zh-hant/search/").querySelector("label[for=search-q]")?.textContent).toBe("搜尋文章");
  });
});

describe("the sample archive's search index", () => {
  it("holds all 13 published articles in each script", async () => {
    const out = await buildInto(path.join(PROJECT_ROOT, "content"));
    for (const prefix of ["zh-hans", "zh-hant"]) {
      expect(entry(out, prefix).languages[prefix]!.page_count).toBe(13);
      expect(fragments(out, prefix).every((fragment) => fragment.url.includes("/articles/"))).toBe(true);
    }
  });
});

describe("indexing problems", () => {
  const settings = parseSettings({ url: "https://example.org/" });

  function siteWith(files: Record<string, string>): string {
    const out = temporaryDir("search-index-");
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      writeFileSync(path.join(out, file), html);
    }
    return out;
  }

  it("names a page whose <html lang> puts it in the wrong index", async () => {
    const out = siteWith({
      "zh-hant/articles/a/index.html": `<!doctype html><html lang="zh-Hans"><body><article data-pagefind-body><h1>标题</h1><p>正文</p></article></body></html>`,
    });
    const indexing = buildSearchIndex({ outputDir: out, settings, pages: [{ script: "zh-Hant", url: "/zh-hant/articles/a/" }] });
    await expect(indexing).rejects.toThrow(SearchIndexError);
    await expect(indexing).rejects.toThrow(/zh-Hant article pages .* zh-hans \(1 pages\).*<html lang="zh-Hant">/);
  });

  it("names a page that was not written", async () => {
    const out = siteWith({});
    const indexing = buildSearchIndex({ outputDir: out, settings, pages: [{ script: "zh-Hans", url: "/zh-hans/articles/gone/" }] });
    await expect(indexing).rejects.toThrow(/zh-hans\/articles\/gone\/index\.html: the page was not written/);
  });

  it("splits a script into several bundles past the shard size, filled from the oldest, the newest listed first", async () => {
    const page = (n: number) =>
      `<!doctype html><html lang="zh-Hans"><body><article data-pagefind-body><h1>第${n}篇</h1><p>内容${n}</p></article></body></html>`;
    const out = siteWith(Object.fromEntries([1, 2, 3].map((n) => [`zh-hans/articles/p${n}/index.html`, page(n)])));
    // Newest first, as the archive lists them: p3 is the newest.
    const pages = [3, 2, 1].map((n) => ({ script: "zh-Hans" as const, url: `/zh-hans/articles/p${n}/` }));
    const result = await buildSearchIndex({ outputDir: out, settings, pages, shardSize: 2 });
    expect(result.scripts["zh-Hans"]).toEqual({ pages: 3, bundles: 2, indexed: 3 });
    expect(searchData(out, "zh-hans").bundles).toEqual(["/pagefind/zh-hans-2/", "/pagefind/zh-hans/"]);
    const urlsOf = (bundle: string) => fragments(out, bundle).map((fragment) => fragment.url).sort();
    expect(urlsOf("zh-hans")).toEqual(["/zh-hans/articles/p1/", "/zh-hans/articles/p2/"]);
    expect(urlsOf("zh-hans-2")).toEqual(["/zh-hans/articles/p3/"]);
    expect(searchData(out, "zh-hant").bundles).toEqual([]);
  });

  it("indexes again only the bundles whose pages changed", async () => {
    const page = (n: number, text = `内容${n}`) =>
      `<!doctype html><html lang="zh-Hans"><body><article data-pagefind-body><h1>第${n}篇</h1><p>${text}</p></article></body></html>`;
    const out = siteWith(Object.fromEntries([1, 2, 3, 4].map((n) => [`zh-hans/articles/p${n}/index.html`, page(n)])));
    const pages = (newest: number) =>
      Array.from({ length: newest }, (_, i) => ({ script: "zh-Hans" as const, url: `/zh-hans/articles/p${newest - i}/` }));
    const index = (newest: number) => buildSearchIndex({ outputDir: out, settings, pages: pages(newest), shardSize: 2 });
    expect((await index(4)).scripts["zh-Hans"].indexed).toBe(4);
    // Nothing changed: nothing is indexed, and the bundles are still there.
    expect((await index(4)).scripts["zh-Hans"].indexed).toBe(0);
    expect(fragments(out, "zh-hans-2")).toHaveLength(2);
    // An edit to the oldest article: its bundle only.
    writeFileSync(path.join(out, "zh-hans/articles/p1/index.html"), page(1, "改过的内容"));
    expect((await index(4)).scripts["zh-Hans"].indexed).toBe(2);
    expect(fragments(out, "zh-hans").some((fragment) => indexedText(fragment.content).join("").includes("改过的内容"))).toBe(true);
    // A new article: a bundle of its own, the others kept.
    mkdirSync(path.join(out, "zh-hans/articles/p5"));
    writeFileSync(path.join(out, "zh-hans/articles/p5/index.html"), page(5));
    const withNew = await index(5);
    expect(withNew.scripts["zh-Hans"]).toEqual({ pages: 5, bundles: 3, indexed: 1 });
    expect(searchData(out, "zh-hans").bundles[0]).toBe("/pagefind/zh-hans-3/");
    // Fewer articles again: the bundle no longer needed is removed.
    await index(4);
    expect(existsSync(path.join(out, "pagefind/zh-hans-3"))).toBe(false);
  });
});
