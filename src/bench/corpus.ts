/**
 * An archive whose text has the statistics of real Chinese, for measuring search: the benchmark's
 * synthetic archive repeats 100 words, so every query word is on nearly every page a dozen times,
 * which no real archive does and which decides what a search transfers.
 *
 * Words are OpenCC's phrase list (46,000 real words) drawn by Zipf's law, as words are in real text,
 * mixed with the most frequent characters at about their real rates (的 is one character in 25).
 * The query words of the benchmark are chosen by rank in this vocabulary.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { configs } from "opencc-js/preset";
import { converterFrom } from "../convert/opencc.ts";
import { random, randomDate, startArchive } from "./synthetic.ts";

// The most frequent characters of modern Chinese text, most frequent first (about a fifth of all text).
const FREQUENT = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实";
const FREQUENT_SHARE = 0.3;

/** The vocabulary, most frequent first, in a fixed shuffled order. */
export function zipfVocabulary(seed = 7): string[] {
  const phrases = (configs as unknown as Record<string, { conversionChain: string[][] }>)["s2tw"]!.conversionChain[0]![0]!;
  const words = phrases
    .split("|")
    .map((line) => line.split(" ")[0]!)
    .filter((word) => /^\p{Script=Han}{2,4}$/u.test(word));
  const next = random(seed);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words;
}

export interface ZipfOptions {
  articles: number;
  seed?: number;
}

/** Writes `<dir>/site.json` and `<dir>/articles/<year>/<slug>.md`, 30% written in Traditional. */
export function writeZipfArchive(dir: string, options: ZipfOptions): string[] {
  const vocabulary = zipfVocabulary();
  const next = random(options.seed ?? 42);
  // Zipf–Mandelbrot: the word of rank r has weight 1 / (r + 2.7).
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) cumulative.push((total += 1 / (rank + 2.7)));
  const word = () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return vocabulary[low]!;
  };
  // Frequent characters by a steep law of their own: 的 leads.
  const frequent = () => FREQUENT[Math.floor(FREQUENT.length * next() ** 2.2)]!;
  const sentence = () => {
    let text = "";
    const length = 6 + Math.floor(next() * 12);
    for (let i = 0; i < length; i++) text += next() < FREQUENT_SHARE ? frequent() : word();
    return text + (next() < 0.6 ? "。" : "，");
  };
  const toTraditional = converterFrom("zh-Hans", "tw");
  const tags = Array.from({ length: 300 }, (_, i) => vocabulary[i * 7]!);
  startArchive(dir);
  for (let i = 0; i < options.articles; i++) {
    const date = randomDate(next);
    const traditional = next() < 0.3;
    const convert = (text: string) => (traditional ? toTraditional(text) : text);
    let body = "";
    const length = 1500 + next() * 2500;
    while ([...body].length < length) body += Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join("") + "\n\n";
    const slug = `article-${String(i).padStart(6, "0")}`;
    const frontMatter = {
      title: convert(`${word()}${frequent()}${word()}`),
      date: date.toISOString().slice(0, 16).replace("T", " "),
      lang: traditional ? "zh-Hant" : "zh-Hans",
      slug,
      tags: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => convert(tags[Math.floor(tags.length * next() ** 2)]!)))],
    };
    const year = path.join(dir, "articles", String(date.getUTCFullYear()));
    mkdirSync(year, { recursive: true });
    writeFileSync(path.join(year, `${slug}.md`), `---\n${yaml.dump(frontMatter)}---\n\n${convert(body)}`);
  }
  return vocabulary;
}
