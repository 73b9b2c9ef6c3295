// Links as authors type them: mended where the meaning is plain, a warning where it is not.
import { describe, it } from "node:test";
import { expect } from "expect";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { itEach } from "../each.ts";
import { linkProblem, mendLink, renderMarkdown } from "../../src/render/markdown.ts";
import { loadArchive } from "../../src/archive.ts";
import { temporaryDir } from "../temporary.ts";

describe("mending a link", () => {
  itEach([
    ["a full-width colon after the scheme", "https：//example.com/a", "https://example.com/a"],
    ["full-width ？＝＆＃ in the query", "https://example.com/a？b＝1＆c＝2＃x", "https://example.com/a?b=1&c=2#x"],
    ["full-width slashes", "http：／／example.com／a", "http://example.com/a"],
    ["www. without a scheme", "www.example.com/路径", "https://www.example.com/路径"],
  ])("mends %s", (_name, written, meant) => {
    expect(mendLink(written)).toBe(meant);
  });

  itEach([
    ["a link within the site", "/zh-hans/tags/"],
    ["a relative link", "../photo.jpg"],
    ["a fragment", "#第一节"],
    ["a full-width question mark in a link that is no address", "问题？"],
    ["a mail address", "mailto:a@example.com"],
  ])("leaves %s as written", (_name, link) => {
    expect(mendLink(link)).toBe(link);
  });

  it("writes the mended address into the page", () => {
    expect(renderMarkdown("[官网](https：//example.com/？q＝1)", { sourceLang: "zh-Hans" })).toContain('href="https://example.com/?q=1"');
  });
});

describe("a link that leads nowhere", () => {
  itEach([
    ["a host name without a scheme", "example.net/x", /looks like an address without https:\/\//],
    ["a scheme without its colon", "https//example.net/", /is not a whole address/],
    ["a scheme with one slash", "http:/example.net/", /is not a whole address/],
  ])("is reported: %s", (_name, link, reason) => {
    expect(linkProblem(link)).toMatch(reason);
  });

  itEach([["an address", "https://example.net/"], ["a link within the site", "/zh-hans/"], ["a relative file", "photo.jpg"]])("is not reported: %s", (_name, link) => {
    expect(linkProblem(link)).toBeUndefined();
  });

  it("is a warning of the build naming the file and the link", () => {
    const content = temporaryDir("links-content-");
    mkdirSync(path.join(content, "articles"), { recursive: true });
    writeFileSync(path.join(content, "articles", "links.md"), "---\ntitle: 链接\ndate: 2024-01-02\n---\n\n见[这里](example.net/x)和[那里](https：//example.org/)。\n");
    const archive = loadArchive({ contentDir: content, cacheDir: null, includeDrafts: false });
    expect(archive.warnings).toEqual([
      { file: path.join(content, "articles", "links.md"), field: "link", message: expect.stringContaining('"example.net/x" looks like an address') },
    ]);
  });
});
