/** After importing the seeds, a real build publishes them in both scripts. */
import { describe, it, before as beforeAll, after as afterAll } from "node:test";
import { expect } from "expect";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { importFiles } from "../../src/import/run.ts";
import { buildInto, PROJECT_ROOT, readPage } from "../helpers.ts";

const SEEDS = path.join(PROJECT_ROOT, "../shared/seeds");

describe("imported seeds in a build", () => {
  let content: string;
  let site: string;
  let slugs: string[];

  beforeAll(async () => {
    content = mkdtempSync(path.join(os.tmpdir(), "zh-archive-imported-"));
    copyFileSync(path.join(PROJECT_ROOT, "test/fixtures/site/content/site.json"), path.join(content, "site.json"));
    const entries = [
      ...importFiles([path.join(SEEDS, "000_5ccb49dcd7f070fa.txt"), path.join(SEEDS, "004_ba1cdac9ec1566b3.txt")], {
        contentDir: content,
        timeZone: "Asia/Shanghai",
        fallbackDate: { date: DateTime.fromISO("2025-11-10", { zone: "Asia/Shanghai" }), hasTime: false },
      }),
    ];
    expect(entries.map((entry) => entry.status)).toEqual(["imported", "imported"]);
    slugs = entries.map((entry) => path.basename(entry.output!, ".md"));
    site = await buildInto(content);
  });
  afterAll(() => {
    rmSync(content, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  });

  it("publishes each imported article in Simplified as written and in Traditional converted", () => {
    const [news] = slugs;
    const hans = readPage(site, `/zh-hans/articles/${news}/`);
    const hant = readPage(site, `/zh-hant/articles/${news}/`);
    expect(hans.querySelector("h1")!.textContent).toBe("中国研发生成式AI 专家坦言与GPT-4差距非常大");
    expect(hant.querySelector("h1")!.textContent).toBe("中國研發生成式AI 專家坦言與GPT-4差距非常大");
    expect(hant.documentElement.getAttribute("lang")).toBe("zh-Hant");
    expect(hans.querySelector("figure img")!.getAttribute("src")).toMatch(/^https:\/\/i0\.wp\.com\//);
    expect(hans.querySelector("figcaption")!.textContent).toContain("中国多名专家坦言");
    expect(hans.body.innerHTML).not.toMatch(/<script(?![^>]*src=)/);
  });

  it("lists them on their tag and month pages, and keeps the text dump's headings", () => {
    const month = readPage(site, "/zh-hant/2023/05/");
    expect(month.body.textContent).toContain("中國研發生成式AI");
    const essay = readPage(site, `/zh-hans/articles/${slugs[1]}/`);
    expect([...essay.querySelectorAll("h2")].map((h) => h.textContent!.replace(/\s*#$/, ""))).toContain("原因分析");
  });
});
