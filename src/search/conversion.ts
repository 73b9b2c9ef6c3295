/**
 * What the browser needs to convert a query into either script, exactly as the build converts an
 * article: opencc-js's own converter (its core module, copied into the site) and its dictionaries
 * for the site's Traditional standard, plus the site's own word pairs.
 *
 * OpenCC's Simplified→Traditional phrase list is 1 MB, too much to fetch for one query. Every
 * dictionary entry is matched starting at one character of the text, so the entries are cut into
 * buckets by the first character of their key: the browser fetches only the buckets of the
 * characters it is converting (a few KB), and the result is the same as with whole dictionaries.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { minifyScript } from "../site/minify.ts";
import { configs } from "opencc-js/preset";
import { converterFrom, type TraditionalStandard } from "../convert/opencc.ts";
import type { Script } from "../scripts.ts";

type Dict = string | readonly (readonly [string, string])[];

/** One opencc-js conversion config, its dictionaries replaced by their numbers in the buckets. */
export interface SlicedConfig {
  normalizationChain?: number[][];
  segmentation?: number | number[];
  conversionChain: number[][];
}

/** `<search-data>/convert/<script>/manifest.json`: how to convert any text into <script>. */
export interface ConversionManifest {
  /** opencc-js's locale names and the name of its config for them, for its ConverterBuilder. */
  from: string;
  to: string;
  name: string;
  config: SlicedConfig;
  /** Entries whose key starts with code point c are in bucket c % buckets. */
  buckets: number;
  /** The site's word pairs, which win over OpenCC's (as src/convert/text.ts applies them). */
  overrides: [string, string][];
  /**
   * Into Traditional only: a Simplified character that stands for several Traditional ones
   * (发 → 發 髮), which a query of that one character may mean; longer queries have context.
   */
  alternatives: Record<string, string>;
}

/** A bucket file: dictionary number → its entries in bucket order, "key value|key value". */
export type ConversionBucket = Record<string, string>;

// A bucket of about 2 KB: a query of a few characters fetches a few of them (dictionary text
// hardly compresses, so smaller buckets transfer less; each character needs one).
const BUCKET_BYTES = 2048;

export interface ConversionOptions {
  /** The site's search data folder (`<output>/search-data`). */
  dir: string;
  standard: TraditionalStandard;
  overrides: Record<Script, Readonly<Record<string, string>>>;
}

/** Writes the conversion data of both directions and opencc-js's core module. */
export function writeQueryConversion(options: ConversionOptions): void {
  const require = createRequire(import.meta.url);
  mkdirSync(options.dir, { recursive: true });
  copyFileSync(require.resolve("opencc-js/core"), path.join(options.dir, "opencc-core.js"));
  minifyScript(path.join(options.dir, "opencc-core.js"));
  // opencc-js names its configs as ConverterBuilder looks them up (from → to).
  const directions: { script: Script; from: string; to: string; config: string }[] = [
    { script: "zh-Hant", from: "cn", to: options.standard, config: `s2${options.standard}` },
    { script: "zh-Hans", from: options.standard, to: "cn", config: options.standard === "twp" ? "tw2sp" : `${options.standard}2s` },
  ];
  const configOf = (name: string) => {
    const config = (configs as Record<string, RawConfig | undefined>)[name];
    if (!config) throw new Error(`opencc-js has no "${name}" conversion; cannot prepare the search page's query conversion`);
    return config;
  };
  const alternatives = ambiguousCharacters(options.standard);
  for (const direction of directions) {
    writeDirection(path.join(options.dir, "convert", direction.script.toLowerCase()), {
      from: direction.from,
      to: direction.to,
      name: direction.config,
      config: configOf(direction.config),
      overrides: Object.entries(options.overrides[direction.script]),
      alternatives: direction.script === "zh-Hant" ? alternatives : {},
    });
  }
}

/**
 * Simplified characters that stand for several Traditional ones (后: 後 and 后), with those: what
 * the index marks (./bundle.ts) and the browser reads to tell them apart.
 */
export function ambiguousCharacters(standard: TraditionalStandard): Record<string, string> {
  const config = (name: string) => {
    const found = (configs as Record<string, RawConfig | undefined>)[name];
    if (!found) throw new Error(`opencc-js has no "${name}" conversion`);
    return found;
  };
  const toHans = config(standard === "twp" ? "tw2sp" : `${standard}2s`);
  return oneToMany(toHans, config(`s2${standard}`), converterFrom("zh-Hant", standard));
}

