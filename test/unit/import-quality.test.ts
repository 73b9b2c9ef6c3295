import { describe, it } from "node:test";
import { expect } from "expect";
import { bodyScore, fieldChecks } from "../../src/bench/import-quality.ts";
import type { ImportedPage } from "../../src/import/page.ts";

const reference = "山区小学开了一门木工课。\n\n孩子们亲手做出全班的书架。";

function page(overrides: Partial<ImportedPage["fields"]> & { encoding?: string; body?: string }): ImportedPage {
  const { encoding = "utf-8", body = reference, ...fields } = overrides;
  return {
    fields: { title: "木工课", date: "2023-05-30", lang: "zh-Hans", tags: [], ...fields },
    body, format: "html", encoding, sha256: "", warnings: [], images: [],
  };
}

describe("body precision and recall against a reference text", () => {
  it("are both 1 when the body is the reference, whatever its Markdown marks and line breaks", () => {
    expect(bodyScore("**山区小学**开了一门木工课。\n孩子们亲手做出全班的书架。", reference)).toEqual({ precision: 1, recall: 1 });
  });
  it("lose precision, not recall, for furniture kept in the body", () => {
    const score = bodyScore(`${reference}\n\n相关新闻：冷空气周末到达`, reference);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeLessThan(0.8);
  });
  it("lose recall, not precision, for a paragraph dropped from the body", () => {
    const score = bodyScore("山区小学开了一门木工课。", reference);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeLessThan(0.6);
  });
});

describe("field checks", () => {
  it("count GBK and GB2312 bytes read as GB18030 as the right encoding", () => {
    expect(fieldChecks(page({ encoding: "gb18030" }), { input: "x.html", encoding: "gbk" })).toEqual([{ field: "encoding", ok: true }]);
  });
  it("count Big5 bytes read as UTF-8 as the wrong encoding", () => {
    expect(fieldChecks(page({ encoding: "utf-8" }), { input: "x.html", encoding: "big5" })[0]!.ok).toBe(false);
  });
  it("name what was expected and what the import gave for a wrong field", () => {
    const [check] = fieldChecks(page({ author: "责任编辑：王五" }), { input: "x.html", author: "张三" });
    expect(check).toEqual({ field: "author", ok: false, detail: 'expected "张三", got "责任编辑：王五"' });
  });
});
