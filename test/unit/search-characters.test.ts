// The text the search index sees: Han characters as overlapping pairs, written as ASCII words.
import { describe, it } from "node:test";
import { expect } from "expect";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { itEach } from "../each.ts";
import { PROJECT_ROOT } from "../helpers.ts";
import { CharacterCollector, decodeHanWord, encodeHan, hanWords, hasCharacter } from "../../src/search/characters.ts";

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

describe("encodeHan", () => {
  itEach([
    ["<p>软件的发展</p>", "<p> [软件] [件的] [的发] [发展] [展] </p>"],
    ["<p>GPT-4 与开源模型</p>", "<p>GPT-4  [与开] [开源] [源模] [模型] [型] </p>"],
    ["<p>頭髮，後來</p>", "<p> [頭髮] [髮] ， [後來] [來] </p>"],
  ])("writes each run of Han characters as its words: %s", (html, encoded) => {
    expect(show(encodeHan(html))).toBe(encoded);
  });

  it("leaves markup alone: attribute values, comments, tags", () => {
    const html = `<article data-title="开源软件" data-tags='[["科技","/zh-hans/tags/ke-ji/"]]'><!-- 注释 --><img alt="茶杯">茶杯</article>`;
    expect(show(encodeHan(html))).toBe(
      `<article data-title="开源软件" data-tags='[["科技","/zh-hans/tags/ke-ji/"]]'><!-- 注释 --><img alt="茶杯"> [茶杯] [杯] </article>`,
    );
  });
});

describe("encodeHan and character references", () => {
  it("reads &#20013; and &#x6587; as the characters they are, and leaves every other reference alone", () => {
    expect(show(encodeHan("<p>&#20013;&#x6587;&amp;#20013;&#65;&#99999999;</p>"))).toBe("<p> [中文] [文] &amp;#20013;&#65;&#99999999;</p>");
    const collector = new CharacterCollector();
    collector.addPage('<article data-pagefind-body><p>&#x5B57;</p></article>');
    expect(hasCharacter(collector.toJSON(), "字")).toBe(true);
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

  it("takes a page's characters from its indexed text, not its markup or the site's chrome", () => {
    const collector = new CharacterCollector();
    collector.addPage(`<html><nav>简体</nav><article data-pagefind-body data-title="标"><h2 id="发现">發現</h2></article><footer>订阅</footer></html>`);
    const set = collector.toJSON();
    expect(["發", "現"].map((char) => hasCharacter(set, char))).toEqual([true, true]);
    expect(["简", "标", "发", "现", "订"].map((char) => hasCharacter(set, char))).toEqual([false, false, false, false, false]);
  });
});
