// Articles that mix the two scripts, built for real: each page reads in its own script throughout.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildInto, readPage, PROJECT_ROOT } from "../helpers.ts";
import { isInOtherScript } from "../../src/convert/detect.ts";
import { temporaryDir } from "../temporary.ts";

const PREFACE = "本文来自网络，转载时请注明出处。";
let out: string;

beforeAll(async () => {
  const content = temporaryDir("mixed-content-");
  copyFileSync(path.join(PROJECT_ROOT, "test/fixtures/site/content/site.json"), path.join(content, "site.json"));
  mkdirSync(path.join(content, "articles"));
  writeFileSync(
    path.join(content, "articles", "cha-guan.md"),
    `---\ntitle: 臺北的茶館\ndate: 2024-01-01\nlang: zh-Hant\nslug: cha-guan\nkeep: [简体名]\n---\n\n${PREFACE}\n\n臺北的茶館裡，老闆說這壺茶是從山上來的。\n\n- 列表里的简体字\n\n> 引文里的简体字\n\n## 标题里的简体字\n\n{=这里保留=}和简体名照原樣。\n`,
  );
  out = await buildInto(content);
});

/** The article's blocks (paragraphs, headings, list items, quotations) as a reader sees them, without the spans it keeps as written. */
function articleBlocks(prefix: string): string[] {
  const article = readPage(out, `/${prefix}/articles/cha-guan/`).querySelector("#article-text")!;
  for (const kept of article.querySelectorAll(".keep, .header-anchor")) kept.remove();
  return [...article.querySelectorAll("p, h2, li, blockquote")].map((block) => (block.textContent ?? "").replace("简体名", "").trim());
}

describe("an article that mixes the two scripts", () => {
  it("has no block in Simplified on its own (zh-Hant) page outside what it keeps", () => {
    const blocks = articleBlocks("zh-hant");
    expect(blocks.filter((block) => isInOtherScript(block, "zh-Hant"))).toEqual([]);
    expect(blocks).toContain("本文來自網絡，轉載時請註明出處。");
    expect(blocks).toContain("標題裡的簡體字");
  });

  it("says on its own page that paragraphs were converted, and how many", () => {
    const note = readPage(out, "/zh-hant/articles/cha-guan/").querySelector(".conversion-note")?.textContent;
    expect(note).toContain("文中有 4 段原以簡體中文寫成");
  });

  it("shows the paragraphs written in Simplified as written on the zh-Hans page, and no block in Traditional", () => {
    const blocks = articleBlocks("zh-hans");
    expect(blocks).toContain(PREFACE);
    expect(blocks.filter((block) => isInOtherScript(block, "zh-Hans"))).toEqual([]);
  });

  it("marks a kept span with the script its characters are in", () => {
    const kept = readPage(out, "/zh-hant/articles/cha-guan/").querySelector("#article-text .keep");
    expect(kept?.textContent).toBe("这里保留");
    expect(kept?.getAttribute("lang")).toBe("zh-Hans");
  });
});
