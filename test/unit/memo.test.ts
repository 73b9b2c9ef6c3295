import { describe, it } from "node:test";
import { expect } from "expect";
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ArticleMemo, articleContext, type MadeArticle } from "../../src/articles/memo.ts";
import { parseArticle } from "../../src/articles/frontmatter.ts";
import { VariantBuilder } from "../../src/articles/variants.ts";
import { parseSettings } from "../../src/settings.ts";
import { temporaryDir } from "../temporary.ts";

const settings = parseSettings({});
const context = articleContext(settings);

/** A folder with one article, a memo folder, and a reader that counts what it had to make. */
function setup() {
  const dir = temporaryDir("zh-archive-memo-");
  const file = path.join(dir, "chunjie.md");
  writeFileSync(file, "---\ntitle: 春节\ndate: 2024-02-10\ntags: [节日]\n---\n\n过年回家。\n");
  const memoDir = path.join(dir, "memo");
  let makes = 0;
  const make = (source: string): MadeArticle => {
    makes++;
    const { article, ...parsed } = parseArticle(file, source, settings);
    if (!article) return parsed;
    const { body, ...fields } = article;
    return { ...parsed, article: fields, variants: new VariantBuilder(settings).build(article) };
  };
  const read = (memo: ArticleMemo, inContext = context) => memo.read(file, inContext, make);
  return { dir, file, memoDir, read, makes: () => makes };
}

describe("ArticleMemo", () => {
  it("gives an unchanged file's article to a later process without making it again", () => {
    const { memoDir, read, makes } = setup();
    const first = new ArticleMemo(memoDir);
    const made = read(first).made;
    first.save();
    const second = read(new ArticleMemo(memoDir));
    expect(makes()).toBe(1);
    expect(second.reused).toBe(true);
    expect(second.made.variants).toEqual(made.variants);
  });

  it("gives back the article's dates in the site's zone", () => {
    const { memoDir, read } = setup();
    const first = new ArticleMemo(memoDir);
    const made = read(first).made;
    first.save();
    const again = read(new ArticleMemo(memoDir)).made;
    expect(again.article!.date.toISO()).toBe(made.article!.date.toISO());
    expect(again.article!.date.zoneName).toBe(settings.timeZone);
  });

  it("knows a touched file with the same bytes by its bytes", () => {
    const { file, memoDir, read, makes } = setup();
    const first = new ArticleMemo(memoDir);
    read(first);
    first.save();
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(read(new ArticleMemo(memoDir)).reused).toBe(true);
    expect(makes()).toBe(1);
  });

  it("makes an edited file again", () => {
    const { file, memoDir, read, makes } = setup();
    const first = new ArticleMemo(memoDir);
    read(first);
    first.save();
    writeFileSync(file, "---\ntitle: 春节快乐\ndate: 2024-02-10\n---\n\n过年回家。\n");
    const again = read(new ArticleMemo(memoDir));
    expect(makes()).toBe(2);
    expect(again.made.article!.title).toBe("春节快乐");
  });

  it("makes the article again in another context (other settings or code)", () => {
    const { memoDir, read, makes } = setup();
    const first = new ArticleMemo(memoDir);
    read(first);
    first.save();
    read(new ArticleMemo(memoDir), articleContext(parseSettings({ traditional: "hk" })));
    expect(makes()).toBe(2);
  });

  it("drops what no load used any more when it saves", () => {
    const { file, memoDir, read } = setup();
    const first = new ArticleMemo(memoDir);
    read(first);
    first.save();
    writeFileSync(file, "---\ntitle: 元宵\ndate: 2024-02-24\n---\n\n看花灯。\n");
    const second = new ArticleMemo(memoDir);
    read(second);
    second.save();
    // One shard holds the new entry; the old one's shard is gone unless both share it.
    const shards = readdirSync(memoDir).filter((name) => name !== "index.v8");
    expect(shards.length).toBe(1);
    expect(readdirSync(memoDir).some((name) => name.endsWith(".tmp"))).toBe(false);
  });

  it("reads the file again when its cached files are unreadable", () => {
    const { memoDir, read, makes } = setup();
    const first = new ArticleMemo(memoDir);
    read(first);
    first.save();
    for (const name of readdirSync(memoDir)) writeFileSync(path.join(memoDir, name), "not a memo");
    expect(read(new ArticleMemo(memoDir)).reused).toBe(false);
    expect(makes()).toBe(2);
  });

  it("does not remember a file with problems", () => {
    const { file, memoDir, read } = setup();
    writeFileSync(file, "---\ndate: 2024-02-10\n---\n\n没有标题。\n");
    const memo = new ArticleMemo(memoDir);
    expect(read(memo).made.problems[0]!.field).toBe("title");
    memo.save();
    expect(existsSync(memoDir)).toBe(false);
  });
});
