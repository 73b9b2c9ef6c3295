/**
 * Deterministic saved web pages for the import benchmark: a mix of the kinds the importer meets
 * (a news portal page with JSON-LD, a WordPress post, a GBK portal page, a text dump), each about
 * 100 KB with the scripts, styles, navigation, sidebars and comments real pages carry.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { random, WORDS } from "./synthetic.ts";

export interface SyntheticPagesOptions {
  pages: number;
  seed?: number;
}

/** Writes the pages into `dir` (in sub-folders of 500, as scrapers do) and returns their total bytes. */
export function writeSyntheticPages(dir: string, options: SyntheticPagesOptions): number {
  const next = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = () => Array.from({ length: 6 + Math.floor(next() * 10) }, () => pick(WORDS)).join("") + pick(["。", "。", "，", "？"]);
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join("");
  const title = () => `${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}的${pick(WORDS)}${pick(WORDS)}`;
  const day = () => `20${10 + Math.floor(next() * 15)}-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
  // What makes real pages heavy: inline scripts and styles, menus, lists of other posts.
  const script = () =>
    `<script>${`var _hmt=_hmt||[];(function(){var hm=document.createElement('script');hm.src='https://stats.example.com/hm.js?${Math.floor(next() * 1e9)}';})();
`.repeat(300)}</script>`;
  const style = () => `<style>${".nav li a{color:#333;padding:0 12px;font-size:14px}.sidebar .item{margin:8px 0;border-bottom:1px dotted #ccc}\n".repeat(150)}</style>`;
  const nav = () => `<div class="nav"><ul>${Array.from({ length: 40 }, () => `<li><a href="https://www.example.com/${pick(WORDS)}/">${pick(WORDS)}</a></li>`).join("")}</ul></div>`;
  const related = (heading: string) =>
    `<div class="related"><h3>${heading}</h3><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="https://www.example.com/p/${i}.html">${title()}</a><span>${day()}</span></li>`).join("")}</ul></div>`;
  const comments = () => `<div class="comments">${Array.from({ length: 60 }, () => `<div class="comment"><span class="name">${pick(WORDS)}</span><span>${day()}</span><p>${sentence()}</p></div>`).join("")}</div>`;
  const body = () => Array.from({ length: 12 + Math.floor(next() * 10) }, (_, i) => (i % 5 === 4 ? `<h2>${pick(WORDS)}${pick(WORDS)}</h2>` : `<p>${paragraph()}</p>`)).join("\n");

  const kinds = [
    (t: string, d: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${t}_示例新闻网</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${t}","datePublished":"${d}T08:30:00+08:00","keywords":"${pick(WORDS)},${pick(WORDS)}","author":{"@type":"Person","name":"${pick(WORDS)}"},"publisher":{"@type":"Organization","name":"示例新闻网"}}</script>
${style()}${script()}</head><body>${nav()}<div class="main"><div class="article-content"><h1>${t}</h1>${body()}</div>${related("相关阅读")}</div><div class="sidebar">${related("热门文章")}</div>${comments()}<div class="footer">版权所有 示例新闻网</div>${script()}</body></html>`,
    (t: string, d: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${t} | 某某的博客</title>${style()}${script()}</head><body>${nav()}
<article class="post"><header><h1 class="entry-title">${t}</h1><time datetime="${d}T21:05:00+08:00">${d}</time></header><div class="entry-content">${body()}</div>
<footer>${Array.from({ length: 3 }, () => `<a rel="tag" href="https://blog.example.net/tag/x/">${pick(WORDS)}</a>`).join(" ")}</footer></article>
<div class="reward">打赏 微信扫一扫</div>${related("相关推荐")}${comments()}${script()}</body></html>`,
    (t: string, d: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${t}-示例门户</title>${style()}${script()}</head><body>${nav()}
<div class="con"><h1>${t}</h1><div class="info">发布时间：${d} 10:20 来源：示例日报 作者：${pick(WORDS)}</div><div id="zoom">${body()}</div></div>${related("相关新闻")}${nav()}${script()}</body></html>`,
    (t: string, d: string) => `${t}\n\n${t}\n\n首页\n新闻\n登录 注册\n\n作者：${pick(WORDS)} 发布时间：${d} 09:00\n\n` +
      Array.from({ length: 30 }, (_, i) => (i % 6 === 5 ? `${pick(WORDS)}${pick(WORDS)}` : paragraph())).join("\n\n") +
      `\n\n以上就是${t}的详细内容\n\n相关推荐\n` + Array.from({ length: 250 }, () => `${title()}\n${paragraph()}\n${day()}`).join("\n") + "\n",
  ];
  let bytes = 0;
  for (let i = 0; i < options.pages; i++) {
    const kind = i % kinds.length;
    const text = kinds[kind]!(title(), day());
    const data = kind === 2 ? iconv.encode(text, "gbk") : Buffer.from(text);
    const folder = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, "0")}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `page-${String(i).padStart(6, "0")}.${kind === 3 ? "txt" : "html"}`), data);
    bytes += data.length;
  }
  return bytes;
}
