// A real Eleventy build of a small fixture site (on a sub-path, two per page), checked page by page.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import assert from "node:assert/strict";
import { itEach } from "../each.ts";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildInto, exists, readPage, readText, PROJECT_ROOT } from "../helpers.ts";

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

const CONTENT = path.join(PROJECT_ROOT, "test/fixtures/site/content");
const BASE = "/archive";
let out: string;

beforeAll(async () => {
  out = await buildInto(CONTENT);
});

const hrefOf = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute("href");

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file));
}

describe("the pages made", () => {
  itEach([
    "/index.html",
    "/404.html",
    "/robots.txt",
    "/sitemap.xml",
    "/css/site.css",
    "/js/script-choice.js",
  ])("writes %s", (file) => expect(exists(out, file)).toBe(true));

  it("minifies the site's scripts (public/js/ stays as written)", () => {
    for (const file of ["js/script-choice.js", "js/highlight.js", "js/search/page.js", "js/search/query.js", "js/search/convert.js"]) {
      const written = readFileSync(path.join(PROJECT_ROOT, "public", file), "utf8");
      const built = readText(out, `/${file}`);
      expect(built.length).toBeLessThan(written.length * 0.75);
      expect(built).not.toMatch(/^\s*\/\//m);
    }
  });

  itEach(["zh-hans", "zh-hant"])("writes every kind of page in %s", (prefix) => {
    for (const page of [
      "/",
      "/page/2/",
      "/page/3/",
      "/articles/early-morning/",
      "/articles/taipei-tea/",
      "/articles/script-title/",
      "/articles/new-year/",
      "/articles/utc-late/",
      "/tags/",
      "/tags/cheng-shi/",
      "/tags/cheng-shi/page/2/",
      "/tags/ruan-jian/",
      "/tags/cha/",
      "/archive/",
      "/2024/",
      "/2024/page/2/",
      "/2024/03/",
      "/2024/05/",
      "/2025/",
      "/2025/01/",
      "/2025/02/",
      "/feed.xml",
    ]) {
      assert.ok(exists(out, `/${prefix}${page}`), `/${prefix}${page}`);
    }
  });

  it("leaves drafts out of a build", () => {
    expect(exists(out, "/zh-hans/articles/unfinished-draft/")).toBe(false);
    expect(readText(out, "/zh-hans/feed.xml")).not.toContain("还没写完的草稿");
  });

  it("writes no page of a month with no articles", () => {
    expect(exists(out, "/zh-hans/2024/04/")).toBe(false);
  });

  it("sets the lang of every page to its script", () => {
    expect(readPage(out, "/zh-hans/tags/").documentElement.getAttribute("lang")).toBe("zh-Hans");
    expect(readPage(out, "/zh-hant/2024/03/").documentElement.getAttribute("lang")).toBe("zh-Hant");
    expect(readPage(out, "/zh-hant/articles/early-morning/").documentElement.getAttribute("lang")).toBe("zh-Hant");
  });
});

describe("dates and time zones", () => {
  it("puts an article written at 07:00 on 1 March (site time) on the March page", () => {
    const march = readPage(out, "/zh-hans/2024/03/");
    expect(march.querySelector(".article-list")?.textContent).toContain("清晨写下的软件笔记");
    expect(readText(out, "/zh-hans/articles/early-morning/")).toContain("2024年3月1日");
  });

  it("shows a UTC time in the site's zone: 31 January 17:30Z is 1 February in Shanghai", () => {
    expect(readPage(out, "/zh-hans/2025/02/").querySelector(".article-list")?.textContent).toContain("跨越午夜的时区");
    expect(readText(out, "/zh-hans/articles/utc-late/")).toContain('datetime="2025-02-01T01:30:00+08:00"');
  });

  it("lists years and months with counts on the archive page", () => {
    const doc = readPage(out, "/zh-hans/archive/");
    const years = [...doc.querySelectorAll(".archive-year h2")].map((h) => h.textContent);
    expect(years).toEqual(["2025年2", "2024年3"]);
  });
});

describe("the two scripts", () => {
  it("converts a Simplified article to Traditional with the site's overrides", () => {
    const doc = readPage(out, "/zh-hant/articles/early-morning/");
    expect(doc.querySelector(".article-title")?.textContent).toBe("清晨寫下的軟件筆記");
    const body = doc.querySelector(".prose")!;
    expect(body.textContent).toContain("頭髮乾了以後");
    // Code, link addresses and heading ids are never converted.
    expect(body.querySelector("code")?.textContent).toBe("软件 不转换");
    expect(body.querySelector("pre")?.textContent).toContain("# 软件 代码块不转换");
    expect(body.querySelector("a[href^='https://example.com']")?.getAttribute("href")).toBe("https://example.com/%E8%BD%AF%E4%BB%B6");
    expect(body.querySelector("h2")?.getAttribute("id")).toBe("起因");
  });

  it("converts a Traditional article to Simplified, keeping kept terms and spans", () => {
    const doc = readPage(out, "/zh-hans/articles/taipei-tea/");
    expect(doc.querySelector(".article-title")?.textContent).toBe("台北的茶与软件");
    const body = doc.querySelector(".prose")!;
    expect(body.textContent).toContain("巷子里有一家林記茶行");
    expect(body.querySelector("span.keep")?.textContent).toBe("原樣保留");
    expect(body.querySelector("span.keep")?.getAttribute("lang")).toBe("zh-Hant");
    expect(body.querySelector("figcaption")?.textContent).toBe("茶杯的说明");
    expect(body.querySelector("img")?.getAttribute("src")).toBe(`${BASE}/images/cup.svg`);
  });

  it("says on a converted page that it was converted, in its own script, linking the original", () => {
    const converted = readPage(out, "/zh-hant/articles/early-morning/");
    const note = converted.querySelector(".conversion-note")!;
    expect(note.textContent).toContain("自動轉換");
    expect(note.querySelector("a")?.getAttribute("href")).toBe(`${BASE}/zh-hans/articles/early-morning/`);
    expect(readPage(out, "/zh-hans/articles/early-morning/").querySelector(".conversion-note")).toBeNull();
    expect(readPage(out, "/zh-hans/articles/taipei-tea/").querySelector(".conversion-note")?.textContent).toContain("自动转换");
  });

  it("makes each version its own canonical URL, so search engines keep both scripts", () => {
    for (const prefix of ["zh-hans", "zh-hant"]) {
      const doc = readPage(out, `/${prefix}/articles/taipei-tea/`);
      expect(hrefOf(doc, "link[rel=canonical]")).toBe(`https://example.org/archive/${prefix}/articles/taipei-tea/`);
    }
  });

  it("names both versions as hreflang alternates, and the original as x-default", () => {
    for (const prefix of ["zh-hans", "zh-hant"]) {
      const doc = readPage(out, `/${prefix}/articles/taipei-tea/`);
      expect(hrefOf(doc, "link[rel=alternate][hreflang=x-default]")).toBe("https://example.org/archive/zh-hant/articles/taipei-tea/");
      expect(hrefOf(doc, "link[rel=alternate][hreflang=zh-Hans]")).toBe("https://example.org/archive/zh-hans/articles/taipei-tea/");
      expect(hrefOf(doc, "link[rel=alternate][hreflang=zh-Hant]")).toBe("https://example.org/archive/zh-hant/articles/taipei-tea/");
    }
  });

  it("treats 软件 and 軟件 as one tag with one URL key in both scripts", () => {
    const hans = readPage(out, "/zh-hans/tags/ruan-jian/");
    const hant = readPage(out, "/zh-hant/tags/ruan-jian/");
    expect(hans.querySelector(".page-title")?.textContent).toBe("标签：软件");
    expect(hant.querySelector(".page-title")?.textContent).toBe("標籤：軟件");
    expect(hans.querySelectorAll(".article-item")).toHaveLength(2);
    expect(hant.querySelectorAll(".article-item")).toHaveLength(2);
  });

  it("points the switch on every page to the same page in the other script", () => {
    const html = allFiles(out).filter((file) => /zh-han[st].*\.html$/.test(file));
    expect(html.length).toBeGreaterThan(40);
    for (const file of html) {
      const urlPath = "/" + path.relative(out, file).replace(/index\.html$/, "");
      const doc = readPage(out, urlPath);
      const other = urlPath.startsWith("/zh-hans/") ? urlPath.replace("/zh-hans/", "/zh-hant/") : urlPath.replace("/zh-hant/", "/zh-hans/");
      assert.equal(hrefOf(doc, ".script-switch"), BASE + other, urlPath);
      assert.ok(exists(out, other), other);
    }
  });

  it("switches page 2 of a tag to page 2 of the same tag", () => {
    expect(hrefOf(readPage(out, "/zh-hant/tags/cheng-shi/page/2/"), ".script-switch")).toBe(`${BASE}/zh-hans/tags/cheng-shi/page/2/`);
  });
});

describe("escaping", () => {
  it("shows a title with markup as text wherever it appears", () => {
    const article = readText(out, "/zh-hans/articles/script-title/");
    expect(article).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 标题 - 测试文存</title>");
    expect(readPage(out, "/zh-hans/articles/script-title/").querySelector("h1")?.textContent).toBe("<script>alert(1)</script> & 标题");
    expect(readPage(out, "/zh-hans/2024/05/").querySelector(".article-list")?.textContent).toContain("<script>alert(1)</script>");
    expect(readPage(out, "/zh-hans/2024/05/").querySelector(".article-item-summary")?.textContent).toBe("<img src=x onerror=alert(2)>");
  });

  it("lets no script, event handler or javascript: link from content into any page or feed", () => {
    const files = allFiles(out).filter((f) => /\.(html|xml)$/.test(f));
    for (const file of files) {
      const text = readText(out, "/" + path.relative(out, file));
      assert.doesNotMatch(text, /<script>|<img src=x/i, file);
      // Feeds carry article HTML escaped in <content type="html">: unescape it and check it as HTML
      // too (<summary> is Atom text, shown as text by readers).
      const documents = file.endsWith(".xml")
        ? [...text.matchAll(/<content type="html"[^>]*>([\s\S]*?)<\/content>/g)].map((m) => parseHTML(`<div>${unescapeXml(m[1]!)}</div>`).document)
        : [parseHTML(text).document];
      for (const doc of documents) {
        for (const element of doc.querySelectorAll("*")) {
          for (const attr of element.attributes) {
            assert.doesNotMatch(attr.name, /^on/i, `${file}: <${element.localName} ${attr.name}>`);
            assert.doesNotMatch(attr.value.trim(), /^javascript:/i, `${file}: ${attr.name}`);
          }
        }
        for (const script of doc.querySelectorAll("script")) {
          assert.match(script.getAttribute("src") ?? "", /\/js\/(script-choice|highlight|search\/page)\.js$/, file);
        }
      }
    }
  });

  it("escapes tags with markup in tag lists and tag pages", () => {
    const tags = readPage(out, "/zh-hans/tags/");
    expect([...tags.querySelectorAll(".tag-cloud .tag")].map((a) => a.textContent)).toContain("<b>粗体</b>1");
    expect(tags.querySelector(".tag-cloud b")).toBeNull();
  });
});

describe("lists and pagination", () => {
  it("paginates the home page newest first, two per page", () => {
    const first = readPage(out, "/zh-hans/");
    expect([...first.querySelectorAll(".article-item-title")].map((h) => h.textContent)).toEqual(["跨越午夜的时区", "新年的城市"]);
    expect(hrefOf(first, ".pagination-next")).toBe(`${BASE}/zh-hans/page/2/`);
    const last = readPage(out, "/zh-hans/page/3/");
    expect(hrefOf(last, ".pagination-prev")).toBe(`${BASE}/zh-hans/page/2/`);
    expect(last.querySelector(".pagination-next")).toBeNull();
  });

  it("links an article to its older and newer neighbours", () => {
    const doc = readPage(out, "/zh-hans/articles/taipei-tea/");
    expect(hrefOf(doc, ".article-nav-prev")).toBe(`${BASE}/zh-hans/articles/early-morning/`);
    expect(hrefOf(doc, ".article-nav-next")).toBe(`${BASE}/zh-hans/articles/script-title/`);
  });

  it("shows the date, author, source and original link of an article", () => {
    const meta = readPage(out, "/zh-hans/articles/early-morning/").querySelector(".article-meta")!;
    expect(meta.querySelector("time")?.textContent).toBe("2024年3月1日");
    expect(meta.querySelector("time")?.getAttribute("datetime")).toBe("2024-03-01T07:00:00+08:00");
    expect(meta.textContent).toContain("作者：林远");
    expect(meta.querySelector(".article-source a")?.getAttribute("href")).toBe("https://example.com/early");
  });

  it("shows the author and source converted on the page in the other script, marked in its script", () => {
    const meta = readPage(out, "/zh-hant/articles/early-morning/").querySelector(".article-meta")!;
    expect(meta.querySelector(".article-author [lang]")?.textContent).toBe("林遠");
    expect(meta.querySelector(".article-author [lang]")?.getAttribute("lang")).toBe("zh-Hant");
    expect(meta.querySelector(".article-source a")?.textContent).toBe("測試周刊");
  });
});

describe("feeds, sitemap and robots", () => {
  it("writes an Atom feed per script with absolute links and converted text", () => {
    const feed = readText(out, "/zh-hant/feed.xml");
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hant">');
    expect(feed).toContain('<link href="https://example.org/archive/zh-hant/feed.xml" rel="self"');
    expect(feed).toContain("<title>清晨寫下的軟件筆記</title>");
    expect(feed.match(/<entry>/g)).toHaveLength(5);
    // Entry HTML is escaped text inside the XML, not markup.
    expect(feed).toContain("&lt;p&gt;");
  });

  it("lists both scripts of every page in the sitemap with hreflang", () => {
    const sitemap = readText(out, "/sitemap.xml");
    expect(sitemap).toContain("<loc>https://example.org/archive/zh-hans/articles/early-morning/</loc>");
    expect(sitemap).toContain("<loc>https://example.org/archive/zh-hant/articles/early-morning/</loc>");
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="zh-Hant" href="https://example.org/archive/zh-hant/articles/early-morning/"/>');
    const locs = sitemap.match(/<loc>/g)!.length;
    // The search pages say noindex and stay out of it.
    const pages = allFiles(out).filter((f) => /zh-han[st].*index\.html$/.test(f) && !/search\/index\.html$/.test(f)).length;
    expect(locs).toBe(pages);
  });

  it("names the sitemap in robots.txt", () => {
    expect(readText(out, "/robots.txt")).toContain("Sitemap: https://example.org/archive/sitemap.xml");
  });

  it("offers both scripts as plain links on the root page, with the redirect script", () => {
    const root = readPage(out, "/index.html");
    const links = [...root.querySelectorAll(".script-choice a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([`${BASE}/zh-hans/`, `${BASE}/zh-hant/`]);
    expect(root.querySelector("script[data-redirect]")?.getAttribute("data-redirect")).toBe(`${BASE}/`);
  });
});
