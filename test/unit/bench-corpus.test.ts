// The benchmark's archive of real word statistics (src/bench/corpus.ts): valid articles, words at
// jieba's frequencies, topics that make a word dense in a few articles.
import { describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadArchive } from "../../src/archive.ts";
import { vocabulary, writeCorpusArchive } from "../../src/bench/corpus.ts";
import { temporaryDir } from "../temporary.ts";

describe("the benchmark's corpus", () => {
  it("draws words at their frequency, the commonest first", () => {
    const all = vocabulary();
    expect(all.words.slice(0, 10)).toEqual(expect.arrayContaining(["了", "是", "在", "的"]));
    let next = 0;
    const steady = () => ((next = (next * 69069 + 1) >>> 0) / 2 ** 32);
    const drawn = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) {
      const word = all.draw(steady);
      drawn.set(word, (drawn.get(word) ?? 0) + 1);
    }
    const [top, count] = [...drawn].sort((a, b) => b[1] - a[1])[0]!;
    expect(top).toBe(all.words[0]);
    // 了 is 883,634 of the dictionary's 60 million counts: 1.5 %.
    expect(count / 40_000).toBeGreaterThan(0.011);
    expect(count / 40_000).toBeLessThan(0.019);
    expect(vocabulary(2).words.every((word) => [...word].length >= 2)).toBe(true);
    // Past the hundred most frequent, never one of them.
    const longer = vocabulary(2);
    expect(Array.from({ length: 500 }, () => longer.draw(steady, 100)).some((word) => longer.words.indexOf(word) < 100)).toBe(false);
  });

  it("writes articles the site loads, in both scripts, each dense in its own topic", () => {
    const dir = temporaryDir("corpus-test-");
    writeCorpusArchive(dir, { articles: 40 });
    const archive = loadArchive({ contentDir: dir, cacheDir: null, includeDrafts: false });
    expect(archive.entries).toHaveLength(40);
    const traditional = archive.entries.filter((entry) => entry.article.lang === "zh-Hant").length;
    expect(traditional).toBeGreaterThan(4);
    expect(traditional).toBeLessThan(24);
    // A word of two characters or more is used again and again in one article, absent from most.
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    const texts = files.map((file) => readFileSync(path.join(dir, file), "utf8"));
    const simplified = texts.find((text) => text.includes("lang: zh-Hans"))!;
    // The title starts with the article's first topic word.
    const title = /title: (.+)/.exec(simplified)![1]!;
    const topicWord = vocabulary(2).words.find((word) => title.startsWith(word) && simplified.split(word).length > 6);
    expect(topicWord).toBeDefined();
    expect(texts.filter((text) => text.includes(topicWord!)).length).toBeLessThan(texts.length / 2);
  });
});
