/**
 * OpenCC converters, built once per process (building one costs 50–220 ms) and shared.
 * Conversion is one way only, always from the file's own script: never round-trip.
 */
import * as OpenCC from "opencc-js";
import type { Script } from "../scripts.ts";

export type TraditionalStandard = "tw" | "twp" | "hk";
export type Convert = (text: string) => string;

const converters = new Map<string, Convert>();

/** The converter from `from` to the other script, for the site's Traditional standard. */
export function converterFrom(from: Script, standard: TraditionalStandard): Convert {
  const key = `${from}:${standard}`;
  const known = converters.get(key);
  if (known) return known;
  // A Traditional file is read as the site's standard: twp also turns 軟體 back into 软件.
  const converter =
    from === "zh-Hans" ? OpenCC.Converter({ from: "cn", to: standard }) : OpenCC.Converter({ from: standard, to: "cn" });
  converters.set(key, converter);
  return converter;
}

/** Simplified form of any Chinese text: the script-neutral key for tags and slugs. */
export function toSimplified(text: string): string {
  return converterFrom("zh-Hant", "tw")(text);
}
