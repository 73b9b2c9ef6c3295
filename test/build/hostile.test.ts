/**
 * Hostile and broken input through the real commands (`npm run build`, `npm run import`): article
 * files that try to run code, pages that share an address, characters no feed may hold, pages cut
 * inside a character, a browser's saved-page folder, links, pipes and devices, deep nesting, and
 * front matter that should not pass.
 */
import { describe, it, before as beforeAll } from "node:test";
import { expect } from "expect";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { findArticleFiles, loadArticles } from "../../src/articles/load.ts";
import { parseSettings } from "../../src/settings.ts";
import { checkXmlFiles, xmlError } from "../../src/site/xml.ts";
import { PROJECT_ROOT } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const SITE_JSON = path.join(PROJECT_ROOT, "test/fixtures/site/content/site.json");
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function command(script: "build" | "import", args: string[], timeout = 120_000): Run {
  const result = spawnSync(TSX, [path.join(PROJECT_ROOT, `src/cli/${script}.ts`), ...args], { encoding: "utf8", cwd: PROJECT_ROOT, timeout });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A content folder with the fixture site's settings and the given article files. */
function contentWith(files: Record<string, string>): string {
  const content = temporaryDir("hostile-content-");
  copyFileSync(SITE_JSON, path.join(content, "site.json"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(content, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return content;
}

function build(content: string): Run & { output: string } {
  const output = temporaryDir("hostile-site-");
  return { ...command("build", ["--content", content, "--output", output]), output };
}

function article(frontMatter: string, body = "清晨的小城里，第一班公交车准时驶出总站。"): string {
  return `---\n${frontMatter}\n---\n\n${body}\n`;
}

const PARAGRAPHS = [
  "清晨的小城里，第一班公交车准时驶出总站，车上只有三五位赶早市的老人。",
  "司机说，这条线路已经开了二十年，沿途的店铺换了一茬又一茬，唯独终点站旁的豆浆摊一直都在。",
  "到了七点，上学的孩子们陆续上车，车厢里一下子热闹起来，书包碰着书包。",
];

/** A small news page of our own. */
function newsPage(title: string, options: { head?: string; body?: string; paragraphs?: string[]; charset?: boolean } = {}): string {
  const paragraphs = (options.paragraphs ?? PARAGRAPHS).map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html><html lang="zh-CN"><head>${options.charset === false ? "" : '<meta charset="utf-8">'}<title>${title}_示例新闻网</title>${options.head ?? ""}</head>
<body><nav class="nav"><a href="/">首页</a></nav>
<article><h1>${title}</h1><p class="meta">发布时间：2024-03-08 来源：示例日报</p>
${paragraphs}${options.body ?? ""}
</article><footer class="footer">版权所有 示例新闻网</footer></body></html>`;
}

function pagesWith(files: Record<string, string | Buffer>): string {
  const pages = temporaryDir("hostile-pages-");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(pages, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return pages;
}

function importInto(content: string, args: string[]): Run {
  return command("import", [...args, "--out", content, "--no-progress"]);
}

function importedArticle(content: string): string {
  const [file] = findArticleFiles(path.join(content, "articles"));
  return readFileSync(file!, "utf8");
}

describe("article files that try to run code", () => {
  it("refuses JavaScript front matter (---js) with the file named, and runs none of it", () => {
    const marker = path.join(temporaryDir("hostile-marker-"), "ran");
    const content = contentWith({
      "articles/2024/evil.md": `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "标题"), date: "2024-01-01" }\n---\n\n正文正文。\n`,
    });
    const result = build(content);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(content, "articles/2024/evil.md")}: front matter: "---js" is not accepted`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(marker)).toBe(false);
  });

  it("runs no front matter code when importing into a content folder that holds such a file, dry run or not", () => {
    const marker = path.join(temporaryDir("hostile-marker-"), "ran");
    const content = contentWith({
      "articles/2024/evil.md": `---javascript\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "标题") }\n---\n\n正文。\n`,
    });
    const pages = pagesWith({ "a.html": newsPage("小城的早班车") });
    for (const args of [["--dry-run"], []]) {
      const result = importInto(content, [pages, ...args]);
      expect(result.status).toBe(0);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("runs no template or data file put in the content folder (*.11ty.js, _data/*.js, *.11tydata.js)", () => {
    const markers = temporaryDir("hostile-marker-");
    const writes = (name: string) => `require("fs").writeFileSync(${JSON.stringify(path.join(markers, name))}, "x");`;
    const content = contentWith({
      "articles/2024/ok.md": article('title: 早班车\ndate: 2024-01-01'),
      "evil.11ty.cjs": `${writes("template")} module.exports = () => "x";`,
      "evil.11ty.js": `${writes("template-js")} module.exports = () => "x";`,
      "_data/evil.cjs": `${writes("data")} module.exports = {};`,
      "content.11tydata.cjs": `${writes("directory-data")} module.exports = {};`,
    });
    const result = build(content);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(markers)).toEqual([]);
  });
});

