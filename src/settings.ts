/**
 * The site's settings: one typed record with defaults, read from `<content>/site.json`.
 * Every part that needs a setting receives this record; nothing else holds site metadata.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { IANAZone } from "luxon";
import { ProblemsError, type Problem } from "./problems.ts";
import type { Script } from "./scripts.ts";

const perScript = z.object({ "zh-Hans": z.string().min(1), "zh-Hant": z.string().min(1) }).strict();
const wordPairs = z.record(z.string().min(1), z.string());

const settingsSchema = z
  .object({
    title: perScript.default({ "zh-Hans": "中文文章存档", "zh-Hant": "中文文章存檔" }),
    description: perScript.default({
      "zh-Hans": "以简体与繁体两种文字阅读的文章存档。",
      "zh-Hant": "以簡體與繁體兩種文字閱讀的文章存檔。",
    }),
    /** Where the site is published, with any sub-path: https://example.org/archive/ */
    url: z
      .url({ protocol: /^https?$/ })
      .default("http://localhost:8080/")
      .transform((u) => (u.endsWith("/") ? u : u + "/")),
    /** Dates and times without an offset are in this zone. */
    timeZone: z
      .string()
      .default("Asia/Shanghai")
      .refine((zone) => IANAZone.isValidZone(zone), { message: "is not an IANA time zone such as Asia/Shanghai" }),
    /** The Traditional standard: Taiwan characters, Taiwan vocabulary, or Hong Kong. */
    traditional: z.enum(["tw", "twp", "hk"]).default("tw"),
    /** Converted Traditional text quotes with 「」 and 『』, as Taiwan and Hong Kong write (false: keeps “” and ‘’). */
    cornerQuotes: z.boolean().default(true),
    perPage: z.number().int().min(1).max(500).default(10),
    feedSize: z.number().int().min(1).max(1000).default(20),
    /** Word pairs that win over OpenCC's, per direction of conversion. */
    overrides: z
      .object({ toHant: wordPairs.default({}), toHans: wordPairs.default({}) })
      .strict()
      .default({ toHant: {}, toHans: {} }),
  })
  .strict();

export type SiteSettings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const SETTINGS_FILE = "site.json";

/** Validates settings given as an object; throws a ProblemsError naming each bad field. */
export function parseSettings(input: unknown, file = SETTINGS_FILE): SiteSettings {
  const result = settingsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    file,
    field: issue.path.join(".") || undefined,
    message: issue.message,
  }));
  throw new ProblemsError(problems);
}

/** Reads `<contentDir>/site.json`; a missing file means every default. */
/**
 * The settings of `<content>/site.json`. The environment's `SITE_URL`, when set, is the site's
 * `url` instead: a host's build (GitHub Pages under the repository's name) knows its address.
 */
export function loadSettings(contentDir: string, environment: NodeJS.ProcessEnv = process.env): SiteSettings {
  const file = path.join(contentDir, SETTINGS_FILE);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new ProblemsError([{ file, message: `is not valid JSON (${(error as Error).message})` }]);
    }
  }
  const url = environment.SITE_URL?.trim();
  if (url && raw && typeof raw === "object" && !Array.isArray(raw)) raw = { ...raw, url };
  return parseSettings(raw, url ? `${file} (url from SITE_URL)` : file);
}

/** The path part of the base URL, "/" or "/archive/": what every internal link starts with. */
export function basePath(settings: SiteSettings): string {
  return new URL(settings.url).pathname;
}

export function siteTitle(settings: SiteSettings, script: Script): string {
  return settings.title[script];
}
