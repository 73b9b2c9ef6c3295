// Builds the sample archive in content/ and follows every internal link, asset and fragment.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildInto, exists, readPage, PROJECT_ROOT } from "../helpers.ts";
import { loadSettings } from "../../src/settings.ts";

const CONTENT = path.join(PROJECT_ROOT, "content");
const SITE_URL = loadSettings(CONTENT).url;
let out: string;
let pages: string[];

beforeAll(async () => {
  out = await buildInto(CONTENT);
  pages = readdirSync(out, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => "/" + file.split(path.sep).join("/"));
});

/** The site path a link on `page` points to, or null when it leaves the site. */
function internalTarget(page: string, link: string): URL | null {
  const base = new URL(page, SITE_URL);
  const url = new URL(link, base);
  const site = new URL(SITE_URL);
  if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return null;
  return url;
}

describe("the sample site's links", () => {
  it("builds a sizeable site in both scripts", () => {
    expect(pages.filter((p) => p.startsWith("/zh-hans/")).length).toBeGreaterThan(30);
    expect(pages.filter((p) => p.startsWith("/zh-hant/")).length).toBe(pages.filter((p) => p.startsWith("/zh-hans/")).length);
  });

  it("resolves every internal link, stylesheet, script and image, and every #fragment", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const doc = readPage(out, page);
      const refs = [
        ...[...doc.querySelectorAll("a[href], link[href]")].map((el) => el.getAttribute("href")!),
        ...[...doc.querySelectorAll("img[src], script[src]")].map((el) => el.getAttribute("src")!),
      ];
      for (const ref of refs) {
        const target = internalTarget(page, ref);
        if (!target) continue;
        checked++;
        const sitePath = "/" + target.pathname.slice(new URL(SITE_URL).pathname.length);
        if (!exists(out, sitePath)) {
          broken.push(`${page} → ${ref}`);
          continue;
        }
        if (target.hash && sitePath.endsWith("/")) {
          const id = decodeURIComponent(target.hash.slice(1));
          if (!readPage(out, sitePath).getElementById(id)) broken.push(`${page} → ${ref} (no #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("links an article to another by a relative URL that stays in the same script", () => {
    const linked = pages
      .filter((p) => p.includes("/articles/"))
      .flatMap((page) =>
        [...readPage(out, page).querySelectorAll(".prose a[href^='../']")].map((a) => ({ page, href: a.getAttribute("href")! })),
      );
    expect(linked.length).toBeGreaterThan(0);
    for (const { page, href } of linked) {
      expect(internalTarget(page, href)!.pathname.slice(0, 9)).toBe(page.slice(0, 9));
    }
  });
});

describe("the sample site's canonical and hreflang links, as a search engine reads them", () => {
  /** The pages a language-version link names: real pages, by their site paths. */
  const pagesWithHead = () => pages.filter((page) => readPage(out, page).querySelector('link[rel="canonical"]'));
  const full = (page: string) => new URL(page.replace(/index\.html$/, ""), SITE_URL).href;

  it("gives every page with a canonical link its own address, on the site's real url", () => {
    const wrong = pagesWithHead().filter((page) => {
      const href = readPage(out, page).querySelector('link[rel="canonical"]')!.getAttribute("href");
      // Pages that only send the reader on (old addresses of an article) name the article instead.
      return href !== full(page) && !readPage(out, page).querySelector('meta[http-equiv="refresh"]');
    });
    expect(wrong).toEqual([]);
  });

  it("names, on every page, both scripts' versions and an x-default, each an existing page that names it back", () => {
    const wrong: string[] = [];
    for (const page of pagesWithHead()) {
      const doc = readPage(out, page);
      if (doc.querySelector('meta[http-equiv="refresh"]')) continue;
      const alternates = new Map([...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute("hreflang")!, link.getAttribute("href")!]));
      for (const lang of ["zh-Hans", "zh-Hant", "x-default"]) {
        const href = alternates.get(lang);
        const target = href ? internalTarget(page, href) : null;
        if (!target || !exists(out, target.pathname.slice(new URL(SITE_URL).pathname.length - 1))) wrong.push(`${page}: ${lang} → ${href}`);
        else if (lang !== "x-default") {
          const back = readPage(out, target.pathname.slice(new URL(SITE_URL).pathname.length - 1));
          const backHrefs = [...back.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => link.getAttribute("href"));
          if (!backHrefs.includes(full(page))) wrong.push(`${page}: ${lang} version does not name it back`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("links in articles that lead nowhere", () => {
  let broken: { file?: string; message: string }[];
  const SOURCE = path.join(PROJECT_ROOT, "test/fixtures/site/content");

  beforeAll(async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const { temporaryDir } = await import("../temporary.ts");
    const { buildSite } = await import("../../src/build.ts");
    const content = path.join(temporaryDir("archive-links-"), "content");
    cpSync(SOURCE, content, { recursive: true });
    writeFileSync(
      path.join(content, "articles/2025/lianjie.md"),
      "---\ntitle: 链接\ndate: 2025-03-01\nslug: lianjie\n---\n\n" +
        "[有的文章](/zh-hans/articles/early-morning/)、[没有的文章](/zh-hans/articles/nowhere/)、" +
        "[相对的](../taipei-tea/)、[相对而没有的](../gone/)、[外面的](https://example.com/x)、[锚点](#top)。\n\n![没有的图](/media/lianjie/missing.png)\n",
    );
    broken = (await buildSite({ contentDir: content, outputDir: temporaryDir("archive-links-site-"), cacheDir: null })).brokenLinks;
  });

  it("warns of each internal link and image with no page or file behind it, naming the article's file", () => {
    const ofArticle = broken.filter((problem) => problem.file!.endsWith("lianjie.md"));
    expect(ofArticle.map((problem) => problem.message).sort()).toEqual(
      ['"../gone/" leads to no page or file of this site', '"/archive/media/lianjie/missing.png" leads to no page or file of this site', '"/archive/zh-hans/articles/nowhere/" leads to no page or file of this site'].sort(),
    );
  });

  it("finds the fixture's own image that no file stands behind", () => {
    // The fixture site has no images/ folder: its test of image markup points at nothing.
    expect(broken).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/taipei-tea\.md$/), message: '"/archive/images/cup.svg" leads to no page or file of this site' }));
  });
});
