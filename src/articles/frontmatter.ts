/**
 * Front matter of one article file → an Article, or every problem found in it.
 * Each problem names the field and the reason; unknown keys are kept and warned about.
 */
import path from "node:path";
import { DateTime } from "luxon";
import type { SiteSettings } from "../settings.ts";
import type { Problem } from "../problems.ts";
import type { Script } from "../scripts.ts";
import { detectScript } from "../convert/detect.ts";
import { toSimplified } from "../convert/opencc.ts";
import { parseDate } from "./dates.ts";
import { FrontMatterError, readFrontMatter } from "./matter.ts";
import { describeRemoved, valueWithoutForbiddenCharacters, withoutForbiddenCharacters } from "../characters.ts";
import { isValidSlug, slugify } from "./slugs.ts";
import { normalizeAlias } from "./aliases.ts";
import { FRONT_MATTER_KEYS, type Article } from "./types.ts";

export interface ParsedFile {
  article?: Article;
  problems: Problem[];
  warnings: Problem[];
}

const LIST_SEPARATORS = /[,，、]/;

/** Parses one article's text. `file` is only used in messages and for the default slug. */
export function parseArticle(file: string, source: string, settings: SiteSettings): ParsedFile {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const problem = (field: string | undefined, message: string) => problems.push({ file, field, message });

  let data: Record<string, unknown>;
  let body: string;
  // Characters XML forbids, typed or written as YAML escapes (\u0000), would break every feed.
  const raw = withoutForbiddenCharacters(source);
  try {
    ({ data, body } = readFrontMatter(raw.text));
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    problem("front matter", error.message);
    return { problems, warnings };
  }
  if (!source.trimStart().startsWith("---")) problem("front matter", "is missing (the file must start with ---)");
  const escaped = valueWithoutForbiddenCharacters(data);
  data = escaped.value;
  if (raw.removed + escaped.removed > 0) warnings.push({ file, message: describeRemoved(raw.removed + escaped.removed) });

  const title = text(data.title);
  if (data.title === undefined || data.title === null) problem("title", "is required");
  else if (title === undefined || title.trim() === "") problem("title", "must be a non-empty text");

  const date = parseDate(data.date, settings.timeZone);
  if (data.date === undefined || data.date === null) problem("date", "is required");
  else if (!date) problem("date", `${JSON.stringify(data.date)} is not a date (write 2023-05-30, 2023-05-30 08:30 or 2023-05-30T08:30:00+08:00; an offset lies between -12:00 and +14:00)`);
  else if (date > DateTime.now().plus({ days: 1 })) {
    warnings.push({ file, field: "date", message: `${JSON.stringify(data.date)} is after today; the article is published with that date` });
  }

  let updated = undefined;
  if (data.updated !== undefined && data.updated !== null) {
    updated = parseDate(data.updated, settings.timeZone) ?? undefined;
    if (!updated) problem("updated", `${JSON.stringify(data.updated)} is not a date`);
    else if (date && updated < date) warnings.push({ file, field: "updated", message: "is earlier than date" });
  }

  const tags = list(data.tags, "tags", problem);
  const keep = list(data.keep, "keep", problem);

  let lang = undefined;
  if (data.lang !== undefined && data.lang !== null) {
    lang = scriptOfLanguageTag(String(data.lang));
    if (!lang) problem("lang", `${JSON.stringify(data.lang)} is not zh-Hans or zh-Hant`);
  }

  let slug: string | undefined;
  if (data.slug !== undefined && data.slug !== null) {
    const given = String(data.slug);
    if (isValidSlug(given)) slug = given;
    else problem("slug", `${JSON.stringify(given)} must be lowercase ASCII letters and digits joined by hyphens, such as xihu-qiuye`);
  } else {
    // The file name is more stable than the title: editing the title keeps the URL.
    const name = path.basename(file, path.extname(file));
    slug = isValidSlug(name) ? name : slugify(toSimplified(name)) || slugify(toSimplified(title ?? ""));
    if (!slug) problem("slug", "cannot be made from the file name or title; add a slug such as my-article");
  }

  const author = optionalText(data.author, "author", problem);
  const sourceName = optionalText(data.source, "source", problem);
  const summary = optionalText(data.summary, "summary", problem);
  const sourceUrl = optionalText(data.source_url, "source_url", problem);
  if (sourceUrl !== undefined && !isHttpUrl(sourceUrl)) problem("source_url", `${JSON.stringify(sourceUrl)} is not an http(s) address`);

  let draft = false;
  if (data.draft !== undefined && data.draft !== null) {
    if (typeof data.draft === "boolean") draft = data.draft;
    else problem("draft", "must be true or false");
  }

  const aliases = aliasList(data.aliases, problem);

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if ((FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    extra[key] = value;
    const guess = closestKey(key);
    warnings.push({ file, field: key, message: `is not a known field; kept${guess ? ` (did you mean "${guess}"?)` : ""}` });
  }
  if (body.trim() === "") warnings.push({ file, message: "has no body text" });

  if (problems.length > 0 || !title || !date || !slug) return { problems, warnings };
  const detected = lang === undefined;
  return {
    problems,
    warnings,
    article: {
      file,
      slug,
      title: title.trim(),
      date,
      updated,
      tags,
      lang: lang ?? detectScript(`${title}\n${body}`),
      langDetected: detected,
      author,
      source: sourceName,
      sourceUrl,
      summary,
      draft,
      keep,
      ...(aliases.length > 0 ? { aliases } : {}),
      body,
      extra,
    },
  };
}

/** zh-Hans and zh-Hant, in any case, and the region tags people write for them (zh-CN, zh-TW…). */
export function scriptOfLanguageTag(tag: string): Script | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (/^zh-(hans|cn|sg|my)(-|$)/.test(lower)) return "zh-Hans";
  if (/^zh-(hant|tw|hk|mo)(-|$)/.test(lower)) return "zh-Hant";
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function optionalText(value: unknown, field: string, problem: (field: string, message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  const result = text(value);
  if (result === undefined) {
    problem(field, "must be a text");
    return undefined;
  }
  return result.trim() || undefined;
}

/**
 * A YAML list of texts, or one comma-separated text. Duplicates are dropped, order kept. A number
 * is its text: YAML reads `tags: 996` (and the 2024 of `[2024, 游记]`) as numbers.
 */
function list(value: unknown, field: string, problem: (field: string, message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  let items: unknown[];
  if (typeof value === "string") items = value.split(LIST_SEPARATORS);
  else if (typeof value === "number") items = [value];
  else if (Array.isArray(value)) items = value;
  else {
    problem(field, "must be a list or a comma-separated text");
    return [];
  }
  const result: string[] = [];
  for (const item of items) {
    const entry = text(item);
    if (entry === undefined) {
      problem(field, `${JSON.stringify(item)} is not a text`);
      continue;
    }
    const trimmed = entry.trim().replace(/\s+/g, " ");
    if (trimmed && !result.includes(trimmed)) result.push(trimmed);
  }
  return result;
}

/** Old addresses: one path or a list of them, each a path on this site; duplicates dropped. */
function aliasList(value: unknown, problem: (field: string, message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (!items) {
    problem("aliases", "must be a list of paths on this site, such as [/2019/04/04/slug.html]");
    return [];
  }
  const result: string[] = [];
  for (const item of items) {
    const alias = normalizeAlias(item);
    if ("error" in alias) problem("aliases", alias.error);
    else if (!result.includes(alias.path)) result.push(alias.path);
  }
  return result;
}

/** An address the archive accepts as `source_url`: http or https, and whole (a replaced byte in its host is not). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// Names other site generators use for fields this archive calls otherwise.
const KEY_ALIASES: Record<string, string> = {
  description: "summary",
  excerpt: "summary",
  keywords: "tags",
  categories: "tags",
  category: "tags",
  language: "lang",
  publisher: "source",
  url: "source_url",
  link: "source_url",
  permalink: "aliases",
  redirect_from: "aliases",
  lastmod: "updated",
  modified: "updated",
};

/** The known key a typo (or another generator's name) most likely meant, when it is close enough. */
function closestKey(key: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of [...FRONT_MATTER_KEYS, ...Object.keys(KEY_ALIASES)]) {
    const distance = editDistance(key.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best || best.distance > Math.max(1, Math.floor(best.name.length / 3))) return undefined;
  return KEY_ALIASES[best.name] ?? best.name;
}

/** Edits between two words, a swap of neighbouring letters counting as one (tgas → tags). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}
