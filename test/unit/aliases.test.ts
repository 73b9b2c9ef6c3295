// Old addresses (`aliases:`): how a path is checked and written, the redirect page at each, and clashes.
import { describe, it } from "node:test";
import { expect } from "expect";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { itEach } from "../each.ts";
import { normalizeAlias } from "../../src/articles/aliases.ts";
import { parseArticle } from "../../src/articles/frontmatter.ts";
import { loadArchive } from "../../src/archive.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { ProblemsError, formatProblem } from "../../src/problems.ts";
import { parseSettings } from "../../src/settings.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderRedirect } from "../../layouts/redirect.ts";
import { temporaryDir } from "../temporary.ts";

const settings = parseSettings({});
const article = (aliases: string) => `---\ntitle: 西湖\ndate: 2019-04-04\naliases: ${aliases}\n---\n湖上的夜色。\n`;

describe("an alias", () => {
  itEach([
    ["a page file", "/2019/04/04/slug.html", "/2019/04/04/slug.html"],
    ["a folder", "/posts/slug/", "/posts/slug/"],
    ["a path without an extension, as a folder", "/posts/slug", "/posts/slug/"],
    ["percent-encoded characters, as the characters", "/%E9%9A%8F%E7%AC%94/2019/x.html", "/随笔/2019/x.html"],
    ["doubled slashes, once", "/a//b/", "/a/b/"],
  ])("is written one way: %s", (_name, given, written) => {
    expect(normalizeAlias(given)).toEqual({ path: written });
  });

  itEach([
    ["a whole address", "https://example.com/a/", /whole address/],
    ["a protocol-relative address", "//example.com/a/", /whole address/],
    ["a relative path", "posts/a/", /must start with \//],
    ["a .. segment", "/a/../b/", /\. or \.\. segments/],
    ["an encoded .. segment", "/a/%2E%2E/b/", /\. or \.\. segments/],
    ["an encoded slash", "/a%2Fb/", /encoded slash/],
    ["a query", "/a/?p=1", /without \?query/],
    ["a space", "/a b/", /space/],
    ["a quotation mark", '/a"b/', /space, control character/],
  ])("is refused when it is %s", (_name, given, reason) => {
    const result = normalizeAlias(given);
    expect("error" in result && result.error).toMatch(reason);
  });

  it("is read from the front matter as a list, duplicates dropped", () => {
    const parsed = parseArticle("content/articles/2019/x.md", article("[/old/x/, /old/x, /2019/x.html]"), settings);
    expect(parsed.problems).toEqual([]);
    expect(parsed.article!.aliases).toEqual(["/old/x/", "/2019/x.html"]);
  });

  it("that is bad is a problem naming the file and the field", () => {
    const parsed = parseArticle("content/articles/2019/x.md", article("[https://old.example.com/x/]"), settings);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'content/articles/2019/x.md: aliases: "https://old.example.com/x/" is a whole address; an alias is a path on this site, such as /2019/04/04/slug.html',
    ]);
  });

  it("is not there on an article that has none", () => {
    const parsed = parseArticle("content/articles/2019/x.md", "---\ntitle: 西湖\ndate: 2019-04-04\n---\n湖。\n", settings);
    expect(parsed.article).not.toHaveProperty("aliases");
  });
});