describe("pages that share an address", () => {
  it("imports a different article at the same address (a CMS's section page as og:url) as its own article, with a warning", () => {
    const head = '<meta property="og:url" content="https://news.example.com/news/">';
    const pages = pagesWith({
      "a.html": newsPage("小城的早班车", { head }),
      "b.html": newsPage("江边的夜市", { head, paragraphs: PARAGRAPHS.map((p) => p.replace("公交车", "夜市摊")) }),
    });
    const content = contentWith({});
    const result = importInto(content, [pages]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("imported 2, skipped 0, failed 0");
    expect(result.stdout).toMatch(/has the same address \(https:\/\/news\.example\.com\/news\/\) as .*, but another title or day: a different article/);
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(2);
  });

  it("takes a site's root address for no article's: pages of one title there are not the same page", () => {
    const head = '<meta property="og:url" content="https://news.example.com/">';
    const pages = pagesWith({ "a.html": newsPage("每日早报", { head }), "b.html": newsPage("每日早报", { head, paragraphs: PARAGRAPHS.map((p) => `今天，${p}`) }) });
    const content = contentWith({});
    const result = importInto(content, [pages]);
    expect(result.stdout).toContain("imported 2, skipped 0, failed 0");
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(2);
  });

  it("never replaces a different article at the same address with --force, and keeps an edited one it does replace", () => {
    const head = '<meta property="og:url" content="https://news.example.com/news/">';
    const pages = pagesWith({ "a.html": newsPage("小城的早班车", { head }) });
    const content = contentWith({});
    expect(importInto(content, [pages]).status).toBe(0);
    const [first] = findArticleFiles(path.join(content, "articles"));
    const edited = readFileSync(first!, "utf8").replace("三五位", "七八位");
    writeFileSync(first!, edited);
    const other = pagesWith({ "b.html": newsPage("江边的夜市", { head }) });
    expect(importInto(content, [other, "--force"]).status).toBe(0);
    expect(readFileSync(first!, "utf8")).toBe(edited);
    const again = pagesWith({ "a2.html": newsPage("小城的早班车", { head, body: "<p>（本文有更新。）</p>" }) });
    expect(importInto(content, [again, "--force"]).status).toBe(0);
    const kept = readdirSync(path.dirname(first!)).filter((name) => name.startsWith(`${path.basename(first!)}.edited-`));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(first!), kept[0]!), "utf8")).toBe(edited);
  });
});

describe("characters no XML reader accepts", () => {
  let content: string;
  let result: Run & { output: string };
  beforeAll(() => {
    content = contentWith({
      "articles/2024/controls.md": article('title: "早班车\\u0000的故事"\ndate: 2024-01-01\nsummary: "小城\\u001F清晨"', "清晨\u0001的小城里\u000B，第一班公交车\uFFFF准时驶出总站。"),
      "articles/2024/plain.md": article("title: 夜市\ndate: 2024-01-02"),
    });
    result = build(content);
  });

  it("removes them from an article's title, body and YAML escapes, with a warning naming the file", () => {
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`${path.join(content, "articles/2024/controls.md")}: 5 characters that no feed or page may hold`));
    const { articles } = loadArticles(path.join(content, "articles"), parseSettings({}));
    const controls = articles.find((a) => a.slug === "controls")!;
    expect(controls.title).toBe("早班车的故事");
    expect(controls.body).not.toMatch(FORBIDDEN);
  });

  it("writes feeds and a sitemap that a conforming XML parser reads", () => {
    const feeds = ["zh-hans/feed.xml", "zh-hant/feed.xml", "sitemap.xml"].map((name) => path.join(result.output, name));
    for (const feed of feeds) expect(xmlError(readFileSync(feed, "utf8"))).toBeUndefined();
    expect(checkXmlFiles(result.output)).toEqual([]);
  });

  it("removes them from an imported page, written raw or as character references, with a warning", () => {
    const pages = pagesWith({ "a.html": newsPage("早班车&#1;的故事", { paragraphs: [`清晨\u0002的小城里&#x1F;，${PARAGRAPHS[0]}`, ...PARAGRAPHS.slice(1)] }) });
    const target = contentWith({});
    const imported = importInto(target, [pages]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/warning: 3 characters that no feed or page may hold/);
    expect(importedArticle(target)).not.toMatch(FORBIDDEN);
  });

  it("finds a file that is not well-formed XML among the files of a folder", () => {
    const folder = temporaryDir("hostile-xml-");
    writeFileSync(path.join(folder, "good.xml"), "<feed><title>早班车</title></feed>");
    writeFileSync(path.join(folder, "bad.xml"), "<feed><title>早班车\u0001</title></feed>");
    expect(checkXmlFiles(folder)).toEqual([{ file: path.join(folder, "bad.xml"), message: expect.stringMatching(/disallowed character/) }]);
  });
});

