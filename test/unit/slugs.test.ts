import { describe, it } from "node:test";
import { expect } from "expect";
import { itEach } from "../each.ts";
import { isValidSlug, slugify } from "../../src/articles/slugs.ts";

describe("slugify", () => {
  itEach([
    ["Chinese becomes toneless pinyin joined by hyphens", "人工智能", "ren-gong-zhi-neng"],
    ["Latin words are kept and lowercased", "ChatGPT", "chatgpt"],
    ["Latin and Chinese mix", "ChatGPT 与人工智能", "chatgpt-yu-ren-gong-zhi-neng"],
    ["digits are kept", "2023年的GPT-4模型", "2023-nian-de-gpt-4-mo-xing"],
    ["punctuation is dropped", "你好，世界！", "ni-hao-shi-jie"],
    ["ASCII punctuation separates words", "Hello, World! (again)", "hello-world-again"],
    ["ü is written v", "绿色", "lv-se"],
    ["full-width letters are read as ASCII", "Ｆｕｌｌ ｗｉｄｔｈ", "full-width"],
    ["Traditional text still gives pinyin", "軟體", "ruan-ti"],
  ])("%s", (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("returns an empty text when there are no letters or digits", () => {
    expect(slugify("！？……")).toBe("");
    expect(slugify("   ")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("cuts at a word boundary to stay within the maximum length", () => {
    expect(slugify("人工智能的发展", 12)).toBe("ren-gong-zhi");
    expect(slugify("人工智能的发展", 13)).toBe("ren-gong-zhi");
    expect(slugify("人工智能的发展", 17)).toBe("ren-gong-zhi-neng");
  });

  it("keeps a long title within the default 60 characters, whole syllables only", () => {
    const slug = slugify("很长的标题".repeat(10));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.length).toBeGreaterThan(50);
    expect(slug).toMatch(/^hen-chang-de-biao-ti(-hen-chang-de-biao-ti)*(-hen(-chang(-de(-biao)?)?)?)?$/);
  });

  it("cuts a single word longer than the limit rather than losing it", () => {
    expect(slugify("Supercalifragilistic", 5)).toBe("super");
  });

  it("always gives a valid slug when it gives one at all", () => {
    for (const text of ["人工智能", "ChatGPT", "2023年", "A--B", "-x-", "西湖·秋夜"]) {
      expect(isValidSlug(slugify(text))).toBe(true);
    }
  });
});

describe("isValidSlug", () => {
  itEach(["xihu-qiuye", "a", "2023", "gpt-4", "ren-gong-zhi-neng"])("accepts %j", (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  itEach([
    ["an empty text", ""],
    ["capital letters", "Xihu"],
    ["Chinese", "西湖"],
    ["a space", "xi hu"],
    ["a leading hyphen", "-xihu"],
    ["a trailing hyphen", "xihu-"],
    ["a double hyphen", "xi--hu"],
    ["an underscore", "xi_hu"],
    ["a slash", "2023/xihu"],
    ["more than 100 characters", "a".repeat(101)],
  ])("rejects %s", (_name, slug) => {
    expect(isValidSlug(slug)).toBe(false);
  });

  it("accepts exactly 100 characters", () => {
    expect(isValidSlug("a".repeat(100))).toBe(true);
  });
});
