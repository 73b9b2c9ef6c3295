// The text the search index sees: a word break between Han characters, in text only.
import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { CharacterCollector, hasCharacter, spreadHan, WORD_BREAK } from "../../src/search/characters.ts";

const show = (text: string) => text.replaceAll(WORD_BREAK, "|");

describe("spreadHan", () => {
  itEach([
    ["<p>软件的发展</p>", "<p>软|件|的|发|展</p>"],
    ["<p>GPT-4 与开源模型</p>", "<p>GPT-4 与|开|源|模|型</p>"],
    ["<p>頭髮，後來</p>", "<p>頭|髮，後|來</p>"],
    ["<h1>𠀀𠀁字</h1>", "<h1>𠀀|𠀁|字</h1>"],
  ])("puts a break between adjacent Han characters only: %s", (html, spread) => {
    expect(show(spreadHan(html))).toBe(spread);
  });

  it("leaves markup alone: attribute values, comments, tags", () => {
    const html = `<article data-title="开源软件" data-tags='[["科技","/zh-hans/tags/ke-ji/"]]'><!-- 注释里面 --><img alt="茶杯照片">茶杯</article>`;
    expect(show(spreadHan(html))).toBe(
      `<article data-title="开源软件" data-tags='[["科技","/zh-hans/tags/ke-ji/"]]'><!-- 注释里面 --><img alt="茶杯照片">茶|杯</article>`,
    );
  });

  it("keeps breaks between text on either side of an element out", () => {
    expect(show(spreadHan("<p>软<em>件</em>包</p>"))).toBe("<p>软<em>件</em>包</p>");
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
