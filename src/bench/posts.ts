/**
 * A synthetic Jekyll archive as real ones are kept (`_posts/` with dates in the file names, some
 * with one-digit months and days; categories as a list or a space-separated text; tags written as
 * numbers; `layout`, `comments` and `image_feature`; raw HTML; a Traditional post with a Simplified
 * preface; addresses typed with full-width punctuation or without a scheme), and the bench step that
 * moves it in with the importer and builds it: the figures, and every failure, error and broken link.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { converterFrom } from "../convert/opencc.ts";
import { importFiles } from "../import/run.ts";
import { listInputs } from "../import/inputs.ts";
import { random, startArchive, WORDS } from "./synthetic.ts";

/** Writes `count` posts into `<dir>/_posts/`; returns the folder. */
export function writeJekyllArchive(dir: string, count: number, seed = 7): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const toHant = converterFrom("zh-Hans", "tw");
  const sentence = () => Array.from({ length: 6 + Math.floor(next() * 10) }, () => pick(WORDS)).join("") + pick(["。", "，", "？"]);
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join("");
  const posts = path.join(dir, "_posts");
  mkdirSync(posts, { recursive: true });
  for (let i = 0; i < count; i++) {
    const year = 2012 + (i % 12);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    // Jekyll reads 2019-2-6- as well as 2019-02-06-.
    const date = i % 5 === 0 ? `${year}-${month}-${day}` : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const traditional = i % 4 === 0;
    const write = (text: string) => (traditional ? toHant(text) : text);
    const categories = i % 2 === 0 ? `categories: [${pick(WORDS)}, ${pick(WORDS)}]` : `categories: ${pick(WORDS)} ${pick(WORDS)}`;
    const tags = i % 7 === 0 ? `tags: ${[996, 404, 2024][i % 3]}` : `tags: [${pick(WORDS)}, ${pick(WORDS)}]`;
    const front = [
      "---",
      "layout: post",
      `title: ${write(`${pick(WORDS)}${pick(WORDS)}的${pick(WORDS)}`)}`,
      categories,
      tags,
      `description: ${write(sentence())}`,
      i % 3 === 0 ? "comments: true" : "",
      i % 6 === 0 ? `image_feature: /assets/img/post-${i}.jpg` : "",
      i % 50 === 0 ? "published: false" : "",
      "---",
    ].filter(Boolean);
    const body = [
      // An archiver's preface in Simplified, above a Traditional post.
      traditional && i % 8 === 0 ? `本文来自${pick(WORDS)}，转载时略有删节。` : "",
      write(paragraph()),
      i % 3 === 0 ? `<center>${write(sentence())}</center>` : "",
      i % 4 === 1 ? `<figure><img src="https://img.example.com/${i}.jpg" alt="${write(pick(WORDS))}"><figcaption>${write(sentence())}</figcaption></figure>` : "",
      i % 5 === 2 ? `${write(sentence())}<br>${write(sentence())}` : "",
      i % 9 === 0 ? `| ${write(pick(WORDS))} | ${write(pick(WORDS))} |\n| --- | --- |\n| ${write(pick(WORDS))} | ${write(pick(WORDS))} |` : "",
      i % 10 === 3 ? `[原文](https：//example.com/post/${i}？from＝rss)、[主页](www.example.com/about/)` : "",
      write(paragraph()),
    ].filter(Boolean);
    writeFileSync(path.join(posts, `${date}-post-${i}.md`), `${front.join("\n")}\n\n${body.join("\n\n")}\n`);
  }
  return posts;
}

export interface PostsImportFigures {
  posts: number;
  imported: number;
  skipped: number;
  failed: string[];
  importSeconds: number;
}

/** Imports the posts of `postsDir` into a new archive at `contentDir`, as `npm run import` does. */
export function importJekyllArchive(postsDir: string, contentDir: string): PostsImportFigures {
  startArchive(contentDir);
  const listed = listInputs([postsDir]);
  const started = performance.now();
  const entries = [...importFiles(listed.inputs, { contentDir, timeZone: "Asia/Shanghai" })];
  return {
    posts: listed.inputs.length,
    imported: entries.filter((entry) => entry.status === "imported").length,
    skipped: entries.filter((entry) => entry.status === "skipped").length,
    failed: entries.filter((entry) => entry.status === "failed").map((entry) => `${entry.input}: ${entry.reason}`),
    importSeconds: (performance.now() - started) / 1000,
  };
}
