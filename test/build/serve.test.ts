// `npm start` for real: Eleventy's dev server, started as the npm script starts it, on a copy of the
// fixture site (which lives on the sub-path /archive/), while the test writes and edits articles.
import { after as afterAll, before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { PROJECT_ROOT } from "../helpers.ts";
import { browserSkipReason, launchBrowser } from "../browser/browser.ts";

const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/site/content");
const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");

let dir: string;
let content: string;
let server: ChildProcess;
let log = "";
/** The site's address as the server printed it, with the site's path: http://localhost:<port>/archive/ */
let base: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "archive-serve-"));
  content = path.join(dir, "content");
  cpSync(FIXTURE, content, { recursive: true });
  // The command of `npm start`, on the copy and a free port.
  server = spawn(
    TSX,
    ["node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--input=${content}`, `--output=${path.join(dir, "site")}`, "--serve", `--port=${await freePort()}`],
    { cwd: PROJECT_ROOT, env: { ...process.env, ARCHIVE_CACHE_DIR: path.join(dir, "cache") }, stdio: ["ignore", "pipe", "pipe"] },
  );
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev server did not start:\n${log}`)), 60_000);
    const listen = (chunk: Buffer) => {
      log += chunk.toString();
      const started = /Server at (http:\S+)/.exec(log);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    };
    server.stdout!.on("data", listen);
    server.stderr!.on("data", listen);
    server.on("exit", () => reject(new Error(`the dev server stopped:\n${log}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function article(slug: string, title: string, extra = ""): string {
  return `---\ntitle: ${title}\ndate: 2099-06-01 10:00\nslug: ${slug}\ntags: [城市]\n${extra}---\n\n刚刚写好的一段文字。\n`;
}

function writeArticle(name: string, text: string): void {
  writeFileSync(path.join(content, "articles", name), text);
}

async function get(urlPath: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(new URL(urlPath, base), { redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

const page = (text: string) => parseHTML(text).document as unknown as Document;

/** Asks again until `check` passes (the server rebuilds after a file is written), or fails with its last reason. */
async function eventually(check: () => Promise<void>, seconds = 20): Promise<void> {
  const until = performance.now() + seconds * 1000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > until) throw new Error(`${(error as Error).message}\n--- server log ---\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe("npm start", () => {
  it("serves the site under its path, with its assets, drafts and the 404 page", async () => {
    expect(base).toMatch(/\/archive\/$/);
    const home = await get("zh-hans/");
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html/);
    expect(page(home.text).documentElement.getAttribute("lang")).toBe("zh-Hans");
    expect((await get("zh-hant/articles/taipei-tea/")).status).toBe(200);
    // Drafts show while a person edits.
    expect(page((await get("zh-hans/articles/unfinished-draft/")).text).querySelector("h1")?.textContent).toBe("还没写完的草稿");
    expect((await get("css/site.css")).status).toBe(200);
    expect((await get("sitemap.xml")).type).toMatch(/^application\/xml/);
    expect((await get("zh-hans/feed.xml")).text).toContain("<feed");
    const missing = await get("zh-hans/articles/no-such-article/");
    expect(missing.status).toBe(404);
    expect(page(missing.text).body.className).toBe("page-404");
    const unslashed = await get("zh-hans/tags");
    expect(unslashed.status).toBe(301);
  });

  it("serves the archive's images from content/media/, and nothing else put there", async () => {
    const media = path.join(content, "media", "ok");
    mkdirSync(media, { recursive: true });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea73581840000000049454e44ae426082", "hex");
    writeFileSync(path.join(media, "0123456789abcdef.png"), png);
    writeFileSync(path.join(media, "evil.html"), "<script>alert(1)</script>");
    writeFileSync(path.join(media, "fedcba9876543210.png"), "<script>alert(1)</script>");
    const image = await fetch(new URL("media/ok/0123456789abcdef.png", base));
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);
    expect((await get("media/ok/evil.html")).status).toBe(404);
    expect((await get("media/ok/fedcba9876543210.png")).status).toBe(404);
  });

  it("serves a new article in both scripts and lists it on the home page", async () => {
    writeArticle("brand-new.md", article("brand-new", "新的测试文章"));
    await eventually(async () => {
      const hans = await get("zh-hans/articles/brand-new/");
      expect(hans.status).toBe(200);
      expect(page(hans.text).querySelector("h1")?.textContent).toBe("新的测试文章");
      const hant = await get("zh-hant/articles/brand-new/");
      expect(hant.status).toBe(200);
      expect(page(hant.text).querySelector("h1")?.textContent).toBe("新的測試文章");
    });
    const home = page((await get("zh-hans/")).text);
    const first = home.querySelector(".article-list a");
    expect(first?.textContent).toBe("新的测试文章");
    expect(first?.getAttribute("href")).toBe("/archive/zh-hans/articles/brand-new/");
  });

  it("shows an edited title, and keeps serving the stylesheet while it rebuilds", async () => {
    // A page loaded during the rebuild must not lose its stylesheet: ask for it all the while.
    let rebuilt = false;
    const stylesheetStatuses = new Set<number>();
    const askForStylesheet = (async () => {
      while (!rebuilt) stylesheetStatuses.add((await get("css/site.css")).status);
    })();
    writeArticle("brand-new.md", article("brand-new", "改过的标题"));
    try {
      await eventually(async () => {
        expect(page((await get("zh-hant/articles/brand-new/")).text).querySelector("h1")?.textContent).toBe("改過的標題");
        expect(page((await get("zh-hans/")).text).querySelector(".article-list a")?.textContent).toBe("改过的标题");
      });
    } finally {
      rebuilt = true;
      await askForStylesheet;
    }
    expect([...stylesheetStatuses]).toEqual([200]);
  });

  it("reloads an open page after a change", { skip: browserSkipReason() }, async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.goto(new URL("zh-hans/", base).href);
      writeArticle("another.md", article("another", "又一篇文章"));
      // Nothing here navigates the tab: only the dev server's live reload can bring the new article in.
      await tab.waitForFunction(() => document.querySelector(".article-list a")?.textContent === "又一篇文章", null, { timeout: 20_000 });
    } finally {
      await browser.close();
    }
  });

  it("reports a content problem plainly and keeps serving", async () => {
    const logBefore = log.length;
    writeArticle("bad.md", article("bad", "坏日期").replace("2099-06-01 10:00", "2024-13-45"));
    await eventually(async () => {
      const shown = await get("zh-hans/");
      expect(shown.status).toBe(500);
      expect(page(shown.text).querySelector("pre")?.textContent).toContain(`${path.join(content, "articles/bad.md")}: date: "2024-13-45" is not a date`);
    });
    const printed = log.slice(logBefore);
    expect(printed).toContain(`${path.join(content, "articles/bad.md")}: date: "2024-13-45" is not a date`);
    expect(printed).not.toMatch(/^\s+at /m);
    expect(server.exitCode).toBeNull();
    expect((await get("css/site.css")).status).toBe(200);

    // Fixed, the site is back.
    writeArticle("bad.md", article("bad", "好日期"));
    await eventually(async () => {
      expect((await get("zh-hans/articles/bad/")).status).toBe(200);
    });
  });
});
