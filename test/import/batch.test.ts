/**
 * Batches through the real importer and, for the command's own behaviour, the real command:
 * re-imports, edited articles, taken slugs, bad inputs, dry runs, reports and interruption.
 */
import { describe, it, beforeEach, afterEach } from "node:test";
import { expect } from "expect";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importFiles, type ImportEntry, type ImportOptions } from "../../src/import/run.ts";
import { findArticleFiles, loadArticles } from "../../src/articles/load.ts";
import { parseSettings } from "../../src/settings.ts";
import { DateTime } from "luxon";
import { PROJECT_ROOT } from "../helpers.ts";

const settings = parseSettings({});
let dir: string;
let content: string;
let pages: string;

/** A small news page of our own: title, date line, a few paragraphs, and site furniture around them. */
function newsPage(title: string, date: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_示例新闻网</title></head>
<body><nav class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></nav>
<article><h1>${title}</h1><p class="meta">发布时间：${date} 来源：示例日报</p>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><div class="related"><h3>相关阅读</h3><ul><li><a href="/a/1.html">别的文章</a> 2024-01-02</li></ul></div>
<footer class="footer">版权所有 示例新闻网</footer></body></html>`;
}

const PARAGRAPHS = [
  "清晨的小城里，第一班公交车准时驶出总站，车上只有三五位赶早市的老人。",
  "司机说，这条线路已经开了二十年，沿途的店铺换了一茬又一茬，唯独终点站旁的豆浆摊一直都在。",
  "到了七点，上学的孩子们陆续上车，车厢里一下子热闹起来，书包碰着书包。",
];

function put(name: string, text: string | Buffer): string {
  const file = path.join(pages, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function run(files: string[], options: Partial<ImportOptions> = {}): ImportEntry[] {
  return [...importFiles(files, { contentDir: content, timeZone: "Asia/Shanghai", ...options })];
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "zh-archive-import-"));
  content = path.join(dir, "content");
  pages = path.join(dir, "pages");
  mkdirSync(content);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("importing a page", () => {
  it("writes content/articles/<year>/<slug>.md that the archive loads, with provenance", () => {
    const file = put("bus.html", newsPage("小城的早班车", "2024-03-08 06:30", PARAGRAPHS));
    const [entry] = run([file]);
    expect(entry!.status).toBe("imported");
    expect(entry!.output).toBe(path.join(content, "articles/2024/xiao-cheng-de-zao-ban-che.md"));
    const text = readFileSync(entry!.output!, "utf8");
    expect(text).toMatch(/^ {2}file: bus\.html$/m);
    expect(text).toMatch(/^ {2}sha256: [0-9a-f]{64}$/m);
    const { articles, problems, warnings } = loadArticles(path.join(content, "articles"), settings);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(articles[0]!.title).toBe("小城的早班车");
    expect(articles[0]!.date.toFormat("yyyy-LL-dd HH:mm")).toBe("2024-03-08 06:30");
    expect(articles[0]!.source).toBe("示例日报");
    expect(articles[0]!.body).not.toContain("相关阅读");
  });

  it("skips the same bytes imported again", () => {
    const file = put("bus.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const [first] = run([file]);
    const [again] = run([file]);
    expect(again!.status).toBe("skipped");
    expect(again!.reason).toMatch(/imported before/);
    expect(again!.output).toBe(first!.output);
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(1);
  });

  it("leaves an article a person edited alone, and --force keeps the edited version beside the new one", () => {
    const file = put("bus.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const output = run([file])[0]!.output!;
    appendFileSync(output, "\n编者补记：终点站的豆浆摊上个月搬走了。\n");
    const edited = readFileSync(output, "utf8");

    const [skipped] = run([file]);
    expect(skipped).toMatchObject({ status: "skipped", edited: true });
    expect(skipped!.reason).toMatch(/edited since; left alone/);
    expect(readFileSync(output, "utf8")).toBe(edited);

    const [forced] = run([file], { force: true });
    expect(forced).toMatchObject({ status: "imported", edited: true, output });
    expect(readFileSync(output, "utf8")).not.toContain("编者补记");
    const kept = readdirSync(path.dirname(output)).filter((name) => name.includes(".edited-"));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(output), kept[0]!), "utf8")).toBe(edited);
    // The kept copy is not an article: the archive still has one article on this URL.
    expect(loadArticles(path.join(content, "articles"), settings).articles).toHaveLength(1);
  });

  it("--force replaces an unedited earlier import in place", () => {
    const file = put("bus.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const output = run([file])[0]!.output!;
    const [forced] = run([file], { force: true });
    expect(forced).toMatchObject({ status: "imported", output });
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(1);
  });

  it("gives a different page whose slug is taken another slug", () => {
    const first = put("a.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const second = put("b.html", newsPage("小城的早班车", "2024-03-09", [...PARAGRAPHS].reverse()));
    const entries = run([first, second]);
    expect(entries.map((entry) => path.basename(entry.output!))).toEqual(["xiao-cheng-de-zao-ban-che.md", "xiao-cheng-de-zao-ban-che-2.md"]);
    const { articles, problems } = loadArticles(path.join(content, "articles"), settings);
    expect(problems).toEqual([]);
    expect(new Set(articles.map((article) => article.slug)).size).toBe(2);
  });

  it("skips the same page saved again (same address, title and day; other bytes) and says so", () => {
    const page = (bar: string) =>
      newsPage("小城的早班车", "2024-03-08", PARAGRAPHS).replace("<head>", `<head><link rel="canonical" href="https://news.example.com/a/1.html">`).replace("<nav", `<div class="today">${bar}</div><nav`);
    const first = put("a.html", page("今天是星期一"));
    const again = put("b.html", page("今天是星期二"));
    const [, second] = run([first, again]);
    expect(second).toMatchObject({ status: "skipped" });
    expect(second!.reason).toMatch(/same address, title and day, https:\/\/news\.example\.com\/a\/1\.html/);
    expect(findArticleFiles(path.join(content, "articles"))).toHaveLength(1);
  });

  it("gives two pages of one title different slugs in a dry run too", () => {
    const first = put("a.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const second = put("b.html", newsPage("小城的早班车", "2024-03-09", [...PARAGRAPHS].reverse()));
    const entries = run([first, second], { dryRun: true });
    expect(entries.map((entry) => path.basename(entry.output!))).toEqual(["xiao-cheng-de-zao-ban-che.md", "xiao-cheng-de-zao-ban-che-2.md"]);
  });

  it("warns about a page cut short, and refuses markup nested thousands deep with its reason", () => {
    const whole = newsPage("小城的早班车", "2024-03-08", PARAGRAPHS);
    const cut = put("cut.html", whole.slice(0, whole.indexOf("</article>")));
    const deep = put("deep.html", `<html><body>${"<div>".repeat(2000)}<p>${PARAGRAPHS.join("")}</p>${"</div>".repeat(2000)}</body></html>`);
    const [short, nested] = run([cut, deep]);
    expect(short!.status).toBe("imported");
    expect(short!.warnings.join()).toMatch(/cut short/);
    expect(nested).toMatchObject({ status: "failed", reason: "has markup nested 2001 levels deep (pages deeper than 400 are not read)" });
  });

  it("writes nothing in a dry run but says where it would", () => {
    const file = put("bus.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const [entry] = run([file], { dryRun: true });
    expect(entry).toMatchObject({ status: "imported", output: path.join(content, "articles/2024/xiao-cheng-de-zao-ban-che.md") });
    expect(existsSync(path.join(content, "articles"))).toBe(false);
  });

  it("takes --date and --tags only for pages that lack them", () => {
    const dated = put("dated.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const undated = put("undated.txt", `夜市里的修表匠\n\n${PARAGRAPHS.join("\n\n")}\n`);
    const entries = run([dated, undated], {
      fallbackDate: { date: DateTime.fromISO("2025-01-02", { zone: "Asia/Shanghai" }), hasTime: false },
      fallbackTags: ["城市"],
    });
    expect(entries.map((entry) => entry.fields?.date)).toEqual(["2024-03-08", "2025-01-02"]);
    expect(entries.map((entry) => entry.fields?.tags)).toEqual([["城市"], ["城市"]]);
    expect(entries[0]!.warnings).toEqual([]);
    expect(entries[1]!.warnings.join()).toMatch(/--date 2025-01-02/);
  });
});

describe("bad inputs", () => {
  it("each get a one-line reason, and the rest of the batch goes on", () => {
    const files = [
      put("empty.html", ""),
      put("blank.txt", "  \n\n   \n"),
      put("photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...Array(500).fill(7)])),
      put("links.html", `<html><body><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/p/${i}.html">第${i}篇</a></li>`).join("")}</ul></body></html>`),
      put("good.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS)),
    ];
    const entries = run(files);
    expect(entries.map((entry) => entry.status)).toEqual(["failed", "failed", "failed", "failed", "imported"]);
    const reasons = entries.slice(0, 4).map((entry) => entry.reason!);
    expect(reasons[0]).toMatch(/is empty/);
    expect(reasons[1]).toMatch(/no article text|no title/);
    expect(reasons[2]).toMatch(/binary/);
    expect(reasons[3]).toMatch(/no article text/);
    for (const reason of reasons) expect(reason).not.toMatch(/\n|    at /);
  });

  it("refuses a 20 MB page with its size, before reading it", () => {
    const filler = `<p>${"这是一段填充用的文字。".repeat(100)}</p>\n`;
    const huge = put("huge.html", `<html><body>${filler.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(filler)))}</body></html>`);
    const [entry] = run([huge]);
    expect(entry!.status).toBe("failed");
    expect(entry!.reason).toMatch(/^is 20\.\d MB, larger than the 10\.0 MB a page may be \(--max-size\)$/);
  });
});

