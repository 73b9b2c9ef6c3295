import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { parseArticle } from "../../src/articles/frontmatter.ts";
import { formatProblem } from "../../src/problems.ts";
import { parseSettings } from "../../src/settings.ts";

const settings = parseSettings({});
const FILE = "content/articles/2023/x.md";

/** An article file from front matter lines and a body. */
const file = (frontMatter: string, body = "正文。\n") => `---\n${frontMatter.trim()}\n---\n${body}`;
const parse = (source: string, name = FILE) => parseArticle(name, source, settings);
const fields = (problems: { field?: string }[]) => problems.map((p) => p.field);

describe("parseArticle", () => {
  it("reads every field of a valid article", () => {
    const result = parse(
      file(`
title: 西湖秋夜
date: 2023-05-30 08:30
updated: 2023-06-01
tags: [旅行, 杭州]
lang: zh-Hans
slug: xihu-qiuye
author: 张三
source: 人民日报
source_url: https://example.org/a
summary: 一篇关于西湖的文章
draft: true
keep: [西湖]
`, "湖上的夜色。\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const { date, updated, ...rest } = result.article!;
    expect(date.toISO({ suppressMilliseconds: true })).toBe("2023-05-30T08:30:00+08:00");
    expect(updated?.toISODate()).toBe("2023-06-01");
    expect(rest).toEqual({
      file: FILE,
      slug: "xihu-qiuye",
      title: "西湖秋夜",
      tags: ["旅行", "杭州"],
      lang: "zh-Hans",
      langDetected: false,
      author: "张三",
      source: "人民日报",
      sourceUrl: "https://example.org/a",
      summary: "一篇关于西湖的文章",
      draft: true,
      keep: ["西湖"],
      body: "湖上的夜色。\n",
      extra: {},
    });
  });

  itEach([
    ["a YAML list", "tags: [软件, 信息]"],
    ["a comma-separated text", "tags: 软件, 信息"],
    ["a text with Chinese commas", "tags: 软件，信息"],
    ["a text with enumeration commas", "tags: 软件、信息"],
    ["a list with a duplicate", "tags: [软件, 信息, 软件]"],
    ["a text with a duplicate and spaces", "tags: ' 软件 ，信息、软件 '"],
  ])("reads tags from %s", (_name, line) => {
    expect(parse(file(`title: T\ndate: 2023-05-30\n${line}`)).article?.tags).toEqual(["软件", "信息"]);
  });

  itEach([
    ["a number", "tags: 996", ["996"]],
    ["a list with numbers", "tags: [2024, 游记, 404]", ["2024", "游记", "404"]],
  ])("reads tags written as %s as text", (_name, line, tags) => {
    const result = parse(file(`title: T\ndate: 2023-05-30\n${line}`));
    expect(result.problems).toEqual([]);
    expect(result.article?.tags).toEqual(tags);
  });

  itEach([
    ["Simplified text", "title: 简体文章", "这是一篇用简体字写的文章，讲述软件开发的历史。", "zh-Hans"],
    ["Traditional text", "title: 繁體文章", "這是一篇用繁體字寫的文章，講述軟體開發的歷史。", "zh-Hant"],
  ])("detects the script of %s when lang is absent", (_name, title, body, lang) => {
    const article = parse(file(`${title}\ndate: 2023-05-30`, body)).article!;
    expect(article.lang).toBe(lang);
    expect(article.langDetected).toBe(true);
  });

  it("takes lang as given, in any letter case", () => {
    const body = "这是简体字。";
    for (const [given, lang] of [["zh-Hant", "zh-Hant"], ["zh-hant", "zh-Hant"], ["ZH-HANS", "zh-Hans"]]) {
      const article = parse(file(`title: T\ndate: 2023-05-30\nlang: ${given}`, body)).article!;
      expect(article.lang).toBe(lang);
      expect(article.langDetected).toBe(false);
    }
  });

  it("reports every problem in one file at once", () => {
    const result = parse(
      file(`
date: 2023-13-45
lang: en
slug: Not A Slug
source_url: ftp://example.org/a
draft: "yes"
`),
    );
    expect(result.article).toBeUndefined();
    expect(fields(result.problems)).toEqual(expect.arrayContaining(["title", "date", "lang", "slug", "source_url", "draft"]));
    for (const problem of result.problems) {
      expect(problem.file).toBe(FILE);
      expect(problem.field).toBeTruthy();
      expect(problem.message.length).toBeGreaterThan(5);
    }
    const dateLine = formatProblem(result.problems.find((p) => p.field === "date")!);
    expect(dateLine.startsWith('content/articles/2023/x.md: date: "2023-13-45" is not a date')).toBe(true);
  });

  it("reports invalid YAML as one front matter problem without throwing", () => {
    const result = parse("---\ntitle: [unclosed\ndate: 2023-05-30\n---\n正文\n");
    expect(result.article).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.field).toBe("front matter");
    expect(result.problems[0]!.message).toMatch(/^is not valid YAML/);
  });

  itEach(["js", "javascript", "coffee", "json", "toml"])("refuses %s front matter as not YAML data, without running it", (language) => {
    const result = parse(`---${language}\n{ title: (globalThis.ranFrontMatter = true, "标题"), date: "2023-05-30" }\n---\n正文\n`);
    expect(result.article).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([`${FILE}: front matter: "---${language}" is not accepted: front matter is YAML data between --- lines, never code`]);
    expect((globalThis as { ranFrontMatter?: boolean }).ranFrontMatter).toBeUndefined();
  });

  it("reads front matter that names YAML as its language", () => {
    expect(parse("---yaml\ntitle: 标题\ndate: 2023-05-30\n---\n正文\n").article?.title).toBe("标题");
  });

  it("warns of a date after today and still reads the article", () => {
    const result = parse(file("title: 未来\ndate: 9999-12-31"));
    expect(result.article?.date.year).toBe(9999);
    expect(result.warnings.map(formatProblem)).toEqual([`${FILE}: date: "9999-12-31" is after today; the article is published with that date`]);
  });

  itEach(["+25:00", "+14:30", "-13:00", "+08:75"])("refuses an offset no time zone has (%s)", (offset) => {
    expect(fields(parse(file(`title: 标题\ndate: "2023-05-30T08:00:00${offset}"`)).problems)).toEqual(["date"]);
  });

  it("removes a NUL written as a YAML escape and says how many characters went", () => {
    const result = parse(file('title: "西湖\\u0000秋夜"\ndate: 2023-05-30'));
    expect(result.article?.title).toBe("西湖秋夜");
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^1 character that no feed or page may hold/)]);
  });

  it("keeps an article that holds none of them free of that warning", () => {
    expect(parse(file("title: 西湖秋夜\ndate: 2023-05-30")).warnings).toEqual([]);
  });

  it("keeps an unknown key in extra and suggests summary for descrition", () => {
    const result = parse(file("title: T\ndate: 2023-05-30\ndescrition: 简介"));
    expect(result.article?.extra).toEqual({ descrition: "简介" });
    expect(result.warnings).toEqual([
      { file: FILE, field: "descrition", message: expect.stringContaining('did you mean "summary"') },
    ]);
  });

  it("suggests tags for the typo tgas", () => {
    const result = parse(file("title: T\ndate: 2023-05-30\ntgas: [软件]"));
    expect(result.article?.extra).toEqual({ tgas: ["软件"] });
    expect(result.warnings[0]?.field).toBe("tgas");
    expect(result.warnings[0]?.message).toContain('did you mean "tags"');
  });

  it("makes the slug from an ASCII file name when slug is absent", () => {
    expect(parse(file("title: 标题\ndate: 2023-05-30"), "content/articles/2023/my-trip.md").article?.slug).toBe("my-trip");
  });

  it("makes the slug from a Chinese file name in pinyin, read as Simplified", () => {
    expect(parse(file("title: T\ndate: 2023-05-30"), "content/articles/人工智能.md").article?.slug).toBe("ren-gong-zhi-neng");
    expect(parse(file("title: T\ndate: 2023-05-30"), "content/articles/軟體發展.md").article?.slug).toBe("ruan-ti-fa-zhan");
  });

  it("accepts a byte order mark before the front matter", () => {
    const result = parse("\uFEFF" + file("title: T\ndate: 2023-05-30"));
    expect(result.problems).toEqual([]);
    expect(result.article?.title).toBe("T");
  });

  it("does not leak a mutation of one result into a later parse of the same text", () => {
    const source = file("title: T\ndate: 2023-05-30\ntags: [a, b]\nextra_key: [x]");
    const first = parse(source);
    first.article!.tags.push("leaked");
    (first.article!.extra.extra_key as string[]).push("leaked");
    const second = parse(source);
    expect(second.article!.tags).toEqual(["a", "b"]);
    expect(second.article!.extra.extra_key).toEqual(["x"]);
  });
});