describe("pages cut short or with bad bytes", () => {
  it("imports a UTF-8 page without <meta charset> cut inside a character, dropping that character with a warning", () => {
    const bytes = Buffer.from(newsPage("小城的早班车", { charset: false }));
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from("终点站")) + 1);
    const content = contentWith({});
    const result = importInto(content, [pagesWith({ "cut.html": cut }), "--date", "2024-03-08"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("warning: the page ends inside a character");
    expect(importedArticle(content)).toContain("唯独");
  });

  it("imports a UTF-8 page without <meta charset> with one bad byte, replacing it and saying how many", () => {
    const bytes = Buffer.from(newsPage("小城的早班车", { charset: false }));
    bytes[bytes.indexOf(Buffer.from("豆浆")) + 1] = 0x20;
    const content = contentWith({});
    const result = importInto(content, [pagesWith({ "flipped.html": bytes })]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/warning: \d byte sequences? that are not utf-8 replaced/);
    expect(importedArticle(content)).toContain("\uFFFD");
  });

  it("imports a GBK page cut inside a character", () => {
    const bytes = iconv.encode(newsPage("小城的早班车", { charset: false }), "gbk");
    const cut = bytes.subarray(0, bytes.indexOf(iconv.encode("终点站", "gbk")) + 1);
    const content = contentWith({});
    const result = importInto(content, [pagesWith({ "cut.html": cut }), "--date", "2024-03-08"]);
    expect(result.status).toBe(0);
    expect(importedArticle(content)).toContain("唯独");
  });
});

