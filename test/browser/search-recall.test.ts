// Recall on an archive of realistic size and vocabulary (src/bench/corpus.ts: 400 articles of
// real word statistics, a third of them written in Traditional): a one-character query finds every
// article whose text in the page's script holds the character, on both search pages, including
// characters whose words fill several index chunks.
import { after as afterAll, before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { buildSite } from "../../src/build.ts";
import { loadArchive } from "../../src/archive.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { basePath } from "../../src/settings.ts";
import { searchRecords, type SearchRecord } from "../../src/search/records.ts";
import { hanWords } from "../../src/search/characters.ts";
import { writeCorpusArchive } from "../../src/bench/corpus.ts";
import { browserSkipReason, launchBrowser, serveSite, type SiteServer } from "./browser.ts";
import { temporaryDir } from "../temporary.ts";

const skip = browserSkipReason();

let out: string;
let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let records: SearchRecord[];

/** How many articles hold the character in their indexed text in this script. */
const holding = (script: "zh-Hans" | "zh-Hant", char: string) =>
  records.filter(({ text: { [script]: text } }) => `${text.title} ${text.names} ${text.body}`.includes(char)).length;

describe("recall of one character on an archive of real word statistics", { skip }, () => {
  beforeAll(async () => {
    const content = temporaryDir("recall-content-");
    writeCorpusArchive(content, { articles: 400, seed: 7 });
    out = temporaryDir("recall-site-");
    await buildSite({ contentDir: content, outputDir: out });
    const archive = loadArchive({ contentDir: content, cacheDir: null, includeDrafts: false });
    records = searchRecords(buildSiteModel(archive).articles, basePath(archive.settings));
    server = await serveSite(out, "/");
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "zh-CN" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function count(prefix: string, query: string): Promise<number> {
    const page = await context.newPage();
    await page.goto(`${server.url}${prefix}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search[aria-busy="false"]').waitFor();
    const status = (await page.locator(".search-status").textContent()) ?? "";
    await page.close();
    return Number(/(\d+) 篇文章/.exec(status)?.[1] ?? 0);
  }

  it("has characters whose words fill several chunks, which the test asks for", () => {
    const spans = JSON.parse(readFileSync(path.join(out, "pagefind/1/spans.json"), "utf8")) as Record<string, string[]>;
    const groups = ["的", "后", "里", "发"].map((char) => hanWords(char)[0]!);
    expect(groups.filter((group) => spans[group] && spans[group]!.length > 1).length).toBeGreaterThan(0);
  });

  it("loads only the index chunk of each pair a query asks for, out of many", async () => {
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(".pf_index")) chunks.push(request.url());
    });
    await page.goto(`${server.url}zh-hans/search/?q=${encodeURIComponent("发展")}`);
    await page.locator('#search[aria-busy="false"]').waitFor();
    await page.close();
    const all = readdirSync(path.join(out, "pagefind/1/index")).length;
    expect(all).toBeGreaterThan(50);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThanOrEqual(2);
  });

  // The zh-Hans page: every article whose Simplified text holds it (后 stands for 後 and 后 there).
  for (const char of ["的", "后", "里", "发", "干", "们", "软"]) {
    it(`finds every article with ${char} on the zh-Hans page`, async () => {
      expect(await count("zh-hans", char)).toBe(holding("zh-Hans", char));
    });
  }

  // The zh-Hant page: a Traditional character finds the articles whose Traditional text holds it.
  for (const char of ["後", "裡", "發", "髮", "乾", "幹", "們"]) {
    it(`finds every article with ${char}, and no other, on the zh-Hant page`, async () => {
      expect(await count("zh-hant", char)).toBe(holding("zh-Hant", char));
    });
  }

  // A lone Simplified character that stands for several Traditional ones stands for all of them.
  for (const char of ["后", "干", "发"]) {
    it(`finds every article with any form of ${char} on the zh-Hant page`, async () => {
      expect(await count("zh-hant", char)).toBe(holding("zh-Hans", char));
    });
  }
});