/** A content folder with the given articles (file name → front matter lines). */
function content(articles: Record<string, string>): string {
  const dir = temporaryDir("zh-archive-aliases-");
  writeFileSync(path.join(dir, "site.json"), JSON.stringify({ url: "https://example.org/archive/" }));
  for (const [name, frontMatter] of Object.entries(articles)) {
    const file = path.join(dir, "articles", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\n${frontMatter}\n---\n春天的湖边很安静。\n`);
  }
  return dir;
}

function modelOf(dir: string) {
  return buildSiteModel(loadArchive({ contentDir: dir, cacheDir: null, includeDrafts: false }));
}

function problemsOf(dir: string): string[] {
  try {
    modelOf(dir);
  } catch (error) {
    if (error instanceof ProblemsError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe("the redirect pages", () => {
  it("are one per alias, pointing at the article in its own script", () => {
    const dir = content({ "2021/a.md": "title: 臺北\ndate: 2021-03-15\nlang: zh-Hant\nslug: taipei\naliases: [/2021/03/15/taipei.html, /雨季/]" });
    expect(modelOf(dir).redirects).toEqual([
      { url: "/2021/03/15/taipei.html", target: "/zh-hant/articles/taipei/", script: "zh-Hant", title: "臺北" },
      { url: "/雨季/", target: "/zh-hant/articles/taipei/", script: "zh-Hant", title: "臺北" },
    ]);
  });

  it("send the reader on at once, name the article as canonical and keep out of search engines, every value escaped", () => {
    const dir = content({ "2021/a.md": 'title: "<b>臺北</b> & 雨"\ndate: 2021-03-15\nlang: zh-Hant\nslug: taipei\naliases: [/x/]' });
    const site = modelOf(dir);
    const page = renderRedirect(site, site.redirects[0]!);
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/archive/zh-hant/articles/taipei/">');
    expect(page).toContain('<link rel="canonical" href="https://example.org/archive/zh-hant/articles/taipei/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<a href="/archive/zh-hant/articles/taipei/">&lt;b&gt;臺北&lt;/b&gt; &amp; 雨</a>');
    expect(page).toContain('<html lang="zh-Hant">');
  });

  it("are not made for an archive without aliases", () => {
    expect(modelOf(content({ "2021/a.md": "title: 湖\ndate: 2021-03-15" })).redirects).toEqual([]);
  });

  it("refuse an alias that another article has too, naming both files", () => {
    const dir = content({
      "2021/a.md": "title: 甲\ndate: 2021-03-15\nslug: a\naliases: [/old/]",
      "2021/b.md": "title: 乙\ndate: 2021-03-16\nslug: b\naliases: [/old]",
    });
    expect(problemsOf(dir)).toEqual([
      `${path.join(dir, "articles/2021/a.md")}: aliases: "/old/" is also an old address of ${path.join(dir, "articles/2021/b.md")}; remove it from one of them`,
    ]);
  });

  it("refuse an alias that is a page the site makes, or another article's page", () => {
    const dir = content({
      "2021/a.md": "title: 甲\ndate: 2021-03-15\nslug: a\naliases: [/zh-hans/tags/, /zh-hant/articles/b/, /index.html, /media/a/]",
      "2021/b.md": "title: 乙\ndate: 2021-03-16\nslug: b",
    });
    const file = path.join(dir, "articles/2021/a.md");
    expect(problemsOf(dir)).toEqual([
      `${file}: aliases: "/zh-hans/tags/" is the address of a page the site makes (/zh-hans/tags/); remove it from one of them`,
      `${file}: aliases: "/zh-hant/articles/b/" is the address of ${path.join(dir, "articles/2021/b.md")}; remove it from one of them`,
      `${file}: aliases: "/index.html" is the address of a page the site makes (/); remove it from one of them`,
      `${file}: aliases: "/media/a/" is inside /media/, where the build writes its own files; remove it from one of them`,
    ]);
  });
});

describe("HTML written in an article on a site under a sub-path", () => {
  it("has its root-relative src and href given the base path, as Markdown's links are", () => {
    const html = renderMarkdown('<figure><img src="/media/a/0123456789abcdef.png" alt="湖"><figcaption>湖</figcaption></figure>\n\n<a href="/x/">甲</a> [乙](/y/) <a href="https://example.com/">丙</a>\n', {
      sourceLang: "zh-Hans",
      basePath: "/archive/",
    });
    expect(html).toContain('src="/archive/media/a/0123456789abcdef.png"');
    expect(html).toContain('href="/archive/x/"');
    expect(html).toContain('href="/archive/y/"');
    expect(html).toContain('href="https://example.com/"');
  });
});
