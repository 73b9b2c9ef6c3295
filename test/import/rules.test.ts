/**
 * The importer's rules one by one, each on a small page of its own: bylines, editors and
 * photographers, site names, tags and categories, layout tables and figures.
 */
import { describe, it } from "node:test";
import { expect } from "expect";
import { readPage } from "../../src/import/page.ts";

const timeZone = "Asia/Shanghai";
const paragraphs = [
  "山区一所全校不到六十人的小学，这学期开设了一门特别的木工课，孩子们每周有两个下午在教室后面的工坊里学习锯木、刨平和打磨。",
  "带课的老师说，先学会尊重材料，后面的每一个步驟才会做得仔细，孩子们也在这里学会了耐心等待胶水干透。",
  "学期末，全班一起做出了教室里的新书架，家长们来参观时都很惊讶，有人说这比买来的还结实。",
];

/** A whole page around the article's own markup. */
function page(article: string, { head = "", title = "木工课上的书架", after = "" } = {}): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<article><h1>木工课上的书架</h1><p class="meta">发布时间：2023-05-30 09:15</p>${article}</article>${after}
<footer>© 2023 东屿新闻网 版权所有</footer></body></html>`);
}
const body = (first = paragraphs[0]) => [first, ...paragraphs.slice(1)].map((text) => `<p>${text}</p>`).join("");
const read = (bytes: Uint8Array) => readPage(bytes, { timeZone });

describe("bylines", () => {
  it("reads several reporters from a mark that opens the text, joined by 、", () => {
    expect(read(page(body(`〔記者王小明、李大華／台北報導〕${paragraphs[0]}`))).fields.author).toBe("王小明、李大華");
  });
  it("takes a reporters' mark that opens the first paragraph out of the body", () => {
    const { body: text } = read(page(body(`〔記者王小明／台北報導〕${paragraphs[0]}`)));
    expect(text.startsWith(paragraphs[0]!.slice(0, 10))).toBe(true);
  });
  it("never takes an editor's credit for the author", () => {
    expect(read(page(`${body()}<p class="author">责任编辑：王五</p>`)).fields.author).toBeUndefined();
  });
  it("never takes a photographer's credit for the author", () => {
    expect(read(page(`${body()}<p>（記者林雅婷攝）</p>`)).fields.author).toBeUndefined();
  });
  it("never takes an address for the author", () => {
    expect(read(page(`<p class="info">作者：@ http://blog.example.com/</p>${body()}`)).fields.author).toBeUndefined();
  });
});

describe("the site's name as the source", () => {
  it("is the part of the <title> that the copyright line names, when no line names a source", () => {
    expect(read(page(body(), { title: "木工课上的书架 - 东屿新闻网" })).fields.source).toBe("东屿新闻网");
  });
  it("is the blog's name its banner shows, not the platform's in og:site_name", () => {
    const bytes = page(body(), {
      title: "木工课上的书架 - 苏木的书房 - 拾光部落",
      head: '<meta property="og:site_name" content="拾光部落">',
    });
    const withBanner = new TextDecoder().decode(bytes).replace("<nav>", '<header><h1><a href="https://sumu.example.com/">苏木的书房</a></h1></header><nav>');
    expect(read(new TextEncoder().encode(withBanner)).fields.source).toBe("苏木的书房");
  });
});

describe("tags", () => {
  it("are the links after a label, without the site's buttons beside them", () => {
    const tags = '<div class="tagbox"><b>相關標籤：</b><a href="/tag/a">木工</a><a href="/tag/b">小学</a><a href="/errata">【纠错】</a></div>';
    expect(read(page(`${body()}${tags}`)).fields.tags).toEqual(["木工", "小学"]);
  });
  it("leave out the links after a category label", () => {
    const tags = '<div class="post-tags">标签：<a href="/t/1">木工</a> 分类：<a href="/c/1">教育新闻</a></div>';
    expect(read(page(`${body()}${tags}`)).fields.tags).toEqual(["木工"]);
  });
  it("are never a list of headlines, whatever its class says", () => {
    const topics = `<div class="topics">${["夏日消暑 全台冰店地图", "十二年国教 家长必读问答", "长照十年 照顾者的心声"].map((text, i) => `<a href="/t/${i}">${text}</a>`).join("")}</div>`;
    expect(read(page(`${body()}${topics}`)).fields.tags).toEqual([]);
  });
});

describe("layout", () => {
  it("unwraps a table that lays the text out, with no table left in the body", () => {
    const table = `<table><tr><td></td></tr>${paragraphs.map((text) => `<tr><td>${text}</td></tr><tr><td>&nbsp;</td></tr>`).join("")}</table>`;
    const { body: text } = read(page(table));
    expect(text).not.toContain("|");
    expect(text).toContain(paragraphs[2]);
  });
  it("keeps a table of data as a table", () => {
    const data = "<table><tr><td>年级</td><td>人数</td></tr><tr><td>一年级</td><td>12</td></tr><tr><td>二年级</td><td>9</td></tr></table>";
    expect(read(page(`${body()}${data}`)).body).toContain("| 一年级 | 12 |");
  });
  it("makes an image with its caption in the next table row a figure", () => {
    const figure = '<table><tr><td><img src="https://img.example.org/shelf.jpg"></td></tr><tr><td align="center">孩子们做出的书架</td></tr></table>';
    expect(read(page(`${figure}${body()}`)).body).toContain('(https://img.example.org/shelf.jpg "孩子们做出的书架")');
  });
});

describe("reporters' marks on text that only looks like one", () => {
  // The names' pattern once nested its repeats: a long run of characters after `（记者` took hours.
  it("reads a paragraph that opens like a reporters' mark but never closes it at once", { timeout: 20_000 }, () => {
    const run = "山区小学开了一门木工课孩子们亲手做出全班的书架".repeat(40);
    const { fields } = read(page(body(`（记者${run}`)));
    expect(fields.author).toBeUndefined();
  });
});
