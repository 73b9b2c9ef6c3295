/**
 * Tells Simplified from Traditional text: counts the characters that only one script uses
 * (those OpenCC would change when converting away from it).
 */
import * as OpenCC from "opencc-js";
import type { Script } from "../scripts.ts";

const HAN = /\p{Script=Han}/u;
const SAMPLE_LENGTH = 4000;

type Convert = (text: string) => string;
let converters: { toTraditional: Convert; toSimplified: Convert } | undefined;

/** The script of `text`; Simplified when there is no evidence either way. */
export function detectScript(text: string): Script {
  converters ??= {
    toTraditional: OpenCC.Converter({ from: "cn", to: "t" }),
    toSimplified: OpenCC.Converter({ from: "t", to: "cn" }),
  };
  const { toTraditional, toSimplified } = converters;
  let simplified = 0;
  let traditional = 0;
  const seen = new Set<string>();
  for (const char of text.slice(0, SAMPLE_LENGTH)) {
    if (seen.has(char) || !HAN.test(char)) continue;
    seen.add(char);
    if (toTraditional(char) !== char) simplified++;
    if (toSimplified(char) !== char) traditional++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}
