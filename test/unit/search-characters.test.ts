// The text the search index sees: Han characters as overlapping pairs, written as ASCII words.
import { describe, it } from "node:test";
import { expect } from "expect";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { itEach } from "../each.ts";
import { PROJECT_ROOT } from "../helpers.ts";
import { CharacterCollector, decodeHanWord, hanWords, hasCharacter, keyGroup } from "../../src/search/characters.ts";
import { HAN_RUN_MARK, skeleton, TEXT_START_MARK } from "../../src/search/pagefind-text.ts";
import { textOfHtml } from "../../src/search/records.ts";

const browser = (await import(pathToFileURL(path.join(PROJECT_ROOT, "public/js/search/query.js")).href)) as {
  hanWords(run: string): string[];
};

// Readable names for the words: [软件] is the pair 软件, [件] a run's last character.
const show = (text: string) =>
  text.replace(/zq([0-9a-z]{4})([0-9a-z]{4})?/g, (_, a: string, b?: string) =>
    `[${String.fromCodePoint(parseInt(a, 36))}${b ? String.fromCodePoint(parseInt(b, 36)) : ""}]`,
  );

describe("hanWords", () => {
  itEach([
    ["软件", "[软件] [件]"],
    ["开源软件", "[开源] [源软] [软件] [件]"],
    ["茶", "[茶]"],
    ["𠀀字", "[𠀀字] [字]"],
  ])("writes %s as %s", (run, words) => {
    expect(show(hanWords(run).join(" "))).toBe(words);
  });

  it("is the rule the search page uses", () => {
    for (const run of ["软件", "頭髮與發展", "茶", "𠀀𠀁〇", "ＡＢ"]) expect(browser.hanWords(run)).toEqual(hanWords(run));
  });

  it("writes a word no dictionary cuts: ASCII letters and digits, one length per kind", () => {
    for (const word of hanWords("發展的後來")) expect(word).toMatch(/^zq[0-9a-z]{4}([0-9a-z]{4})?$/);
  });

  it("is read back as the character each word starts with, and nothing else is", () => {
    expect(hanWords("發展𠀀").map(decodeHanWord)).toEqual(["發", "展", "𠀀"]);
    // A word of the text that only looks like one: "zq0021" would be "!", "zqzzzz" no character at all.
    for (const word of ["zq0021", "zqzzzz", "zq0sbz0", "ZQ0SBZ", "zq0sbz0fli0"]) expect(decodeHanWord(word)).toBeUndefined();
  });
});

describe("keyGroup", () => {
  it("puts a word of either kind with the other words of its first character, and no other word", () => {
    const [pair] = hanWords("髮型");
    expect(keyGroup(pair!)).toBe(pair!.slice(0, 6));
    expect(keyGroup(`zr${pair!.slice(2)}`)).toBe(`zr${pair!.slice(2, 6)}`);
    expect(keyGroup("python")).toBeUndefined();
  });
});

describe("skeleton", () => {
  it("gives Pagefind each run of Han characters as one mark, and escapes markup", () => {
    expect(skeleton("GPT-4 与开源模型，软件a<b>")).toBe(`GPT-4  ${HAN_RUN_MARK} ， ${HAN_RUN_MARK} a&lt;b&gt;`);
  });

  it("takes the marks out of the text itself, so no article can move the positions", () => {
    expect(skeleton(`x ${HAN_RUN_MARK.toUpperCase()} ${TEXT_START_MARK} y`)).toBe("x     y");
  });
});

describe("textOfHtml", () => {
  it("reads the text a reader sees: inline markup joins, blocks part, references are read", () => {
    expect(textOfHtml("<p>软<strong>件</strong>开发</p><p>&#x5B57;&amp;&lt;b&gt;&#20013;</p><!-- 注 -->")).toBe(" 软件开发  字&<b>中  ");
  });
});

describe("CharacterCollector", () => {
  it("records the Han characters of a text, in the block bitmap or as others", () => {
    const collector = new CharacterCollector();
    collector.add("软件 GPT-4，頭髮 𠀀 〇");
    const set = collector.toJSON();
    for (const char of ["软", "件", "頭", "髮", "𠀀", "〇"]) expect([char, hasCharacter(set, char)]).toEqual([char, true]);
    for (const char of ["軟", "发", "头", "𠀁"]) expect([char, hasCharacter(set, char)]).toEqual([char, false]);
    expect(set.others).toBe("〇𠀀");
    // The bitmap of U+4E00–U+9FFF is 2.6 KB whatever the text.
    expect(Buffer.from(set.block, "base64").length).toBe(2624);
  });
});
