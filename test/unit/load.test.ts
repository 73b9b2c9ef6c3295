import { describe, it, beforeEach, afterEach } from "node:test";
import { expect } from "expect";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findArticleFiles, loadArticles } from "../../src/articles/load.ts";
import { parseSettings } from "../../src/settings.ts";

const settings = parseSettings({});
let dir: string;

/** Writes `text` to `relative` under the temporary folder, making its folders. */
function put(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const article = (title: string, extra = "") => `---\ntitle: ${title}\ndate: 2023-05-30\n${extra}---\n正文。\n`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "zh-archive-load-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("findArticleFiles", () => {
  it("finds Markdown files at any depth, in sorted order", () => {
    put("2024/05/b.md", article("B"));
    put("2023/a.md", article("A"));
    put("top.md", article("Top"));
    put("2023/deep/er/c.md", article("C"));
    put("2023/notes.txt", "not an article");
    expect(findArticleFiles(dir).map((file) => path.relative(dir, file))).toEqual([
      path.join("2023", "a.md"),
      path.join("2023", "deep", "er", "c.md"),
      path.join("2024", "05", "b.md"),
      "top.md",
    ]);
  });

  it("skips files and folders whose names start with . or _", () => {
    put("2023/kept.md", article("Kept"));
    put("2023/.hidden.md", article("Hidden"));
    put("2023/_draft.md", article("Draft"));
    put(".git/x.md", article("Git"));
    put("_templates/y.md", article("Template"));
    put("2023/_unfinished/z.md", article("Unfinished"));
    expect(findArticleFiles(dir).map((file) => path.relative(dir, file))).toEqual([path.join("2023", "kept.md")]);
  });

  it("gives an empty list for a folder that does not exist", () => {
    expect(findArticleFiles(path.join(dir, "missing"))).toEqual([]);
  });
});

describe("loadArticles", () => {
  it("loads every article with its file path", () => {
    const a = put("2023/a.md", article("甲"));
    const b = put("2024/b.md", article("乙"));
    const result = loadArticles(dir, settings);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((x) => [x.file, x.slug, x.title])).toEqual([
      [a, "a", "甲"],
      [b, "b", "乙"],
    ]);
  });

  it("reports two files with the same slug as one problem naming both files", () => {
    const first = put("2023/one.md", article("一", "slug: same\n"));
    const second = put("2024/two.md", article("二", "slug: same\n"));
    put("2024/other.md", article("三"));
    const result = loadArticles(dir, settings);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem!.field).toBe("slug");
    expect([problem!.file, problem!.message].join(" ")).toContain(first);
    expect([problem!.file, problem!.message].join(" ")).toContain(second);
  });

  it("reports the same slug from a file name and a front-matter slug", () => {
    put("2023/xihu.md", article("西湖"));
    put("2024/other.md", article("另一篇", "slug: xihu\n"));
    expect(loadArticles(dir, settings).problems.map((p) => p.field)).toEqual(["slug"]);
  });

  it("returns the problems of several files together, and still loads the good ones", () => {
    const bad1 = put("2023/bad1.md", "---\ndate: 2023-13-45\n---\n正文\n");
    const bad2 = put("2023/bad2.md", "---\ntitle: [unclosed\n---\n正文\n");
    const bad3 = put("2024/bad3.md", article("T", "lang: en\n"));
    put("2024/good.md", article("好"));
    const result = loadArticles(dir, settings);
    expect(result.articles.map((a) => a.slug)).toEqual(["good"]);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(new Set([bad1, bad2, bad3]));
    expect(result.problems.filter((p) => p.file === bad1).map((p) => p.field).sort()).toEqual(["date", "title"]);
  });

  it("collects warnings from every file", () => {
    put("2023/a.md", article("A", "descrition: x\n"));
    put("2023/b.md", article("B", "category: y\n"));
    const result = loadArticles(dir, settings);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.field)).toEqual(["descrition", "category"]);
  });
});