describe("a page saved by a browser with its files", () => {
  // A 1×1 PNG.
  const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea73581840000000049454e44ae426082", "hex");
  let pages: string;
  let content: string;
  let result: Run;
  beforeAll(() => {
    pages = pagesWith({
      "page.html": newsPage("城里的夜班车", {
        head: '<link rel="stylesheet" href="./page_files/style.css"><script src="./page_files/app.js"></script>',
        body: '<p><img src="./page_files/photo.png" data-src="https://img.example.com/photo.png" alt="夜班车"></p><p><img src="page_files/chart.svg" alt="图表"></p>',
      }).replace("<!doctype html>", "<!doctype html>\n<!-- saved from url=(0040)https://news.example.com/a/2024/123.html -->"),
      "page_files/style.css": "body { color: red; }\n.nav { margin: 0; }\n",
      "page_files/app.js": "function track() { return 1; }\nvar a = track();\n",
      "page_files/photo.png": PNG,
      "page_files/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    content = contentWith({});
    result = importInto(content, [pages, "--date", "2024-03-08"]);
  });

  it("imports the page alone: its folder of styles, scripts and images is no article, and the summary counts it", () => {
    expect(result.status).toBe(0);
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(1);
    expect(result.stdout).toContain(`skipped ${path.join(pages, "page_files")}: holds the files of the saved page page.html`);
    expect(result.stdout).toContain("imported 1, skipped 1, failed 0");
  });

  it("copies the images the article shows into the archive and points to the copies, keeping the original address", () => {
    const text = importedArticle(content);
    const [, address] = /!\[夜班车\]\((\/media\/[^)]+\.png)\)/.exec(text) ?? [];
    expect(address).toBeDefined();
    expect(readFileSync(path.join(content, address!))).toEqual(PNG);
    expect(text).toContain(`${address}: https://img.example.com/photo.png`);
    expect(text).toContain("source_url: https://news.example.com/a/2024/123.html");
    expect(text).not.toContain("page_files");
  });

  it("leaves out an SVG of the saved files (it can hold scripts) with a warning", () => {
    expect(result.stdout).toContain("1 image of its saved files left out");
    expect(importedArticle(content)).not.toContain("图表");
  });

  it("publishes the copied image with the site", () => {
    const built = build(content);
    expect(built.status).toBe(0);
    const address = /\((\/media\/[^)]+\.png)\)/.exec(importedArticle(content))![1]!;
    expect(readFileSync(path.join(built.output, address))).toEqual(PNG);
  });

  it("publishes nothing from content/media/ but the importer's images: no page, script, SVG or renamed file", () => {
    const content = contentWith({
      "articles/2024/ok.md": article("title: 早班车\ndate: 2024-01-01"),
      "media/ok/0123456789abcdef.png": PNG.toString("latin1"),
      "media/ok/evil.html": "<script>alert(1)</script>",
      "media/ok/fedcba9876543210.png": "<script>alert(1)</script>",
      "media/ok/icon.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    writeFileSync(path.join(content, "media/ok/0123456789abcdef.png"), PNG);
    const built = build(content);
    expect(built.status).toBe(0);
    expect(readdirSync(path.join(built.output, "media/ok"))).toEqual(["0123456789abcdef.png"]);
  });

  it("copies no file that a link in the saved folder points to outside it", () => {
    const outside = pagesWith({ "secret.png": PNG });
    const saved = pagesWith({ "page.html": newsPage("城里的夜班车", { body: '<p><img src="page_files/home/secret.png" alt="秘密"></p>' }) });
    mkdirSync(path.join(saved, "page_files"));
    symlinkSync(outside, path.join(saved, "page_files/home"));
    const target = contentWith({});
    const result = importInto(target, [saved, "--date", "2024-03-08"]);
    expect(result.status).toBe(0);
    expect(existsSync(path.join(target, "media"))).toBe(false);
    expect(result.stdout).toContain("1 image of its saved files left out");
  });

  it("skips a stylesheet or script found in a folder, by its name or its content, and fails one named on the command line", () => {
    const css = "body { color: red; }\n.nav { margin: 0; }\n";
    const loose = pagesWith({ "site.css": css, "styles.txt": css, "a.html": newsPage("小城的早班车") });
    const target = contentWith({});
    const inFolder = importInto(target, [loose]);
    expect(inFolder.stdout).toContain(`skipped ${path.join(loose, "site.css")}: is a stylesheet, script, font or data file by its name`);
    expect(inFolder.stdout).toContain(`skipped ${path.join(loose, "styles.txt")}: is a stylesheet or script, not a web page or text`);
    expect(inFolder.status).toBe(0);
    const named = importInto(target, [path.join(loose, "styles.txt")]);
    expect(named.status).toBe(1);
    expect(named.stdout).toContain(`failed: ${path.join(loose, "styles.txt")}: is a stylesheet or script`);
  });
});

describe("what a folder holds besides pages, and what cannot be read quickly", () => {
  it("says of each link, broken link, hidden file and FIFO in a folder why it was not read", () => {
    const pages = pagesWith({ "a.html": newsPage("小城的早班车"), ".hidden.html": newsPage("隐藏") });
    symlinkSync(path.join(pages, "a.html"), path.join(pages, "link.html"));
    symlinkSync(path.join(pages, "nowhere.html"), path.join(pages, "broken.html"));
    spawnSync("mkfifo", [path.join(pages, "pipe.html")]);
    const result = importInto(contentWith({}), [pages]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`skipped ${path.join(pages, "link.html")}: is a symbolic link; not followed`);
    expect(result.stdout).toContain(`skipped ${path.join(pages, "broken.html")}: is a symbolic link; not followed`);
    expect(result.stdout).toContain(`skipped ${path.join(pages, ".hidden.html")}: is a hidden file`);
    expect(result.stdout).toContain(`skipped ${path.join(pages, "pipe.html")}: is a FIFO (named pipe)`);
    expect(result.stdout).toContain("imported 1, skipped 4, failed 0");
  });

  it("fails a FIFO, a device and a broken link named on the command line at once, without reading them", () => {
    const pages = pagesWith({});
    const fifo = path.join(pages, "pipe.html");
    spawnSync("mkfifo", [fifo]);
    symlinkSync(path.join(pages, "nowhere.html"), path.join(pages, "broken.html"));
    const result = command("import", [fifo, "/dev/zero", path.join(pages, "broken.html"), "--out", contentWith({})], 30_000);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`failed: ${fifo}: is a FIFO (named pipe), not a file; not read`);
    expect(result.stdout).toContain("failed: /dev/zero: is a device, not a file; not read");
    expect(result.stdout).toContain(`failed: ${path.join(pages, "broken.html")}: is a link to nothing`);
  });

  it("refuses 300,000 nested <div>s with its reason, before parsing them", { timeout: 20_000 }, () => {
    const deep = newsPage("小城的早班车", { body: `${"<div>".repeat(300_000)}深处${"</div>".repeat(300_000)}` });
    const result = importInto(contentWith({}), [pagesWith({ "deep.html": deep })]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/deep\.html: has markup nested more than \d+ levels deep/);
  });

  it("reads a page whose paragraphs sit in <head> as a browser shows it", () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>小城的早班车</title><p>${PARAGRAPHS.join("</p><p>")}</p></head><body><div>x</div></body></html>`;
    const content = contentWith({});
    const result = importInto(content, [pagesWith({ "head.html": page }), "--date", "2024-03-08"]);
    expect(result.stdout).not.toMatch(/TypeError|tagName/);
    expect(result.status).toBe(0);
    expect(importedArticle(content)).toContain("豆浆摊");
  });
});

describe("front matter that should not pass", () => {
  let refused: Run;
  let accepted: Run & { output: string };
  let refusedContent: string;
  let acceptedContent: string;
  beforeAll(() => {
    refusedContent = contentWith({
      "articles/offset.md": article('title: 早班车\ndate: "2024-03-08T08:00:00+25:00"'),
      "articles/blank-lines.md": `\n\n${article("title: 夜市\ndate: 2024-03-08")}`,
    });
    refused = build(refusedContent);
    acceptedContent = contentWith({
      "articles/future.md": article("title: 未来\ndate: 9999-12-31"),
      "articles/UPPER.MD": article("title: 大写\ndate: 2024-03-08\nslug: upper-case"),
    });
    accepted = build(acceptedContent);
  });

  it("refuses an offset no time zone has (+25:00)", () => {
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${path.join(refusedContent, "articles/offset.md")}: date: "2024-03-08T08:00:00+25:00" is not a date`);
  });

  it("says the front matter is not at the top when blank lines come before ---", () => {
    expect(refused.stderr).toContain(`${path.join(refusedContent, "articles/blank-lines.md")}: front matter: is not at the top of the file (2 blank lines before the first ---)`);
    expect(refused.stderr).not.toContain("title: is required");
  });

  it("warns of a date after today, naming the file", () => {
    expect(accepted.status).toBe(0);
    expect(accepted.stdout + accepted.stderr).toContain(`${path.join(acceptedContent, "articles/future.md")}: date: "9999-12-31" is after today`);
  });

  it("reads an article file named .MD", () => {
    expect(existsSync(path.join(accepted.output, "zh-hans/articles/upper-case/index.html"))).toBe(true);
  });
});

