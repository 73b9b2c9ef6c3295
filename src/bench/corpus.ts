/**
 * An archive whose text has the word statistics of real Chinese, for measuring search: the
 * benchmark's synthetic archive repeats 100 words, so every query word is on nearly every page a
 * dozen times, which no real archive does and which decides what a search transfers.
 *
 * Words are drawn from jieba's dictionary at the frequencies it gives (349,000 words counted in
 * Chinese text, 60 million in all), and each article has a topic: a dozen words of two or more
 * characters that make a tenth of its text, so a word such as 软件 is dense in a few articles and
 * absent from most, as in real archives. Sentences are strings of such words; the characters are
 * real, the pairs within words are real, the pairs across words are as varied as chance makes them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import yaml from "js-yaml";
import { converterFrom } from "../convert/opencc.ts";
import { random, randomDate, startArchive } from "./synthetic.ts";

const TOPIC_WORDS = 12;
const TOPIC_SHARE = 0.1;
const TRADITIONAL_SHARE = 0.3;

/** A vocabulary with a sampler by frequency: `words` most frequent first. */
export interface Vocabulary {
  words: string[];
  /** A word at its frequency; `fromRank` draws only among words of that rank and lower. */
  draw(next: () => number, fromRank?: number): string;
}

let loaded: { words: string[]; counts: number[] } | undefined;

/** jieba's dictionary (word, count, part of speech per line): its words of Han characters, most frequent first. */
function dictionary(): { words: string[]; counts: number[] } {
  if (loaded) return loaded;
  // The dictionary file itself, not the package's native segmenter.
  const { dict } = createRequire(import.meta.url)("@node-rs/jieba/dict.js") as { dict: Buffer };
  const entries = dict
    .toString("utf8")
    .split("\n")
    .map((line) => line.split(" "))
    .filter(([word, count]) => word && /^\p{Script=Han}+$/u.test(word) && Number(count) > 0)
    .map(([word, count]) => ({ word: word!, count: Number(count) }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  loaded = { words: entries.map((entry) => entry.word), counts: entries.map((entry) => entry.count) };
  return loaded;
}

/** The dictionary's words, or those of `minLength` characters or more, with their sampler. */
export function vocabulary(minLength = 1): Vocabulary {
  const all = dictionary();
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  all.words.forEach((word, i) => {
    if ([...word].length < minLength) return;
    words.push(word);
    cumulative.push((total += all.counts[i]!));
  });
  return {
    words,
    draw(next, fromRank = 0) {
      const start = fromRank > 0 ? cumulative[fromRank - 1]! : 0;
      const target = start + next() * (total - start);
      let low = fromRank;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! <= target) low = mid + 1;
        else high = mid;
      }
      return words[low]!;
    },
  };
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
}

/** Writes `<dir>/site.json` and `<dir>/articles/<year>/<slug>.md`, 30% written in Traditional. */
export function writeCorpusArchive(dir: string, options: CorpusOptions): void {
  const all = vocabulary();
  // Topics are words of some meaning: not the hundred most frequent (我们, 一个, 没有).
  const longer = vocabulary(2);
  const next = random(options.seed ?? 42);
  const toTraditional = converterFrom("zh-Hans", "tw");
  const tags = Array.from({ length: 300 }, () => longer.draw(next, 100));
  startArchive(dir);
  for (let i = 0; i < options.articles; i++) {
    const topic = Array.from({ length: TOPIC_WORDS }, () => longer.draw(next, 100));
    const word = () => (next() < TOPIC_SHARE ? topic[Math.floor(next() * topic.length)]! : all.draw(next));
    const sentence = () => {
      let text = "";
      const length = 8 + Math.floor(next() * 16);
      for (let w = 0; w < length; w++) text += word();
      return text + (next() < 0.6 ? "。" : next() < 0.7 ? "，" : "？");
    };
    const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join("");
    let body = "";
    const length = 1500 + next() * 2500;
    while (body.length < length) {
      body += (next() < 0.15 ? `## ${topic[Math.floor(next() * topic.length)]}${word()}\n\n` : "") + paragraph() + "\n\n";
    }
    const date = randomDate(next);
    const traditional = next() < TRADITIONAL_SHARE;
    const convert = (text: string) => (traditional ? toTraditional(text) : text);
    const slug = `article-${String(i).padStart(6, "0")}`;
    const frontMatter = {
      title: convert(`${topic[0]}${all.draw(next)}${topic[1]}`),
      date: date.toISOString().slice(0, 16).replace("T", " "),
      lang: traditional ? "zh-Hant" : "zh-Hans",
      slug,
      tags: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => convert(tags[Math.floor(tags.length * next() ** 2)]!)))],
    };
    const year = path.join(dir, "articles", String(date.getUTCFullYear()));
    mkdirSync(year, { recursive: true });
    writeFileSync(path.join(year, `${slug}.md`), `---\n${yaml.dump(frontMatter)}---\n\n${convert(body)}`);
  }
}
