import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { tagIdentity } from "../../src/site/tags.ts";
import { absoluteUrl, href, outputPath, paths, switchScript } from "../../src/site/urls.ts";

describe("tagIdentity", () => {
  it("gives the Simplified and Traditional spelling of a tag one identity", () => {
    expect(tagIdentity("軟件")).toBe(tagIdentity("软件"));
    expect(tagIdentity("頭髮")).toBe("头发");
  });

  it("folds letter case and full-width letters", () => {
    expect(tagIdentity("AI")).toBe(tagIdentity("ai"));
    expect(tagIdentity("ＡＩ")).toBe("ai");
  });

  it("keeps different tags apart", () => {
    expect(tagIdentity("软件")).not.toBe(tagIdentity("硬件"));
  });
});

describe("paths", () => {
  itEach([
    [paths.root(), "/"],
    [paths.home("zh-Hans"), "/zh-hans/"],
    [paths.home("zh-Hant", 2), "/zh-hant/page/2/"],
    [paths.article("zh-Hant", "xihu-qiuye"), "/zh-hant/articles/xihu-qiuye/"],
    [paths.tags("zh-Hans"), "/zh-hans/tags/"],
    [paths.tag("zh-Hans", "ruan-jian"), "/zh-hans/tags/ruan-jian/"],
    [paths.tag("zh-Hans", "ruan-jian", 3), "/zh-hans/tags/ruan-jian/page/3/"],
    [paths.archive("zh-Hant"), "/zh-hant/archive/"],
    [paths.year("zh-Hans", 2023), "/zh-hans/2023/"],
    [paths.month("zh-Hans", 2023, 5), "/zh-hans/2023/05/"],
    [paths.month("zh-Hant", 2023, 12, 2), "/zh-hant/2023/12/page/2/"],
    [paths.feed("zh-Hans"), "/zh-hans/feed.xml"],
    [paths.sitemap(), "/sitemap.xml"],
    [paths.sitemap(2), "/sitemap-2.xml"],
  ])("%s is %s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("switchScript", () => {
  it("swaps only the script prefix", () => {
    expect(switchScript("/zh-hans/articles/x/", "zh-Hant")).toBe("/zh-hant/articles/x/");
    expect(switchScript("/zh-hant/2023/05/", "zh-Hans")).toBe("/zh-hans/2023/05/");
    expect(switchScript("/zh-hans/tags/zh-hans/", "zh-Hant")).toBe("/zh-hant/tags/zh-hans/");
  });

  it("leaves a path without a script prefix alone", () => {
    expect(switchScript("/", "zh-Hant")).toBe("/");
    expect(switchScript("/404.html", "zh-Hans")).toBe("/404.html");
  });
});

describe("outputPath", () => {
  it("writes index.html for a folder path and the file itself otherwise", () => {
    expect(outputPath("/")).toBe("/index.html");
    expect(outputPath("/zh-hans/articles/x/")).toBe("/zh-hans/articles/x/index.html");
    expect(outputPath("/zh-hans/feed.xml")).toBe("/zh-hans/feed.xml");
  });
});

describe("href and absoluteUrl", () => {
  it("adds nothing on a site at the root", () => {
    expect(href("/", "/zh-hans/articles/x/")).toBe("/zh-hans/articles/x/");
    expect(href("/", "/")).toBe("/");
  });

  it("adds the base path on a site under /archive/", () => {
    expect(href("/archive/", "/zh-hans/articles/x/")).toBe("/archive/zh-hans/articles/x/");
    expect(href("/archive/", "/")).toBe("/archive/");
  });

  it("percent-encodes non-ASCII path parts", () => {
    expect(href("/", "/zh-hans/tags/软件/")).toBe("/zh-hans/tags/%E8%BD%AF%E4%BB%B6/");
    expect(href("/archive/", "/zh-hans/tags/a b/")).toBe("/archive/zh-hans/tags/a%20b/");
  });

  // Paths come from the site's own path functions, never pre-encoded: a "%" is a literal percent sign.
  it("encodes a literal percent sign instead of failing on it", () => {
    expect(href("/", "/zh-hans/tags/100%/")).toBe("/zh-hans/tags/100%25/");
  });

  it("builds a full address from the base URL", () => {
    expect(absoluteUrl("https://example.org/archive/", "/zh-hant/feed.xml")).toBe("https://example.org/archive/zh-hant/feed.xml");
    expect(absoluteUrl("https://example.org/", "/zh-hans/tags/软件/")).toBe("https://example.org/zh-hans/tags/%E8%BD%AF%E4%BB%B6/");
  });
});