describe("front matter as archives moved from other site generators write it", () => {
  const posts = Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`articles/post-${i}.md`, article(`title: 第${i + 1}篇\ndate: 2019-2-${i + 1}\nlayout: post\ntags: 996`)]),
  );

  it("builds posts with one-digit months and days and a number for a tag, and says of their unknown key once", () => {
    const built = build(contentWith(posts));
    expect(built.status).toBe(0);
    const warnings = (built.stdout + built.stderr).split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual([expect.stringMatching(/warning: 5 files: layout: is not a known field; kept \(.*post-0\.md, .*post-1\.md, .*post-2\.md and 2 more; --verbose names them all\)$/)]);
    expect(readFileSync(path.join(built.output, "zh-hans/articles/post-0/index.html"), "utf8")).toContain("2019年2月1日");
    expect(existsSync(path.join(built.output, "zh-hans/tags/996/index.html"))).toBe(true);
  });

  it("names every file with --verbose", () => {
    const output = temporaryDir("hostile-site-");
    const run = command("build", ["--content", contentWith(posts), "--output", output, "--verbose"]);
    expect((run.stdout + run.stderr).split("\n").filter((line) => line.includes("layout: is not a known field"))).toHaveLength(5);
  });
});

describe("an output folder the build cannot write into", () => {
  it("stops with one line naming the search index and the reason when its folder cannot be made, and no stack trace", () => {
    const content = contentWith({ "articles/one.md": article("title: 一篇\ndate: 2024-01-02\nslug: one") });
    const output = temporaryDir("hostile-site-");
    // A file where the index's folder goes.
    writeFileSync(path.join(output, "pagefind"), "not a folder");
    const run = command("build", ["--content", content, "--output", output]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The build failed: .*search index.*pagefind/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
