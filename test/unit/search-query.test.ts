// The search page's query handling (public/js/search/query.js), which runs in the browser: terms,
// what is asked of Pagefind, the index's characters, and excerpts.
import { describe, it } from "node:test";
import { expect } from "expect";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { itEach } from "../each.ts";
import { PROJECT_ROOT } from "../helpers.ts";
import { CharacterCollector } from "../../src/search/characters.ts";
import { ONE_POSITION, roundWordCount } from "../../src/search/bundle.ts";

interface Term {
  kind: "han" | "word";
  text: string;
}
interface QueryModule {
  queryTerms(query: string): Term[];
  pagefindQueries(term: Term): { match: string; rank?: string; pairs?: string[] };
  hanWords(run: string): string[];
  indexedText(rawContent: string): string[];
  characterTest(set: { block: string; others: string }): (text: string) => boolean;
  excerpt(
    data: { raw_content: string; meta: { title?: string }; anchors?: { id: string; location: number }[] },
    words: number[],
    length?: number,
  ): { text: string; marked: boolean }[];
}

const query = (await import(pathToFileURL(path.join(PROJECT_ROOT, "public/js/search/query.js")).href)) as QueryModule;

describe("queryTerms", () => {
  itEach<[string, Term[]]>([
    ["软件", [{ kind: "han", text: "软件" }]],
    ["GPT-4 差距", [{ kind: "word", text: "GPT-4" }, { kind: "han", text: "差距" }]],
    ["GPT-4差距", [{ kind: "word", text: "GPT-4" }, { kind: "han", text: "差距" }]],
    ["ｇｐｔ－４　差距", [{ kind: "word", text: "gpt-4" }, { kind: "han", text: "差距" }]],
    ["「軟件」、《發展》！", [{ kind: "han", text: "軟件" }, { kind: "han", text: "發展" }]],
    ["Node.js 和 C++、C#", [{ kind: "word", text: "Node.js" }, { kind: "han", text: "和" }, { kind: "word", text: "C++" }, { kind: "word", text: "C#" }]],
    ["茶 茶 茶", [{ kind: "han", text: "茶" }]],
    ["……。，", []],
  ])("%s", (text, terms) => {
    expect(query.queryTerms(text)).toEqual(terms);
  });
});

describe("pagefindQueries", () => {
  const words = (run: string) => query.hanWords(run);
  it("asks for a word of two characters as its pair, exactly (never a shorter word Pagefind has), and loosely to rank", () => {
    const [pair] = words("软件");
    expect(query.pagefindQueries({ kind: "han", text: "软件" })).toEqual({ match: `"${pair}"`, rank: pair, pairs: [pair] });
  });
  it("asks for more characters as the exact phrase of their pairs, loosely to rank the pages, and each pair to find every place", () => {
    const [a, b, c] = words("开源软件");
    expect(query.pagefindQueries({ kind: "han", text: "开源软件" })).toEqual({ match: `"${a} ${b} ${c}"`, rank: `${a} ${b} ${c}`, pairs: [a, b, c] });
  });
  it("asks for one character as the prefix of the pairs it starts, and a word of another script as it is", () => {
    const [one] = words("茶");
    expect(one).toHaveLength(6);
    expect(words("茶馆")[0]!.startsWith(one!)).toBe(true);
    expect(query.pagefindQueries({ kind: "han", text: "茶" })).toEqual({ match: one });
    expect(query.pagefindQueries({ kind: "word", text: "GPT-4" })).toEqual({ match: "GPT-4" });
  });
});

describe("characterTest", () => {
  it("says whether the index has every Han character of a text", () => {
    const collector = new CharacterCollector();
    collector.add("頭髮和發展 𠀀");
    const has = query.characterTest(collector.toJSON());
    expect(has("頭髮")).toBe(true);
    expect(has("GPT-4 發展")).toBe(true);
    expect(has("𠀀")).toBe(true);
    expect(has("头发")).toBe(false);
    expect(has("發展史")).toBe(false);
  });
});

describe("indexedText", () => {
  it("reads the text the build stores: a run of Han characters one piece, one position a character", () => {
    const raw = ["GPT", "-", "4 ", "差距", "， ", "发展", "a&lt;b&gt;"].join("\u200B");
    expect(query.indexedText(raw).join("")).toBe("GPT-4差距，发展a<b>");
    expect(query.indexedText(raw).slice(3, 6)).toEqual(["差", "距", "，"]);
  });

  it("reads a piece the zh-Hant text spreads over one position as one, whatever its length", () => {
    const raw = ["記憶" + ONE_POSITION, "體" + ONE_POSITION, "不足"].join("\u200B");
    expect(query.indexedText(raw).map((piece) => piece.replace(ONE_POSITION, ""))).toEqual(["記憶", "體", "不", "足"]);
  });
});

describe("excerpt", () => {
  // Pagefind's text of a page, as it stores it: one piece per word, a zero-width space between.
  const textOf = (title: string, body: string) => {
    const pieces = [title, ". ", body.replace(/[，。]/g, "")];
    return { raw_content: pieces.join("\u200B"), meta: { title }, anchors: [{ id: "article-text", location: [...title].length + 1 }] };
  };
  const data = textOf("標題", "開頭的一句話然後講到軟件的發展後面還有很多很多很多很多的字");
  const body = "開頭的一句話然後講到軟件的發展後面還有很多很多很多很多的字";
  const at = (text: string) => [...body].indexOf(text[0]!) + 3;

  it("marks the matched words, a run of them as one mark", () => {
    const start = at("軟件");
    const pieces = query.excerpt(data, [start, start + 1], 100);
    expect(pieces.filter((piece) => piece.marked).map((piece) => piece.text)).toEqual(["軟件"]);
    expect(pieces.map((piece) => piece.text).join("")).toBe(body);
  });

  it("shows the stretch with the matches, with … where text is left out", () => {
    const start = at("發展");
    const text = query
      .excerpt(data, [start, start + 1], 8)
      .map((piece) => (piece.marked ? `[${piece.text}]` : piece.text))
      .join("");
    expect(text).toMatch(/^…/);
    expect(text).toContain("[發展]");
    expect(text).toMatch(/…$/);
  });

  it("starts with the article's text, not the title, when only the title matched", () => {
    const pieces = query.excerpt(data, [0, 1], 6);
    expect(pieces.some((piece) => piece.marked)).toBe(false);
    expect(pieces.map((piece) => piece.text).join("")).toBe("開頭的一句話…");
  });

  it("keeps text from the index as text: markup in it stays visible, never becomes elements", () => {
    const pieces = query.excerpt({ raw_content: "a&lt;b&gt;\u200Bc", meta: {} }, [], 10);
    expect(pieces.map((piece) => piece.text).join("")).toBe("a<b>c");
  });
});

describe("roundWordCount", () => {
  it("keeps a page's word count within 2.5 %, in order, and never makes a page empty", () => {
    let last = 0;
    for (let words = 1; words < 50_000; words++) {
      const rounded = roundWordCount(words);
      // 2.5 %, and half a word, as the steps are whole words.
      expect(Math.abs(rounded - words)).toBeLessThanOrEqual(0.025 * words + 0.5);
      expect(rounded).toBeGreaterThanOrEqual(last);
      expect(rounded).toBeGreaterThan(0);
      last = rounded;
    }
    // 1,000 to 10,999 words in 50 steps.
    expect(new Set(Array.from({ length: 10_000 }, (_, i) => roundWordCount(1000 + i))).size).toBeLessThanOrEqual(50);
  });
});
