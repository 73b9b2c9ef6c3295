// The search index a build writes: real Eleventy builds, real Pagefind bundles, read back from disk.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { buildInto, readPage, PROJECT_ROOT } from "../helpers.ts";
import { buildSearchIndex, type ScriptSearchData } from "../../src/search/index.ts";
import type { SearchRecord } from "../../src/search/records.ts";
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

const bundleDir = (out: string, part = 1) => path.join(out, "pagefind", String(part));
const entry = (out: string, part = 1) =>
  JSON.parse(readFileSync(path.join(bundleDir(out, part), "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number; hash: string }>;
  };
/** A bundle's results in one script ("s" or "t" after the bundle's id names them). */
function fragments(out: string, prefix: string, part = 1): Fragment[] {
  const dir = path.join(bundleDir(out, part), "fragment");
  const letter = prefix === "zh-hans" ? "s" : "t";
  return readdirSync(dir)
    .filter((file) => new RegExp(`^[0-9a-f]{8}${letter}_`).test(file))
    .map((file) => {
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

  it("indexes each article once, in one bundle with a list of results per script", () => {
    expect(readdirSync(path.join(out, "pagefind"))).toEqual(["1"]);
    expect(Object.keys(entry(out).languages).sort()).toEqual(["zh-hans", "zh-hant"]);
    for (const prefix of ["zh-hans", "zh-hant"]) {
      expect(entry(out).languages[prefix]!.page_count).toBe(8);
      const urls = fragments(out, prefix).map((fragment) => fragment.url);
      expect(urls).toHaveLength(8);
      for (const url of urls) expect(url).toMatch(new RegExp(`^/wenji/${prefix}/articles/[a-z-]+/$`));
    }
  });

  it("indexes the article's title, names, tags and text, without the site's navigation or footer", () => {
    const article = fragments(out, "zh-hant").find((fragment) => fragment.url.endsWith("/kaiyuan-moxing/"))!;
    const text = indexedText(article.content).join("");
    expect(text).toContain("開源模型追趕的速度");
    // Names are converted like the text.
    expect(text).toContain("杜明遠");
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
      source: "未來週刊",
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
    const dir = bundleDir(out);
    const metaFiles = readdirSync(dir).filter((file) => file.endsWith(".pf_meta")).sort();
    // Each list is named by its content, and the entry file names it.
    expect(metaFiles).toEqual(["zh-hans", "zh-hant"].map((prefix) => `pagefind.${entry(out).languages[prefix]!.hash}.pf_meta`).sort());
    const chunkLists: string[][] = [];
    for (const [prefix, letter] of [["zh-hans", "s"], ["zh-hant", "t"]] as const) {
      const file = `pagefind.${entry(out).languages[prefix]!.hash}.pf_meta`;
      const meta = decode(gunzipSync(readFileSync(path.join(dir, file))).subarray(12)) as [string, [string, number][], [string, string, string][]];
      const id = meta[1][0]![0].slice(0, 8);
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(meta[1].map(([name]) => name)).toEqual(Array.from({ length: 8 }, (_, i) => `${id}${letter}_${i.toString(36)}`));
      chunkLists.push(meta[2].map(([, , name]) => name));
      // Word counts rounded for size, within 2.5 % of the page's own.
      const own = fragments(out, prefix).map((fragment) => fragment.word_count).sort((a, b) => a - b);
      const listed = meta[1].map(([, words]) => words).sort((a, b) => a - b);
      listed.forEach((words, i) => expect(Math.abs(words - own[i]!) / own[i]!).toBeLessThanOrEqual(0.026));
    }
    // Both lists share the index chunks, and the bundle holds exactly those.
    expect(chunkLists[0]).toEqual(chunkLists[1]);
    const names = (sub: string, ext: string) => readdirSync(path.join(dir, sub)).map((file) => file.slice(0, -ext.length)).sort();
    expect(names("index", ".pf_index")).toEqual([...chunkLists[0]!].sort());
    expect(names("fragment", ".pf_fragment")).toHaveLength(16);
  });

  it("holds the zh-Hant text piece for piece with the zh-Hans text, so a match marks the same characters", () => {
    const hans = fragments(out, "zh-hans").find((fragment) => fragment.url.endsWith("/lifa/"))!;
    const hant = fragments(out, "zh-hant").find((fragment) => fragment.url.endsWith("/lifa/"))!;
    expect(indexedText(hant.content)).toHaveLength(indexedText(hans.content).length);
    expect(hans.word_count).toBe(hant.word_count);
    expect(indexedText(hant.content).join("")).toContain("頭髮");
  });

  it("lists each script's bundles and the characters in them", () => {
    const hant = searchData(out, "zh-hant");
    expect(hant.bundles).toEqual(["/wenji/pagefind/1/"]);
    expect(searchData(out, "zh-hans").bundles).toEqual(["/wenji/pagefind/1/"]);
    expect(hant.pages).toBe(8);
    expect(hasCharacter(hant.characters, "髮")).toBe(true);
    expect(hasCharacter(hant.characters, "发")).toBe(false);
    expect(hasCharacter(searchData(out, "zh-hans").characters, "发")).toBe(true);
    // Most of the index's words are of the zh-Hans text: the zh-Hant page checks those characters there.
    expect(hasCharacter(hant.simplifiedCharacters!, "发")).toBe(true);
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
      expect(entry(out).languages[prefix]!.page_count).toBe(13);
      expect(fragments(out, prefix).every((fragment) => fragment.url.includes("/articles/"))).toBe(true);
    }
  });
});

describe("bundles", () => {
  const settings = parseSettings({ url: "https://example.org/" });
  const record = (n: number, text = `内容${n}`): SearchRecord => ({
    slug: `p${n}`,
    text: { "zh-Hans": { title: `第${n}篇`, names: "", body: text }, "zh-Hant": { title: `第${n}篇`, names: "", body: text } },
    meta: { "zh-Hans": { title: `第${n}篇` }, "zh-Hant": { title: `第${n}篇` } },
    tags: { "zh-Hans": [], "zh-Hant": [] },
    year: "2024",
    url: { "zh-Hans": `/zh-hans/articles/p${n}/`, "zh-Hant": `/zh-hant/articles/p${n}/` },
  });
  // Newest first, as the archive lists them.
  const records = (newest: number, edited?: [number, string]) =>
    Array.from({ length: newest }, (_, i) => newest - i).map((n) => (edited?.[0] === n ? record(n, edited[1]) : record(n)));

  it("splits the archive past the shard size, filled from the oldest, the newest listed first", async () => {
    const out = temporaryDir("search-index-");
    const result = await buildSearchIndex({ outputDir: out, settings, records: records(3), shardSize: 2 });
    expect(result).toMatchObject({ articles: 3, bundles: 2, indexed: 3 });
    expect(searchData(out, "zh-hans").bundles).toEqual(["/pagefind/2/", "/pagefind/1/"]);
    const urlsOf = (part: number) => fragments(out, "zh-hans", part).map((fragment) => fragment.url).sort();
    expect(urlsOf(1)).toEqual(["/zh-hans/articles/p1/", "/zh-hans/articles/p2/"]);
    expect(urlsOf(2)).toEqual(["/zh-hans/articles/p3/"]);
  });

  it("indexes again only the bundles whose articles changed", async () => {
    const out = temporaryDir("search-index-");
    const index = (list: SearchRecord[]) => buildSearchIndex({ outputDir: out, settings, records: list, shardSize: 2 });
    expect((await index(records(4))).indexed).toBe(4);
    // Nothing changed: nothing is indexed, and the bundles are still there.
    expect((await index(records(4))).indexed).toBe(0);
    expect(fragments(out, "zh-hans", 2)).toHaveLength(2);
    // An edit to the oldest article: its bundle only.
    expect((await index(records(4, [1, "改过的内容"]))).indexed).toBe(2);
    expect(fragments(out, "zh-hans", 1).some((fragment) => indexedText(fragment.content).join("").includes("改过的内容"))).toBe(true);
    // A new article: a bundle of its own, the others kept.
    const withNew = await index(records(5, [1, "改过的内容"]));
    expect(withNew).toMatchObject({ articles: 5, bundles: 3, indexed: 1 });
    expect(searchData(out, "zh-hans").bundles[0]).toBe("/pagefind/3/");
    // Fewer articles again: the bundle no longer needed is removed.
    await index(records(4, [1, "改过的内容"]));
    expect(existsSync(path.join(out, "pagefind/3"))).toBe(false);
  });
});
