// The search page converts a query with opencc-js and dictionary buckets (public/js/search/convert.js
// over the data of src/search/conversion.ts); the result must be the build's conversion, exactly.
import { before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import matter from "gray-matter";
import { PROJECT_ROOT } from "../helpers.ts";
import { writeQueryConversion } from "../../src/search/conversion.ts";
import { converterFrom, type TraditionalStandard } from "../../src/convert/opencc.ts";
import { TextConverter } from "../../src/convert/text.ts";
import type { Script } from "../../src/scripts.ts";
import { temporaryDir } from "../temporary.ts";

interface Converter {
  convert(text: string): Promise<string>;
  ambiguous(): Promise<{ simplified: Set<string>; marked: Set<string> }>;
}
const { createConverter } = (await import(pathToFileURL(path.join(PROJECT_ROOT, "public/js/search/convert.js")).href)) as {
  createConverter(dataUrl: string, script: Script, fetchJson: (url: string) => Promise<unknown>): Converter;
};

const OVERRIDES = { "zh-Hant": { 头发干了: "頭髮乾了", 干净: "乾淨" }, "zh-Hans": { 雷射: "激光" } };

/** Sentences of the sample archive, in both scripts as written. */
function sampleSentences(): string[] {
  const dir = path.join(PROJECT_ROOT, "content/articles");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
  return files.flatMap((file) => {
    const { data, content } = matter(readFileSync(path.join(dir, file), "utf8"));
    return [String(data.title), ...content.split(/(?<=[。！？\n])/)].map((text) => text.trim()).filter((text) => /\p{Script=Han}/u.test(text));
  });
}

/** Data written for one standard, and a converter that reads it as the browser would, counting fetches. */
function prepare(standard: TraditionalStandard) {
  const dir = temporaryDir("search-data-");
  writeQueryConversion({ dir, standard, overrides: OVERRIDES });
  const dataUrl = pathToFileURL(dir).href + "/";
  return (script: Script) => {
    const fetched: string[] = [];
    const fetchJson = async (url: string) => {
      fetched.push(url);
      return JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
    };
    return { converter: createConverter(dataUrl, script, fetchJson), fetched };
  };
}

const built = (script: Script, standard: TraditionalStandard) =>
  new TextConverter(converterFrom(script === "zh-Hant" ? "zh-Hans" : "zh-Hant", standard), { overrides: OVERRIDES[script], keep: [] });

describe("query conversion in the browser", () => {
  let sentences: string[];
  beforeAll(() => {
    sentences = sampleSentences();
  });

  // Every sentence for the default standard; every fifth for the others, which share the code.
  for (const [standard, step] of [["tw", 1], ["twp", 5], ["hk", 5]] as const) {
    it(`converts ${step === 1 ? "every" : "every fifth"} sentence of the sample archive as the build does (${standard}), into both scripts`, async () => {
      const converterFor = prepare(standard);
      const differences: string[] = [];
      const chosen = sentences.filter((_, i) => i % step === 0);
      for (const script of ["zh-Hant", "zh-Hans"] as const) {
        const reference = built(script, standard);
        for (const sentence of chosen) {
          // A fresh converter for each, which fetches only what that sentence needs.
          const expected = reference.convertOne(sentence);
          const actual = await converterFor(script).converter.convert(sentence);
          if (actual !== expected) differences.push(`${script}: ${sentence}\n  build:   ${expected}\n  browser: ${actual}`);
        }
      }
      expect(chosen.length).toBeGreaterThan(step === 1 ? 150 : 30);
      expect(differences).toEqual([]);
    });
  }

  it("converts words whose characters have several counterparts by their context, and applies the site's word pairs", async () => {
    const converterFor = prepare("tw");
    const { converter } = converterFor("zh-Hant");
    expect(await converter.convert("头发")).toBe("頭髮");
    expect(await converter.convert("发展")).toBe("發展");
    expect(await converter.convert("以后")).toBe("以後");
    expect(await converter.convert("皇后")).toBe("皇后");
    expect(await converter.convert("头发干了")).toBe("頭髮乾了");
    expect(await converter.convert("GPT-4 差距")).toBe("GPT-4 差距");
    const hans = converterFor("zh-Hans").converter;
    expect(await hans.convert("頭髮與發展")).toBe("头发与发展");
    expect(await hans.convert("雷射")).toBe("激光");
  });

  it("fetches a few small buckets for a short query, not the whole dictionary", async () => {
    const { converter, fetched } = prepare("tw")("zh-Hant");
    await converter.convert("头发");
    const buckets = fetched.filter((url) => /\/\d+\.json$/.test(url));
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.length).toBeLessThanOrEqual(6);
    const bytes = buckets.reduce((sum, url) => sum + readFileSync(fileURLToPath(url)).length, 0);
    expect(bytes).toBeLessThan(40_000);
  });

  it("fetches nothing for a query without Chinese", async () => {
    const { converter, fetched } = prepare("tw")("zh-Hant");
    expect(await converter.convert("GPT-4")).toBe("GPT-4");
    expect(fetched).toEqual([]);
  });

  it("knows the Simplified characters that stand for several Traditional ones, counting those Traditional text keeps (后 of 皇后)", async () => {
    const { converter } = prepare("tw")("zh-Hant");
    const { simplified, marked } = await converter.ambiguous();
    expect(["发", "干", "后", "里"].filter((char) => simplified.has(char))).toEqual(["发", "干", "后", "里"]);
    expect(["茶", "们", "软", "發"].filter((char) => simplified.has(char))).toEqual([]);
    // Their Traditional forms are marked too.
    expect(["發", "髮", "乾", "後", "后"].filter((char) => marked.has(char))).toEqual(["發", "髮", "乾", "後", "后"]);
  });
});
