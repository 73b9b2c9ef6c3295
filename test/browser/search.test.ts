// Search in a real browser: the fixture site (test/fixtures/search/, on a sub-path) is built with its
// Pagefind index, served on localhost, and searched on both search pages with queries in both scripts.
import { after as afterAll, before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildInto, readPage, PROJECT_ROOT } from "../helpers.ts";
import { buildSite } from "../../src/build.ts";
import { browserSkipReason, launchBrowser, PageWatch, serveSite, type SiteServer } from "./browser.ts";
import { temporaryDir } from "../temporary.ts";

const CONTENT = path.join(PROJECT_ROOT, "test/fixtures/search/content");
const BASE = "/wenji/";
const skip = browserSkipReason();

type Prefix = "zh-hans" | "zh-hant";
const PAGES: Prefix[] = ["zh-hans", "zh-hant"];

// What each query must find, on both search pages (slugs of test/fixtures/search/content).
const BOTH_PAGES: { what: string; queries: string[]; found: string[] }[] = [
  { what: "a word whose characters differ", queries: ["软件", "軟件"], found: ["kaiyuan-moxing", "ruanjian-shuoming"] },
  { what: "another", queries: ["发展", "發展"], found: ["chengxiang", "kaiyuan-moxing", "ruanjian-shuoming"] },
  { what: "发 of 頭髮, not of 發展", queries: ["头发", "頭髮"], found: ["lifa"] },
  { what: "a name", queries: ["苏东坡", "蘇東坡"], found: ["su-dongpo"] },
  { what: "a name kept as written in Simplified", queries: ["张爱玲", "張愛玲"], found: ["xitai-huanghou"] },
  { what: "a single character", queries: ["茶"], found: ["chaguan"] },
  { what: "后, which is also a word of its own (皇后)", queries: ["后"], found: ["chengxiang", "kaiyuan-moxing", "lifa", "su-dongpo", "xitai-huanghou"] },
  { what: "发, which is 發 or 髮", queries: ["发"], found: ["chengxiang", "kaiyuan-moxing", "lifa", "ruanjian-shuoming", "xitai-huanghou"] },
  { what: "words between punctuation", queries: ["软件，发展！", "「軟件」、《發展》"], found: ["kaiyuan-moxing", "ruanjian-shuoming"] },
  { what: "mixed Latin and Chinese", queries: ["GPT-4 差距", "ｇｐｔ－４　差距"], found: ["kaiyuan-moxing"] },
  { what: "nothing", queries: ["外星人"], found: [] },
  // Both characters are in the index, never side by side; 觉 ends a sentence of xitai-huanghou.
  { what: "two characters it has, never together", queries: ["觉软", "覺軟"], found: [] },
];

let out: string;
let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
const watch = new PageWatch();

