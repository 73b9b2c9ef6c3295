/**
 * A deterministic synthetic archive for the benchmark: realistic lengths (about 1,500–4,000
 * characters a body), tags drawn unevenly from a pool as real archives do, a share of articles
 * written in Traditional, dates over ten years.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { converterFrom } from "../convert/opencc.ts";

export const WORDS = (
  "城市 发展 技术 软件 历史 文化 经济 教育 社会 环境 研究 数据 网络 系统 设计 市场 政策 交通 音乐 电影 " +
  "阅读 写作 旅行 饮食 茶叶 咖啡 头发 时间 以后 里面 公里 干净 干部 皇后 着急 著作 问题 方法 经验 变化 " +
  "人们 我们 他们 今天 明天 过去 未来 学校 医院 公司 工厂 农村 山区 河流 天气 季节 春天 夏天 秋天 冬天 " +
  "开始 结束 认为 发现 希望 需要 可以 应该 已经 正在 非常 比较 特别 一直 总是 终于 于是 因为 所以 但是"
).split(" ");
const TAG_POOL = Array.from({ length: 300 }, (_, i) => `${WORDS[i % WORDS.length]}${WORDS[(i * 7 + 3) % WORDS.length]}`);

/** Mulberry32: a small seeded generator, so every run writes the same archive. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The benchmark archive's folder and its site.json. */
export function startArchive(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "site.json"), JSON.stringify({ url: "https://bench.example.net/", perPage: 20 }));
}

/** A date in the ten years 2015–2024. */
export function randomDate(next: () => number): Date {
  const start = Date.UTC(2015, 0, 1);
  return new Date(start + Math.floor(next() * (Date.UTC(2025, 0, 1) - start)));
}

export interface SyntheticOptions {
  articles: number;
  /** Share written in Traditional. */
  traditionalShare?: number;
  seed?: number;
}

/** Writes `<dir>/site.json` and `<dir>/articles/<year>/<slug>.md`; returns the article count. */
export function writeSyntheticArchive(dir: string, options: SyntheticOptions): number {
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // Zipf-like: a few tags are on many articles, most on few.
  const tag = () => TAG_POOL[Math.floor(TAG_POOL.length * next() ** 2.5)]!;
  const sentence = () => {
    const length = 6 + Math.floor(next() * 10);
    return Array.from({ length }, () => pick(WORDS)).join("") + pick(["。", "。", "，", "；", "？"]);
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join("");
  const toTraditional = converterFrom("zh-Hans", "tw");
  startArchive(dir);
  for (let i = 0; i < options.articles; i++) {
    const date = randomDate(next);
    const traditional = next() < (options.traditionalShare ?? 0.3);
    const convert = (text: string) => (traditional ? toTraditional(text) : text);
    const sections = 2 + Math.floor(next() * 3);
    const body = Array.from({ length: sections }, () =>
      [`## ${pick(WORDS)}${pick(WORDS)}`, ...Array.from({ length: 2 + Math.floor(next() * 3) }, paragraph)].join("\n\n"),
    ).join("\n\n");
    const tags = [...new Set(Array.from({ length: 2 + Math.floor(next() * 4) }, tag))];
    const slug = `article-${String(i).padStart(6, "0")}`;
    const frontMatter = {
      title: convert(`${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}的${pick(WORDS)}`),
      date: date.toISOString().slice(0, 16).replace("T", " "),
      slug,
      tags: tags.map(convert),
      ...(next() < 0.5 ? { summary: convert(sentence()) } : {}),
    };
    const year = path.join(dir, "articles", String(date.getUTCFullYear()));
    mkdirSync(year, { recursive: true });
    writeFileSync(path.join(year, `${slug}.md`), `---\n${yaml.dump(frontMatter)}---\n\n${convert(body)}\n`);
  }
  return options.articles;
}