describe("npm run import (the command)", () => {
  const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
  const command = path.join(PROJECT_ROOT, "src/cli/import.ts");
  const importCommand = (args: string[]) => spawnSync(tsx, [command, "--out", content, ...args], { encoding: "utf8", cwd: PROJECT_ROOT });

  it("prints a summary with each failure on one line, writes a JSON report and exits 1 when an input failed", () => {
    const good = put("good.html", newsPage("小城的早班车", "2024-03-08", PARAGRAPHS));
    const empty = put("empty.html", "");
    const report = path.join(dir, "report.json");
    const result = importCommand([pages, "--report", report]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("imported 1, skipped 0, failed 1");
    expect(result.stdout).toContain(`failed: ${empty}: is empty (0 bytes)`);
    expect(result.stderr).not.toMatch(/    at /);
    const { entries } = JSON.parse(readFileSync(report, "utf8"));
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ input: good, status: "imported", fields: { title: "小城的早班车", date: "2024-03-08" } });
    expect(entries[0]).toMatchObject({ input: empty, status: "failed", reason: "is empty (0 bytes)" });
  });

  it("explains its options with --help and rejects a malformed --date", () => {
    const help = importCommand(["--help"]);
    expect(help.status).toBe(0);
    for (const option of ["--out", "--date", "--tags", "--dry-run", "--force", "--report"]) expect(help.stdout).toContain(option);
    const bad = importCommand([pages, "--date", "2024-13-45"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--date/);
  });

  it("leaves only whole files when stopped half-way, and a second run finishes the job", async () => {
    const count = 40;
    for (let i = 0; i < count; i++) put(`p${String(i).padStart(3, "0")}.html`, newsPage(`第${i}号早班车`, "2024-03-08", [`第${i}段：${PARAGRAPHS[0]}`, ...PARAGRAPHS.slice(1)]));
    const child = spawn(tsx, [command, "--out", content, pages], { cwd: PROJECT_ROOT, stdio: "ignore" });
    const articles = path.join(content, "articles");
    // Stop it hard as soon as it has written a few articles.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const written = existsSync(articles) ? findArticleFiles(articles).length : 0;
        if (written >= 3 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once("exit", resolve));
    const partial = loadArticles(articles, settings);
    expect(partial.problems).toEqual([]);
    expect(partial.articles.length).toBeLessThan(count);

    const result = importCommand([pages]);
    expect(result.status).toBe(0);
    const done = loadArticles(articles, settings);
    expect(done.problems).toEqual([]);
    expect(done.articles).toHaveLength(count);
    const leftovers = readdirSync(articles, { recursive: true }).map(String).filter((name) => name.includes(".tmp-"));
    expect(leftovers).toEqual([]);
  });
});