describe("search in the browser", { skip }, () => {
  beforeAll(async () => {
    out = await buildInto(CONTENT);
    server = await serveSite(out, BASE);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "zh-CN" });
    watch.watch(context);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the index holds of an article: its heading, names and tags, and its text. */
  const articleText = (prefix: Prefix, slug: string) => readPage(out, `/${prefix}/articles/${slug}/`).querySelector("article")!.textContent ?? "";
  const SLUGS = ["xitai-huanghou", "chengxiang", "su-dongpo", "kaiyuan-moxing", "ruanjian-shuoming", "lifa", "biaoqian", "chaguan"];

  /** The title of an article as its page in this script shows it. */
  const titleOf = (prefix: Prefix, slug: string) =>
    readPage(out, `/${prefix}/articles/${slug}/`).querySelector("h1")!.textContent!.trim();

  /** Types a query into the search page's box, as a reader would, and waits for the answer. */
  async function search(page: Page, prefix: Prefix, query: string): Promise<{ status: string; titles: string[] }> {
    await page.goto(`${server.url}${prefix}/search/`);
    await page.getByRole("searchbox").pressSequentially(query);
    await page.waitForURL((url) => url.searchParams.get("q") === query);
    return answer(page);
  }

  async function answer(page: Page): Promise<{ status: string; titles: string[] }> {
    const status = page.locator(".search-status");
    // The page says it is busy from the moment a search starts until its results are drawn.
    await page.locator('#search[aria-busy="false"]').waitFor();
    await scrollThroughResults(page);
    return {
      status: (await status.textContent()) ?? "",
      titles: await page.locator(".search-result-title a").allTextContents(),
    };
  }

  /** Results below the screen are fetched as they come near it: scroll until every one is drawn. */
  async function scrollThroughResults(page: Page): Promise<void> {
    const pending = page.locator(".search-result-pending");
    for (let i = 0; i < 100 && (await pending.count()) > 0; i++) {
      // A pending result is replaced when drawn: do not wait long for one that is gone.
      await pending.first().scrollIntoViewIfNeeded({ timeout: 500 }).catch(() => {});
      await page.waitForTimeout(20);
    }
    expect(await pending.count()).toBe(0);
  }

  for (const prefix of PAGES) {
    describe(`on /${prefix}/search/`, () => {
      for (const { what, queries, found } of BOTH_PAGES) {
        for (const query of queries) {
          it(`finds ${found.length ? found.join(", ") : "nothing"} for ${query} (${what}), in the page's script`, async () => {
            const page = await context.newPage();
            const result = await search(page, prefix, query);
            expect(result.titles.sort()).toEqual(found.map((slug) => titleOf(prefix, slug)).sort());
            if (found.length > 0) expect(result.status).toContain(`${found.length} 篇文章`);
            await page.close();
          });
        }
      }
    });
  }

  it("tells 後 from the 后 of 皇后 where the script does", async () => {
    const page = await context.newPage();
    const traditional = await search(page, "zh-hant", "後");
    const after = ["chengxiang", "kaiyuan-moxing", "lifa", "su-dongpo"];
    expect(traditional.titles.sort()).toEqual(after.map((slug) => titleOf("zh-hant", slug)).sort());
    // Simplified writes both with 后.
    const simplified = await search(page, "zh-hans", "後");
    expect(simplified.titles.sort()).toEqual([...after, "xitai-huanghou"].map((slug) => titleOf("zh-hans", slug)).sort());
    await page.close();
  });

  it("fetches the text of the results near the screen, the others as the reader scrolls to them", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    const fragments: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(".pf_fragment")) fragments.push(request.url());
    });
    await page.goto(`${server.url}zh-hans/search/?q=${encodeURIComponent("的")}`);
    await page.locator('#search[aria-busy="false"]').waitFor();
    expect(await page.locator(".search-status").textContent()).toContain("8 篇文章");
    const drawn = await page.locator(".search-result-title").count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(8);
    expect(fragments).toHaveLength(drawn);
    await scrollThroughResults(page);
    expect(await page.locator(".search-result-title").count()).toBe(8);
    expect(new Set(fragments).size).toBe(8);
    await page.close();
  });

  it("says so where a result's text could not be fetched, and finishes the search", async () => {
    // A context of its own: the failed requests are meant, not errors of the site.
    const offline = await browser.newContext({ locale: "zh-CN" });
    const page = await offline.newPage();
    await page.route("**/*.pf_fragment", (route) => route.abort());
    await page.goto(`${server.url}zh-hans/search/?q=${encodeURIComponent("软件")}`);
    await page.locator('#search[aria-busy="false"]').waitFor();
    expect(await page.locator(".search-status").textContent()).toContain("篇文章");
    expect(await page.locator(".search-result-failed").first().textContent()).toContain("没能载入");
    await offline.close();
  });

  it("marks every place of the query in an excerpt, and only where all of it is", async () => {
    const page = await context.newPage();
    const marks = () => page.locator(".search-result", { hasText: titleOf(page.url().includes("zh-hant") ? "zh-hant" : "zh-hans", "kaiyuan-moxing") }).locator(".search-result-excerpt mark").allTextContents();
    await search(page, "zh-hant", "开源");
    expect(await marks()).toEqual(["開源", "開源"]);
    // 开源 is twice in the text, 开源模型 once: the other 开源 is of 开源软件.
    await search(page, "zh-hans", "开源模型");
    expect(await marks()).toEqual(["开源模型"]);
    await page.close();
  });

  it("marks the matched words in each excerpt, and says what to try when nothing is found", async () => {
    const page = await context.newPage();
    await search(page, "zh-hant", "头发");
    expect(await page.locator(".search-result-excerpt mark").allTextContents()).toContain("頭髮");
    await search(page, "zh-hans", "外星人 茶");
    const suggestions = page.locator(".search-suggestions");
    expect(await suggestions.isVisible()).toBe(true);
    // Searching each word alone finds the one that is there.
    await suggestions.getByRole("link", { name: "茶", exact: true }).click();
    expect((await answer(page)).titles).toEqual([titleOf("zh-hans", "chaguan")]);
    await page.close();
  });

  it("shows markup in a title, tag or text as text, never as elements", async () => {
    const page = await context.newPage();
    const result = await search(page, "zh-hans", "斜体");
    expect(result.titles).toEqual(["<i>斜体</i>不是标签"]);
    expect(await page.locator(".search-result").first().locator(".tag").allTextContents()).toContain("<b>粗体</b>");
    await search(page, "zh-hans", "执行");
    expect(await page.locator(".search-result-excerpt").textContent()).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator(".search-results :is(i, b, img, script)").count()).toBe(0);
    await page.close();
  });

  it("filters by tag and by year, keeping the filters in the URL", async () => {
    const page = await context.newPage();
    const all = await search(page, "zh-hans", "发展");
    expect(all.titles).toHaveLength(3);
    await page.getByLabel("标签").selectOption({ label: "人工智能（1）" });
    await page.waitForURL((url) => url.searchParams.get("tag") === "ren-gong-zhi-neng");
    expect((await answer(page)).titles).toEqual([titleOf("zh-hans", "kaiyuan-moxing")]);
    await page.getByLabel("标签").selectOption("");
    await page.getByLabel("年份").selectOption("2024");
    await page.waitForURL((url) => url.searchParams.get("year") === "2024" && !url.searchParams.has("tag"));
    const inYear = await answer(page);
    expect(inYear.titles.sort()).toEqual(["kaiyuan-moxing", "ruanjian-shuoming"].map((slug) => titleOf("zh-hans", slug)).sort());
    expect(inYear.status).toContain("筛选");
    // Sorted by date, newest first.
    await page.getByLabel("排序").selectOption("newest");
    await page.waitForURL((url) => url.searchParams.get("sort") === "newest");
    expect((await answer(page)).titles).toEqual(["ruanjian-shuoming", "kaiyuan-moxing"].map((slug) => titleOf("zh-hans", slug)));
    await page.close();
  });

  // Articles with 后, oldest first (test/fixtures/search/content: every date differs).
  const WITH_HOU = ["xitai-huanghou", "chengxiang", "su-dongpo", "kaiyuan-moxing", "lifa"];

  it("sorts by date either way, and lists a filter's articles newest first", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}zh-hant/search/?q=${encodeURIComponent("后")}&sort=oldest`);
    expect((await answer(page)).titles).toEqual(WITH_HOU.map((slug) => titleOf("zh-hant", slug)));
    await page.getByLabel("排序").selectOption("newest");
    await page.waitForURL((url) => url.searchParams.get("sort") === "newest");
    expect((await answer(page)).titles).toEqual([...WITH_HOU].reverse().map((slug) => titleOf("zh-hant", slug)));
    await page.goto(`${server.url}zh-hans/search/?year=2025`);
    expect((await answer(page)).titles).toEqual(["chaguan", "biaoqian", "lifa"].map((slug) => titleOf("zh-hans", slug)));
    await page.close();
  });

  it("opens a result with the words marked, and comes back to the same search", async () => {
    const page = await context.newPage();
    await search(page, "zh-hant", "软件");
    await page.getByRole("link", { name: titleOf("zh-hant", "kaiyuan-moxing") }).click();
    await page.waitForURL(/\/zh-hant\/articles\/kaiyuan-moxing\//);
    const marks = await page.locator(".article mark.search-hit").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(["軟件"]));
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith("/zh-hant/search/") && url.searchParams.get("q") === "软件");
    expect(await page.getByRole("searchbox").inputValue()).toBe("软件");
    expect((await answer(page)).titles).toHaveLength(2);
    await page.close();
  });

  it("loads a shared search from its URL, and keeps it when switching scripts", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}zh-hans/search/?q=${encodeURIComponent("頭髮")}`);
    expect((await answer(page)).titles).toEqual([titleOf("zh-hans", "lifa")]);
    await page.locator(".script-switch").click();
    await page.waitForURL((url) => url.pathname.endsWith("/zh-hant/search/"));
    expect((await answer(page)).titles).toEqual([titleOf("zh-hant", "lifa")]);
    await page.close();
  });

  it("switches scripts on an article and lands on the same article", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}zh-hans/articles/su-dongpo/`);
    expect(await page.locator("h1").textContent()).toBe(titleOf("zh-hans", "su-dongpo"));
    await page.locator(".script-switch").click();
    await page.waitForURL(/\/zh-hant\/articles\/su-dongpo\/$/);
    expect(await page.locator("h1").textContent()).toBe(titleOf("zh-hant", "su-dongpo"));
    await page.close();
  });

  it("works with the keyboard alone: the header's box, then a result", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}zh-hant/`);
    // Tab from the top of the page until the header's search box has the focus.
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === "site-search")); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.keyboard.type("茶馆");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.endsWith("/zh-hant/search/") && url.searchParams.get("q") === "茶馆");
    expect((await answer(page)).titles).toEqual([titleOf("zh-hant", "chaguan")]);
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.closest(".search-result") !== null)); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zh-hant\/articles\/chaguan\/\?hl=/);
    expect(await page.locator(".article mark.search-hit").first().textContent()).toBe("茶館");
    await page.close();
  });

  it("fits a phone's screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "zh-TW" });
    watch.watch(phone);
    const page = await phone.newPage();
    await page.goto(`${server.url}zh-hant/search/`);
    await page.getByRole("searchbox").tap();
    await page.getByRole("searchbox").pressSequentially("发展");
    await page.waitForURL((url) => url.searchParams.get("q") === "发展");
    expect((await answer(page)).titles).toHaveLength(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = (await page.getByRole("searchbox").boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    await phone.close();
  });

  it("sends a zh-TW browser from the root page to Traditional", async () => {
    const taiwan = await browser.newContext({ locale: "zh-TW" });
    watch.watch(taiwan);
    const page = await taiwan.newPage();
    await page.goto(server.url);
    await page.waitForURL(`${server.url}zh-hant/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-Hant");
    await taiwan.close();
  });

  /** The fixture site with its index in bundles of three articles (three bundles), served. */
  async function withSplitSite(use: (server: SiteServer) => Promise<void>): Promise<void> {
    splitSite ??= (async () => {
      const split = temporaryDir("archive-site-");
      await buildSite({ contentDir: CONTENT, outputDir: split, searchShardSize: 3 });
      return split;
    })();
    const splitServer = await serveSite(await splitSite, BASE);
    try {
      await use(splitServer);
    } finally {
      await splitServer.close();
    }
  }
  let splitSite: Promise<string> | undefined;

  it("searches an index split into several bundles as one", async () => {
    await withSplitSite(async (splitServer) => {
      const page = await context.newPage();
      await page.goto(`${splitServer.url}zh-hant/search/?q=${encodeURIComponent("发展")}&sort=newest`);
      // Three per bundle, filled from the oldest: these three are in two different bundles.
      expect((await answer(page)).titles).toEqual(["ruanjian-shuoming", "kaiyuan-moxing", "chengxiang"].map((slug) => titleOf("zh-hant", slug)));
      // Across all three bundles, both ways; and the articles of a year that two bundles share.
      await page.goto(`${splitServer.url}zh-hans/search/?q=${encodeURIComponent("后")}&sort=oldest`);
      expect((await answer(page)).titles).toEqual(WITH_HOU.map((slug) => titleOf("zh-hans", slug)));
      await page.goto(`${splitServer.url}zh-hans/search/?q=${encodeURIComponent("后")}&sort=newest`);
      expect((await answer(page)).titles).toEqual([...WITH_HOU].reverse().map((slug) => titleOf("zh-hans", slug)));
      await page.goto(`${splitServer.url}zh-hant/search/?year=2025`);
      expect((await answer(page)).titles).toEqual(["chaguan", "biaoqian", "lifa"].map((slug) => titleOf("zh-hant", slug)));
      await page.close();
    });
  });

  it("shows the newest bundle's results first, and the older bundles' after them when they have loaded", async () => {
    await withSplitSite(async (splitServer) => {
      const page = await context.newPage();
      // The older bundles (1 and 2 of 3) answer only when let go.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const asked: string[] = [];
      await page.route(/\/pagefind\/[12]\//, async (route) => {
        asked.push(route.request().url());
        await released;
        await route.continue();
      });
      await page.goto(`${splitServer.url}zh-hans/search/?q=${encodeURIComponent("的")}`);
      await page.waitForFunction(() => /正在搜索更早的文章/.test(document.querySelector(".search-status")?.textContent ?? ""));
      // The newest bundle's articles (the two newest, the bundles filled from the oldest) are on the page, and the search is still busy.
      const newest = ["biaoqian", "chaguan"].filter((slug) => articleText("zh-hans", slug).includes("的"));
      expect(newest.length).toBeGreaterThan(0);
      const first = await page.locator(".search-result-title a").allTextContents();
      expect([...first].sort()).toEqual(newest.map((slug) => titleOf("zh-hans", slug)).sort());
      expect(await page.locator("#search").getAttribute("aria-busy")).toBe("true");
      expect(asked.length).toBeGreaterThan(0);
      release();
      const all = await answer(page);
      const everyOne = SLUGS.filter((slug) => articleText("zh-hans", slug).includes("的"));
      expect(everyOne.length).toBeGreaterThan(newest.length);
      // What was shown stays first; the older bundles' results follow.
      expect(all.titles.slice(0, first.length)).toEqual(first);
      expect([...all.titles].sort()).toEqual(everyOne.map((slug) => titleOf("zh-hans", slug)).sort());
      expect(all.status).toContain(`${everyOne.length} 篇文章`);
      await page.close();
    });
  });

  // With Taiwan's vocabulary (twp), a word of either region finds the articles written with the
  // other's: the index holds the zh-Hans text, which reads 軟體 as 软件, and the query is converted the same way.
  let regionalSite: Promise<string> | undefined;
  const REGIONAL: { words: string[]; taiwan: string; mainland: string }[] = [
    { words: ["软件", "軟體"], taiwan: "taiwan-ruanti", mainland: "kaiyuan-moxing" },
    { words: ["信息", "資訊"], taiwan: "taiwan-ruanti", mainland: "dalu-dayin" },
    { words: ["打印机", "印表機"], taiwan: "taiwan-ruanti", mainland: "dalu-dayin" },
  ];
  for (const { words, taiwan, mainland } of REGIONAL) {
    for (const prefix of PAGES) {
      it(`finds, with Taiwan's vocabulary, the Taiwan and the mainland articles for ${words.join(" and for ")} on /${prefix}/search/`, async () => {
        regionalSite ??= (async () => {
          const content = path.join(temporaryDir("archive-regional-"), "content");
          cpSync(CONTENT, content, { recursive: true });
          const settings = JSON.parse(readFileSync(path.join(content, "site.json"), "utf8"));
          writeFileSync(path.join(content, "site.json"), JSON.stringify({ ...settings, traditional: "twp" }));
          writeFileSync(
            path.join(content, "articles/2025/taiwan-ruanti.md"),
            "---\ntitle: 軟體與資訊\ndate: 2025-05-01 10:00\nlang: zh-Hant\nslug: taiwan-ruanti\n---\n\n這套軟體把資訊送到印表機。\n",
          );
          writeFileSync(
            path.join(content, "articles/2025/dalu-dayin.md"),
            "---\ntitle: 打印机的信息\ndate: 2025-05-02 10:00\nlang: zh-Hans\nslug: dalu-dayin\n---\n\n打印机收到了信息。\n",
          );
          const site = temporaryDir("archive-site-");
          await buildSite({ contentDir: content, outputDir: site });
          return site;
        })();
        const site = await regionalSite;
        const regionalServer = await serveSite(site, BASE);
        try {
          const titles = (slug: string) => readPage(site, `/${prefix}/articles/${slug}/`).querySelector("h1")!.textContent!.trim();
          for (const word of words) {
            const page = await context.newPage();
            await page.goto(`${regionalServer.url}${prefix}/search/?q=${encodeURIComponent(word)}`);
            const found = (await answer(page)).titles;
            expect(found).toContain(titles(taiwan));
            expect(found).toContain(titles(mainland));
            await page.close();
          }
        } finally {
          await regionalServer.close();
        }
      });
    }
  }


  // Cumulative layout shift, as Lighthouse counts it: shifts not caused by the reader's input.
  for (const [size, viewport] of [["a desktop", { width: 1280, height: 800 }], ["a phone", { width: 360, height: 740 }]] as const) {
    it(`does not shift the search page when its results arrive, on ${size} (layout shift under 0.1)`, async () => {
      const sized = await browser.newContext({ viewport, locale: "zh-CN" });
      try {
        const page = await sized.newPage();
        await page.addInitScript(() => {
          (window as unknown as { shift: number }).shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
        });
        await page.goto(`${server.url}zh-hans/search/?q=${encodeURIComponent("发展")}`);
        await page.locator('#search[aria-busy="false"]').waitFor();
        await page.locator(".search-result").first().waitFor();
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.1);
      } finally {
        await sized.close();
      }
    });
  }

  it("logged no console error and asked nothing of any address but localhost", () => {
    expect(watch.problems).toEqual([]);
  });
});
