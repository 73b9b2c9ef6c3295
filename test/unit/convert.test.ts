import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { converterFrom, toSimplified, type TraditionalStandard } from "../../src/convert/opencc.ts";
import { TextConverter } from "../../src/convert/text.ts";

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "golden", "conversion");
const toHant = (standard: TraditionalStandard = "tw") => converterFrom("zh-Hans", standard);
const toHans = (standard: TraditionalStandard = "tw") => converterFrom("zh-Hant", standard);

describe("golden conversions (expected files are OpenCC's output, checked by eye)", () => {
  const expected = readdirSync(GOLDEN).filter((name) => /\.zh-Hant\.(tw|twp|hk)\.md$/.test(name));

  it("has golden files to compare", () => {
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  itEach(expected)("%s", (name) => {
    const [, base, standard] = /^(.+)\.zh-Hant\.(tw|twp|hk)\.md$/.exec(name)!;
    const input = readFileSync(path.join(GOLDEN, `${base}.zh-Hans.md`), "utf8");
    expect(toHant(standard as TraditionalStandard)(input)).toBe(readFileSync(path.join(GOLDEN, name), "utf8"));
  });
});

describe("OpenCC traps, Simplified → Traditional (tw)", () => {
  itEach([
    ["头发", "頭髮"],
    ["发展", "發展"],
    ["理发", "理髮"],
    ["干净", "乾淨"],
    ["干部", "幹部"],
    ["树干", "樹幹"],
    ["皇后", "皇后"],
    ["以后", "以後"],
    ["着急", "著急"],
    ["著作", "著作"],
    ["里面", "裡面"],
    ["公里", "公里"],
    ["面条", "麵條"],
    ["一只", "一隻"],
    ["台风", "颱風"],
  ])("%s → %s", (input, output) => {
    expect(toHant()(input)).toBe(output);
  });

  it("hk differs from tw on 着 and 里", () => {
    expect(toHant("hk")("着急")).toBe("着急");
    expect(toHant("hk")("里面")).toBe("裏面");
  });

  // Where OpenCC is wrong: what it gives, what is right, and the override that fixes it.
  itEach([
    ["被发明", "被髮明", "被發明", { 被发明: "被發明" }],
    ["头发干了", "頭髮幹了", "頭髮乾了", { 发干了: "髮乾了" }],
  ])("documents the trap %s → %s (wrong), fixed to %s by an override", (input, wrong, right, overrides) => {
    expect(toHant()(input)).toBe(wrong);
    expect(new TextConverter(toHant(), { overrides, keep: [] }).convertOne(input)).toBe(right);
  });
});

describe("Traditional → Simplified", () => {
  itEach([
    ["頭髮", "头发"],
    ["乾淨", "干净"],
    ["幹部", "干部"],
    ["裡面", "里面"],
    ["裏面", "里面"],
    ["著作", "著作"],
    ["以後", "以后"],
    ["皇后", "皇后"],
  ])("%s → %s", (input, output) => {
    expect(toHans()(input)).toBe(output);
    expect(toSimplified(input)).toBe(output);
  });

  it("tw reads 著急 as 着急 but hk keeps 著急", () => {
    expect(toHans("tw")("著急")).toBe("着急");
    expect(toHans("hk")("著急")).toBe("著急");
  });
});

describe("twp vocabulary", () => {
  itEach([
    ["软件", "軟體", "軟件"],
    ["信息", "資訊", "信息"],
    ["鼠标", "滑鼠", "鼠標"],
  ])("%s → %s in twp (%s in tw)", (input, twp, tw) => {
    expect(toHant("twp")(input)).toBe(twp);
    expect(toHant("tw")(input)).toBe(tw);
  });

  it("reads Taiwan vocabulary back to mainland words only in twp", () => {
    expect(toHans("twp")("軟體與資訊")).toBe("软件与信息");
    expect(toHans("tw")("軟體與資訊")).toBe("软体与资讯");
  });
});

describe("TextConverter", () => {
  const rules = (overrides: Record<string, string> = {}, keep: string[] = []) => ({ overrides, keep });

  it("lets an override win over OpenCC", () => {
    const converter = new TextConverter(toHant(), rules({ 软件: "軟體" }));
    expect(converter.convertOne("软件发展")).toBe("軟體發展");
  });

  it("keeps a kept term exactly as written", () => {
    const converter = new TextConverter(toHant(), rules({}, ["发明家"]));
    expect(converter.convertOne("发明家的头发")).toBe("发明家的頭髮");
  });

  it("uses the longest term where terms overlap", () => {
    const converter = new TextConverter(toHant(), rules({ 软件: "軟體", 软件工程: "軟體工程學" }, ["软"]));
    expect(converter.convertOne("软件工程与软件和软")).toBe("軟體工程學與軟體和软");
  });

  it("converts with no rules exactly like OpenCC", () => {
    const text = "头发干净，以后再说。";
    expect(new TextConverter(toHant(), rules()).convertOne(text)).toBe(toHant()(text));
  });

  it("keeps one output per input, in order, including empty texts", () => {
    const inputs = ["软件", "", "头发", "以后", ""];
    expect(new TextConverter(toHant(), rules()).convertAll(inputs)).toEqual(["軟件", "", "頭髮", "以後", ""]);
    expect(new TextConverter(toHant(), rules()).convertAll([])).toEqual([]);
  });

  it("never converts a phrase across two inputs", () => {
    // Joined, 头发展 would be read as 头发 + 展 (頭髮展).
    expect(toHant()("头发展")).toBe("頭髮展");
    const converter = new TextConverter(toHant(), rules());
    expect(converter.convertAll(["头", "发展"])).toEqual([toHant()("头"), toHant()("发展")]);
    expect(converter.convertAll(["头", "发展"])).toEqual(["頭", "發展"]);
  });

  it("never converts a phrase across a kept term and its neighbour", () => {
    const converter = new TextConverter(toHant(), rules({}, ["X"]));
    expect(converter.convertOne("头X发展")).toBe("頭X發展");
  });

  it("still converts a text containing a NUL character", () => {
    const converter = new TextConverter(toHant(), rules());
    expect(converter.convertAll(["头\u0000发展", "以后"])).toEqual(["頭\u0000發展", "以後"]);
    expect(converter.convertOne("软件\u0000")).toBe("軟件\u0000");
  });

  it("converts Traditional to Simplified with its own overrides", () => {
    const converter = new TextConverter(toHans(), rules({ 著急: "著急" }));
    expect(converter.convertOne("他很著急，頭髮都白了")).toBe("他很著急，头发都白了");
  });
});
