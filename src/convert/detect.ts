/**
 * Tells Simplified from Traditional text: counts the characters that only one script uses
 * (those OpenCC would change when converting away from it).
 */
import * as OpenCC from "opencc-js";
import type { Script } from "../scripts.ts";
import { converterFrom, type TraditionalStandard } from "./opencc.ts";

const HAN = /\p{Script=Han}/u;
const SAMPLE_LENGTH = 4000;

type Convert = (text: string) => string;
let converters: { toTraditional: Convert; toSimplified: Convert } | undefined;
interface Evidence {
  simplified: boolean;
  traditional: boolean;
  /** The last pass of isInOtherScript that counted it. */
  seen?: number;
}
let passes = 0;
/** Each character's evidence, found once (per Traditional standard): converting one character costs OpenCC a trie walk. */
const evidence = new Map<string, Map<string, Evidence>>();

/** Evidence by OpenCC's own Traditional, or by a site's standard: tw writes 著 where OpenCC keeps 着. */
function evidenceOf(char: string, standard?: TraditionalStandard): Evidence {
  let known = evidence.get(standard ?? "");
  if (!known) evidence.set(standard ?? "", (known = new Map()));
  let found = known.get(char);
  if (!found) {
    converters ??= {
      toTraditional: OpenCC.Converter({ from: "cn", to: "t" }),
      toSimplified: OpenCC.Converter({ from: "t", to: "cn" }),
    };
    const toTraditional = standard ? converterFrom("zh-Hans", standard) : converters.toTraditional;
    const toSimplified = standard ? converterFrom("zh-Hant", standard) : converters.toSimplified;
    found = HAN.test(char) ? { simplified: toTraditional(char) !== char, traditional: toSimplified(char) !== char } : { simplified: false, traditional: false };
    known.set(char, found);
  }
  return found;
}

/** The script of `text`; Simplified when there is no evidence either way. */
export function detectScript(text: string): Script {
  let simplified = 0;
  let traditional = 0;
  const seen = new Set<string>();
  for (const char of text.slice(0, SAMPLE_LENGTH)) {
    if (seen.has(char)) continue;
    seen.add(char);
    const known = evidenceOf(char);
    if (known.simplified) simplified++;
    if (known.traditional) traditional++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

/**
 * Whether `text` is written in the other script than `script`: more of its distinct characters
 * are the other's than its own (`detectScript`'s evidence). A Traditional paragraph with 台 or 只,
 * which Simplified writes too, stays Traditional; a Simplified preface in it does not. With a
 * `standard`, a character is the other script's when that standard's conversion would change it.
 */
export function isInOtherScript(text: string, script: Script, standard?: TraditionalStandard): boolean {
  let simplified = 0;
  let traditional = 0;
  // Each character counts once; a pass number stands in for a set of those seen (a build asks this of every paragraph).
  const pass = ++passes;
  for (const char of text) {
    const known = evidenceOf(char, standard);
    if (known.seen === pass) continue;
    known.seen = pass;
    if (known.simplified) simplified++;
    if (known.traditional) traditional++;
  }
  return script === "zh-Hant" ? simplified > traditional : traditional > simplified;
}