/**
 * Those characters and the Traditional ones they stand for: a pair with one of them, in either
 * form, is held in both scripts' forms (./bundle.ts), as public/js/search/convert.js marks them too.
 */
export function markedCharacters(ambiguous: Record<string, string>): Set<string> {
  return new Set([...Object.keys(ambiguous), ...Object.values(ambiguous).flatMap((chars) => [...chars])]);
}

/**
 * Simplified characters that more than one Traditional character converts to (发 ← 發 髮), counting
 * the character itself where Traditional text keeps it (后 ← 後, and 后 of 皇后, which the
 * Simplified→Traditional phrases keep as it is).
 */
function oneToMany(toHansConfig: RawConfig, toHantConfig: RawConfig, toHans: (text: string) => string): Record<string, string> {
  const sources = new Map<string, Set<string>>();
  for (const group of toHansConfig.conversionChain) {
    for (const dict of group) {
      for (const [key] of entriesOf(dict)) {
        if ([...key].length !== 1) continue;
        const simplified = toHans(key);
        if (simplified === key || [...simplified].length !== 1) continue;
        if (!sources.has(simplified)) sources.set(simplified, new Set());
        sources.get(simplified)!.add(key);
      }
    }
  }
  // Characters a Simplified→Traditional entry leaves as they are, and those no single-character entry changes.
  const kept = new Set<string>();
  const changed = new Set<string>();
  for (const group of toHantConfig.conversionChain) {
    for (const dict of group) {
      for (const [key, value] of entriesOf(dict)) {
        const from = [...key];
        const to = [...value];
        if (from.length === 1 && to[0] !== from[0]) changed.add(from[0]!);
        if (from.length === to.length) from.forEach((char, i) => char === to[i] && kept.add(char));
      }
    }
  }
  for (const [char, chars] of sources) if (kept.has(char) || !changed.has(char)) chars.add(char);
  return Object.fromEntries([...sources].filter(([, chars]) => chars.size > 1).map(([char, chars]) => [char, [...chars].sort().join("")]));
}

interface RawConfig {
  normalizationChain?: Dict[][];
  segmentation?: Dict | Dict[];
  conversionChain: Dict[][];
}

function writeDirection(
  dir: string,
  options: Omit<ConversionManifest, "config" | "buckets"> & { config: RawConfig },
): void {
  const dicts: Dict[] = [];
  const number = (dict: Dict) => {
    const known = dicts.indexOf(dict);
    return known >= 0 ? known : dicts.push(dict) - 1;
  };
  const { normalizationChain, segmentation, conversionChain } = options.config;
  const config: SlicedConfig = { conversionChain: conversionChain.map((group) => group.map(number)) };
  if (normalizationChain) config.normalizationChain = normalizationChain.map((group) => group.map(number));
  if (segmentation !== undefined) {
    config.segmentation = isDictGroup(segmentation) ? segmentation.map(number) : number(segmentation);
  }
  const entries = dicts.map(entriesOf);
  const bytes = entries.flat().reduce((sum, [key, value]) => sum + key.length + value.length + 2, 0) * 3;
  const buckets = Math.min(1024, Math.max(1, Math.round(bytes / BUCKET_BYTES)));
  const files: ConversionBucket[] = Array.from({ length: buckets }, () => ({}));
  entries.forEach((list, dict) => {
    const perBucket: string[][] = Array.from({ length: buckets }, () => []);
    for (const [key, value] of list) perBucket[key.codePointAt(0)! % buckets]!.push(`${key} ${value}`);
    perBucket.forEach((lines, bucket) => {
      if (lines.length > 0) files[bucket]![dict] = lines.join("|");
    });
  });
  mkdirSync(dir, { recursive: true });
  files.forEach((file, bucket) => writeFileSync(path.join(dir, `${bucket}.json`), JSON.stringify(file)));
  const { from, to, name, overrides, alternatives } = options;
  const manifest: ConversionManifest = { from, to, name, config, buckets, overrides, alternatives };
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

// A segmentation dictionary is one dictionary or a group of them.
function isDictGroup(value: Dict | Dict[]): value is Dict[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" || (Array.isArray(item) && Array.isArray(item[0])));
}

function entriesOf(dict: Dict): (readonly [string, string])[] {
  if (typeof dict !== "string") return [...dict];
  if (dict === "") return [];
  // As opencc-js reads a dictionary string: "key value|key value", the first value only.
  return dict.split("|").map((line) => {
    const [key = "", value = ""] = line.split(" ");
    return [key, value] as const;
  });
}
