// Real builds into the same folder, one after another: a rebuild writes only the pages that
// changed, removes the pages of articles that are gone, and leaves the site a cold build makes.
import { describe, it } from "node:test";
import { expect } from "expect";
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build.ts";
import { loadArchive } from "../../src/archive.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { writePages } from "../../src/eleventy/pages.ts";
import { PROJECT_ROOT, exists } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/site/content");

/** A copy of the fixture archive, an output folder and a cache folder of its own. */
function workspace(): { content: string; output: string; cache: string; dir: string } {
  const dir = temporaryDir("archive-rebuild-");
  const content = path.join(dir, "content");
  cpSync(FIXTURE, content, { recursive: true });
  return { content, output: path.join(dir, "site"), cache: path.join(dir, "cache"), dir };
}

/** Every file of a folder and its content. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => statSync(path.join(dir, file)).isFile());
  return new Map(files.sort().map((file) => [file, readFileSync(path.join(dir, file), "latin1")]));
}

/** The site a first build makes of the same content, in a folder of its own, with no cache. */
async function coldBuild(content: string, dir: string): Promise<Map<string, string>> {
  const output = path.join(dir, `cold-${Math.random().toString(36).slice(2)}`);
  await buildSite({ contentDir: content, outputDir: output, cacheDir: null });
  return tree(output);
}

const NEW_ARTICLE = "---\ntitle: 新来的一篇\ndate: 2025-03-01 09:00\nslug: newcomer\ntags: [新标签]\n---\n\n新来的一篇文章的正文。\n";

describe("a rebuild into the same folder", () => {
  it("writes no page when nothing changed, and leaves every file as it was", async () => {
    const { content, output, cache } = workspace();
    const first = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    const before = tree(output);
    const second = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    expect(first.pages.written).toBe(first.pages.pages);
    expect(second.pages).toEqual({ pages: first.pages.pages, written: 0, removed: 0 });
    expect(tree(output)).toEqual(before);
  });

  it("after a new article, writes only some pages and leaves the site a cold build makes", async () => {
    const { content, output, cache, dir } = workspace();
    await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    writeFileSync(path.join(content, "articles/2025/newcomer.md"), NEW_ARTICLE);
    const rebuilt = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    expect(rebuilt.pages.written).toBeGreaterThan(0);
    expect(rebuilt.pages.written).toBeLessThan(rebuilt.pages.pages);
    expect(exists(output, "/zh-hant/articles/newcomer/")).toBe(true);
    expect(tree(output)).toEqual(await coldBuild(content, dir));
  });

  it("removes the pages of an article that was deleted, and of its tag that no other article has", async () => {
    const { content, output, cache, dir } = workspace();
    writeFileSync(path.join(content, "articles/2025/newcomer.md"), NEW_ARTICLE);
    await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    const tagPages = [...tree(output).keys()].filter((file) => file.includes("tags") && readFileSync(path.join(output, file), "utf8").includes("新标签"));
    expect(exists(output, "/zh-hans/articles/newcomer/")).toBe(true);

    rmSync(path.join(content, "articles/2025/newcomer.md"));
    const rebuilt = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    expect(rebuilt.pages.removed).toBeGreaterThanOrEqual(2);
    expect(exists(output, "/zh-hans/articles/newcomer/")).toBe(false);
    expect(exists(output, "/zh-hant/articles/newcomer/")).toBe(false);
    expect(tagPages.filter((file) => exists(output, `/${file}`) && readFileSync(path.join(output, file), "utf8").includes("新标签"))).toEqual([]);
    expect(tree(output)).toEqual(await coldBuild(content, dir));
  });

  it("writes again a page that was changed or removed in the output folder by hand", async () => {
    const { content, output, cache } = workspace();
    await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    const before = tree(output);
    writeFileSync(path.join(output, "zh-hans/index.html"), "edited by hand");
    rmSync(path.join(output, "zh-hant/index.html"));
    const rebuilt = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    expect(rebuilt.pages.written).toBe(2);
    expect(tree(output)).toEqual(before);
  });

  it("writes every page again into a folder it has no record of", async () => {
    const { content, output, cache } = workspace();
    await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    rmSync(cache, { recursive: true });
    const rebuilt = await buildSite({ contentDir: content, outputDir: output, cacheDir: cache });
    expect(rebuilt.pages.written).toBe(rebuilt.pages.pages);
  });
});

describe("a site written in several Eleventy runs", () => {
  it("is the same site as one run writes", async () => {
    const { content, dir } = workspace();
    const site = buildSiteModel(loadArchive({ contentDir: content, cacheDir: null, includeDrafts: false }));
    const oneRun = path.join(dir, "one");
    const severalRuns = path.join(dir, "several");
    const one = await writePages({ contentDir: content, outputDir: oneRun, site, cacheDir: null });
    const several = await writePages({ contentDir: content, outputDir: severalRuns, site, cacheDir: null, pagesPerRun: 7 });
    expect(several).toEqual(one);
    expect(one.pages).toBeGreaterThan(7 * 3);
    expect(tree(severalRuns)).toEqual(tree(oneRun));
  });
});
