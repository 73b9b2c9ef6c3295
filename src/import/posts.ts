/**
 * One post of another generator (Jekyll, Hugo, Hexo, or any Markdown with front matter) → the
 * article's fields, its Markdown body, its old addresses (aliases) and the images it shows. What
 * each tool means by a key, and the address it gave a post, come from the table in
 * `conventions.ts`; keys with no meaning here are kept as they are and counted, not warned about.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describeRemoved, valueWithoutForbiddenCharacters, withoutForbiddenCharacters } from "../characters.ts";
import { detectScript } from "../convert/detect.ts";
import { isHttpUrl, scriptOfLanguageTag } from "../articles/frontmatter.ts";
import { normalizeAlias } from "../articles/aliases.ts";
import { isValidSlug } from "../articles/slugs.ts";
import { FRONT_MATTER_KEYS } from "../articles/types.ts";
import type { SavedImage } from "./assets.ts";
import { CONVENTIONS, expandPermalink, placeOf, type Convention, type Generator, type PostPlace } from "./conventions.ts";
import { frontMatterDate, postDate, type FoundDate } from "./dates.ts";
import { ImportError, NotAPageError, type ImportedFields } from "./page.ts";
import { splitPost, type PostMatter } from "./post-matter.ts";
import { PostImages } from "./post-images.ts";
import { convertTags } from "./shortcodes.ts";

export interface PostOptions {
  timeZone: string;
  /** For posts without a date of their own. */
  fallbackDate?: FoundDate;
  /** For posts without tags or categories. */
  fallbackTags?: string[];
  /** The folder the command named: nothing outside it (or the post's site) is read. */
  root?: string;
  /** Named on the command line: a page of a site (`_index.md`, a page at the top of `content/`) is imported too. */
  named: boolean;
}

export interface ImportedPost {
  fields: ImportedFields;
  /** Keys with no meaning here, kept as they are (or, for a name the archive uses otherwise, as `original_<key>`). */
  extra: Record<string, unknown>;
  /** The names of those keys as the article has them: what the summary counts. */
  keptKeys: string[];
  /** The slug the post asks for (its own, or its file's), when it is a valid one. */
  slug?: string;
  body: string;
  images: SavedImage[];
  generator: Generator;
  warnings: string[];
}

/** A file of a site that is not a post (a section's list page, a page at the top of Hugo's content/): skipped in a folder. */
export class NotAPostError extends NotAPageError {}

const JEKYLL_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;
const MAX_NODES = 10_000;
const TAG = /<\/?[a-z][\w-]*(?:\s[^<>]*)?>/gi;
const TERM_SEPARATORS = /[,，、;；\s]+/;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Reads one post whose text has front matter (`matter`, from `splitPost`). Throws ImportError with the field and the reason. */
export function readPost(file: string, matter: PostMatter, options: PostOptions): ImportedPost {
  const place = placeOf(file, matter.format);
  const convention = CONVENTIONS[place.generator];
  const warnings: string[] = [];
  if (!options.named) refuseNonPosts(file, place);
  if (place.configProblem) warnings.push(place.configProblem);
  const zone = place.config.timeZone && DateTime.local().setZone(place.config.timeZone).isValid ? place.config.timeZone : options.timeZone;

  const data = matter.data;
  const used = new Set<string>();
  const take = (keys: string[]) => {
    const key = keys.find((name) => data[name] !== undefined && data[name] !== null);
    if (key) used.add(key);
    return key === undefined ? undefined : data[key];
  };

  // The body first: a post without a title may take its first heading.
  let body = matter.body;
  let title = textOf(take(convention.keys.title));
  if (title !== undefined) title = plainText(title);
  if (!title) {
    const heading = /^\s*#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(body);
    if (!heading) throw new ImportError("title: is missing (the front matter has none, and the text does not start with a heading)");
    title = plainText(heading[1]!);
    body = body.slice(heading[0].length);
    warnings.push("no title in the front matter; took the first heading");
  }

  const names = fileNames(file, place);
  const date = postDateOf(data, convention, used, names, zone, options, warnings);
  const updatedValue = take(convention.keys.updated);
  let updated: string | undefined;
  if (updatedValue !== undefined) {
    const found = postDate(updatedValue, zone);
    if (!found) warnings.push(`updated: ${JSON.stringify(String(updatedValue))} is not a date; left out`);
    else if (found.date > date.date) updated = frontMatterDate({ ...found, date: found.date.setZone(options.timeZone) });
  }

  const categories = terms(take(["categories", "category"].filter((key) => convention.keys.terms.includes(key))), "categories", warnings);
  const tags = [...categories];
  for (const tag of terms(take(["tags", "tag"].filter((key) => convention.keys.terms.includes(key))), "tags", warnings)) {
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length === 0 && options.fallbackTags?.length) tags.push(...options.fallbackTags);

  const summaryValue = take(convention.keys.summary);
  const summary = textOf(summaryValue) === undefined ? undefined : plainText(textOf(summaryValue)!) || undefined;

  const draftValue = take(convention.keys.draft);
  const publishedValue = take(convention.keys.published);
  const draft = place.inDrafts || isTrue(draftValue) || isFalse(publishedValue);

  const ownSlug = textOf(take(["slug"]));
  const slug = [ownSlug, names.slug].map((candidate) => candidate && asSlug(candidate)).find(Boolean);
  if (ownSlug && !asSlug(ownSlug)) warnings.push(`slug: ${JSON.stringify(ownSlug)} is not an ASCII slug; the article's slug is made from ${names.slug && asSlug(names.slug) ? "the file's name" : "its title"}`);

  const aliases = oldAddresses(data, place, convention, used, { title, date: date.date.setZone(zone), slug: ownSlug, names, categories, draft }, warnings);

  const fields: ImportedFields = { title, date: frontMatterDate({ ...date, date: date.date.setZone(options.timeZone) }), lang: "zh-Hans", tags };
  if (updated) fields.updated = updated;
  if (summary) fields.summary = summary;
  if (draft) fields.draft = true;
  if (aliases.length > 0) fields.aliases = aliases;

  // Keys the archive knows under the same name: kept when they mean the same, else under another name.
  const langValue = take(["lang"]);
  const lang = langValue === undefined ? undefined : scriptOfLanguageTag(String(langValue));
  if (langValue !== undefined && !lang && !/^zh$/i.test(String(langValue))) used.delete("lang");
  const author = authorOf(take(["author", "authors"]));
  if (author) fields.author = author;
  else if (data.author !== undefined) used.delete("author");
  const source = textOf(take(["source"]));
  if (source) fields.source = plainText(source);
  else used.delete("source");
  const sourceUrl = textOf(take(["source_url"]));
  if (sourceUrl && isHttpUrl(sourceUrl)) fields.source_url = sourceUrl;
  else used.delete("source_url");

  const extra: Record<string, unknown> = {};
  const keptKeys: string[] = [];
  const budget = { nodes: 0 };
  for (const [key, value] of Object.entries(data)) {
    if (used.has(key) || value === undefined) continue;
    const name = (FRONT_MATTER_KEYS as readonly string[]).includes(key) ? `original_${key}` : key;
    extra[name] = plainValue(value, key, budget);
    keptKeys.push(name === key ? key : `${key} → ${name}`);
  }

  const converted = convertTags(body, { postAddress: (reference) => postAddress(reference, place, file, zone) });
  warnings.push(...converted.warnings);
  const images = new PostImages(imageFolders(file, place, options.root));
  const withImages = images.rewrite(converted.body);
  warnings.push(...images.warnings);

  const cleanFields = valueWithoutForbiddenCharacters(fields);
  const cleanExtra = valueWithoutForbiddenCharacters(extra);
  const cleanBody = withoutForbiddenCharacters(withImages);
  const removed = cleanFields.removed + cleanExtra.removed + cleanBody.removed;
  if (removed > 0) warnings.push(describeRemoved(removed));
  cleanFields.value.lang = lang ?? detectScript(`${title}\n${cleanBody.text}`);
  return {
    fields: cleanFields.value,
    extra: cleanExtra.value,
    keptKeys,
    slug,
    body: cleanBody.text,
    images: images.images,
    generator: place.generator,
    warnings,
  };
}

/** What in a site is a page rather than a post: a Hugo section's list page, a page at the top of Hugo's content/. */
function refuseNonPosts(file: string, place: PostPlace): void {
  const name = path.basename(file);
  if (/^_index\.[^.]+$/.test(name)) {
    throw new NotAPostError("is a Hugo section's list page (_index.md), not a post; name it on the command line to import it as an article");
  }
  if (place.generator === "hugo" && place.postsDir && path.dirname(path.resolve(file)) === place.postsDir) {
    throw new NotAPostError("is a page at the top of the Hugo site's content/ (such as about.md), not a post of a section; name it on the command line to import it as an article");
  }
}

interface FileNames {
  /** The post's own name: Jekyll's without the date, a page bundle's folder, else the file's name. */
  slug?: string;
  /** The date in Jekyll's `YYYY-MM-DD-slug` name (also `YYYY-M-D`), of the file or its page bundle. */
  date?: { year: number; month: number; day: number };
  /** Hugo: the folders under content/, Hexo: the file's path under _posts/ without its extension. */
  sections: string[];
  path: string;
  /** A draft's file time, its date when it has none. */
  modified?: Date;
}

function fileNames(file: string, place: PostPlace): FileNames {
  const absolute = path.resolve(file);
  const stem = path.basename(absolute, path.extname(absolute));
  const bundle = /^index$/i.test(stem) && place.generator !== "jekyll";
  const name = bundle ? path.basename(path.dirname(absolute)) : stem;
  const dated = JEKYLL_NAME.exec(name);
  const base = bundle ? path.dirname(path.dirname(absolute)) : path.dirname(absolute);
  const sections = place.postsDir ? path.relative(place.postsDir, base).split(path.sep).filter((part) => part && part !== ".") : [];
  return {
    slug: dated ? dated[4] : name,
    date: dated ? { year: +dated[1]!, month: +dated[2]!, day: +dated[3]! } : undefined,
    sections,
    path: [...sections, name].join("/"),
    modified: place.inDrafts ? modifiedTime(absolute) : undefined,
  };
}

function modifiedTime(file: string): Date | undefined {
  try {
    return statSync(file).mtime;
  } catch {
    return undefined;
  }
}

function postDateOf(
  data: Record<string, unknown>, convention: Convention, used: Set<string>, names: FileNames, zone: string, options: PostOptions, warnings: string[],
): FoundDate {
  const key = convention.keys.date.find((name) => data[name] !== undefined && data[name] !== null && data[name] !== "");
  if (key) {
    const found = postDate(data[key], zone);
    if (!found) {
      // Hugo's `published` may be a yes or no; only a date is read as one.
      if (!(key === "published" && typeof data[key] === "boolean")) {
        throw new ImportError(`${key}: ${JSON.stringify(String(data[key]))} is not a date (write 2019-04-04, 2019-04-04 10:00 or 2019-04-04T10:00:00+08:00)`);
      }
    } else {
      used.add(key);
      return found;
    }
  }
  if (names.date) {
    const { year, month, day } = names.date;
    const date = DateTime.fromObject({ year, month, day }, { zone });
    if (date.isValid) return { date, hasTime: false };
  }
  if (options.fallbackDate) {
    warnings.push(`no date of its own; took --date ${frontMatterDate(options.fallbackDate)}`);
    return options.fallbackDate;
  }
  // A draft has no date until it is posted: Jekyll shows it with its file's time.
  if (names.modified) {
    const date = DateTime.fromJSDate(names.modified).setZone(zone);
    warnings.push(`a draft without a date; took its file's modification time, ${date.toFormat("yyyy-LL-dd HH:mm")}`);
    return { date, hasTime: true };
  }
  throw new ImportError("date: is missing (no date in the front matter or in the file's name, such as 2019-04-04-slug.md; --date gives one)");
}

interface AddressValues {
  title: string;
  date: DateTime;
  /** The front matter's own slug, as written. */
  slug?: string;
  names: FileNames;
  categories: string[];
  /** A draft never had the address its tool would have given it: only addresses it names are kept. */
  draft?: boolean;
}

/**
 * The post's old addresses: its own permalink (Jekyll and Hexo `permalink`, Hugo `url`) or else
 * the one its tool made by default (or by the site's settings), then the aliases it lists.
 */
function oldAddresses(
  data: Record<string, unknown>, place: PostPlace, convention: Convention, used: Set<string>, values: AddressValues, warnings: string[],
): string[] {
  const candidates: string[] = [];
  const own = textOf(dataValue(data, convention.keys.permalink, used));
  if (own) {
    const given = own.trim();
    const pathOnly = /^https?:\/\//i.test(given) ? pathOf(given) : given;
    if (pathOnly !== given) warnings.push(`took the path of its address ${given} as its old address`);
    const expanded = pathOnly.includes(":") ? expandPermalink(pathOnly, placeholders(place, values)) : { path: pathOnly };
    if ("path" in expanded) candidates.push(expanded.path.startsWith("/") ? expanded.path : `/${expanded.path}`);
    else warnings.push(`permalink: ${JSON.stringify(given)} has ${expanded.unknown}, which the importer cannot fill; no old address kept from it`);
  } else if (!values.draft) {
    const pattern = defaultPattern(place, convention, values);
    if (pattern) {
      const expanded = expandPermalink(pattern, placeholders(place, values));
      if ("path" in expanded) candidates.push(expanded.path);
      else warnings.push(`the site's permalink ${JSON.stringify(pattern)} has ${expanded.unknown}, which the importer cannot fill; no old address kept from it`);
    }
  }
  const listed = dataValue(data, convention.keys.aliases, used);
  const items = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
  for (const item of items) {
    const text = textOf(item)?.trim();
    if (!text) continue;
    // Hugo reads an alias without a leading / from the page's section.
    const absolute = /^https?:\/\//i.test(text) ? pathOf(text) : text.startsWith("/") ? text : `/${[...values.names.sections, text].join("/")}`;
    candidates.push(absolute);
  }
  const aliases: string[] = [];
  for (const candidate of candidates) {
    const alias = normalizeAlias(candidate);
    if ("error" in alias) warnings.push(`aliases: ${alias.error}; not kept`);
    else if (!aliases.includes(alias.path)) aliases.push(alias.path);
  }
  return aliases;
}

function dataValue(data: Record<string, unknown>, keys: string[], used: Set<string>): unknown {
  const key = keys.find((name) => data[name] !== undefined && data[name] !== null && data[name] !== "");
  if (key === undefined) return undefined;
  used.add(key);
  return data[key];
}

/** The pattern of the post's address by default: the site's settings' (Hugo's per section), else the tool's own. */
function defaultPattern(place: PostPlace, convention: Convention, values: AddressValues): string | undefined {
  if (place.generator === "hugo") {
    const section = values.names.sections[0];
    return (section && place.config.permalinks?.[section]) || convention.permalink;
  }
  return place.config.permalink ?? convention.permalink;
}

/** What each placeholder of Jekyll's, Hugo's and Hexo's permalink patterns stands for in this post. */
function placeholders(place: PostPlace, values: AddressValues): Record<string, string> {
  const { date, names } = values;
  const two = (n: number) => String(n).padStart(2, "0");
  const fileSlug = names.slug ?? "";
  const hugo = (text: string) => urlize(text);
  const common = {
    year: String(date.year), month: two(date.month), day: two(date.day), i_month: String(date.month), i_day: String(date.day),
    short_year: two(date.year % 100), hour: two(date.hour), minute: two(date.minute), second: two(date.second),
    y_day: String(date.ordinal).padStart(3, "0"), week: two(date.weekNumber), short_day: date.setLocale("en").toFormat("ccc"),
  };
  if (place.generator === "hugo") {
    const slug = values.slug ? hugo(values.slug) : undefined;
    const filename = hugo(fileSlug);
    return {
      ...common, monthname: MONTHS[date.month - 1]!, weekday: String(date.weekday % 7), yearday: String(date.ordinal),
      section: hugo(names.sections[0] ?? ""), sections: names.sections.map(hugo).join("/"),
      title: hugo(values.title), slug: slug ?? hugo(values.title), filename, contentbasename: filename,
      slugorfilename: slug ?? filename, slugorcontentbasename: slug ?? filename,
    };
  }
  if (place.generator === "hexo") {
    const title = values.slug ?? names.path;
    return {
      ...common, title, name: fileSlug, post_title: values.title.toLowerCase().replace(/\s+/g, "-"),
      category: values.categories.length > 0 ? values.categories.map((c) => c.replace(/\s+/g, "-")).join("/") : "uncategorized",
    };
  }
  // Jekyll: :title is the slug (its own, or the file's) with its case; :categories as lowercase folders.
  const title = jekyllSlug(values.slug ?? fileSlug);
  return {
    ...common, title, slug: title.toLowerCase(), name: title, output_ext: ".html",
    categories: [...new Set(values.categories.map((category) => category.toLowerCase()))].map(jekyllSlug).join("/"),
  };
}

/** Jekyll's "pretty" slugs: letters and digits of any script kept with their case, spaces and most punctuation a hyphen. */
function jekyllSlug(text: string): string {
  return text.replace(/[^\p{L}\p{N}._~!$&'()+,;=@-]+/gu, "-").replace(/^-+|-+$/g, "");
}

/** Hugo's urlize: lowercase, spaces as hyphens, characters of any script kept. */
function urlize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, "-").replace(/[^\p{L}\p{N}._~\-/]+/gu, "");
}

function pathOf(address: string): string {
  try {
    return new URL(address).pathname;
  } catch {
    return address;
  }
}

/** The slug the archive can use from a given one: lowercase ASCII letters and digits joined by hyphens. */
function asSlug(text: string): string | undefined {
  const slug = text.trim().toLowerCase().replace(/[\s_]+/g, "-");
  return isValidSlug(slug) ? slug : undefined;
}

/** Tags or categories as the tools write them: a list (Hexo nests them), a text split at commas and spaces, numbers as text. */
function terms(value: unknown, field: string, warnings: string[]): string[] {
  const result: string[] = [];
  const add = (item: unknown, depth: number) => {
    if (item === undefined || item === null) return;
    if (Array.isArray(item) && depth < 5) item.forEach((inner) => add(inner, depth + 1));
    else if (typeof item === "string") {
      const parts = depth === 0 ? item.split(TERM_SEPARATORS) : [item];
      for (const part of parts) {
        const term = part.trim().replace(/\s+/g, " ");
        if (term && !result.includes(term)) result.push(term);
      }
    } else if (typeof item === "number" || typeof item === "bigint" || typeof item === "boolean") add(String(item), 1);
    else warnings.push(`${field}: ${JSON.stringify(item)} is not a text; left out`);
  };
  add(value, 0);
  return result;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return undefined;
}

/** A title or summary as plain text: tags taken out, whitespace folded. */
function plainText(text: string): string {
  return text.replace(TAG, "").replace(/\s+/g, " ").trim();
}

/** `author: 张三`, `author: {name: 张三}`, `authors: [甲, 乙]` → a name (several joined by 、). */
function authorOf(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((item) => (item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>).name : item))
    .map(textOf)
    .filter((name): name is string => Boolean(name?.trim()))
    .map((name) => plainText(name));
  return names.length > 0 ? names.join("、") : undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === "string" && /^(?:true|yes|on)$/i.test(value.trim()));
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && /^(?:false|no|off)$/i.test(value.trim()));
}

/** A front matter value as the archive's YAML can hold it: dates as their text, everything bounded. */
function plainValue(value: unknown, key: string, budget: { nodes: number }, depth = 0): unknown {
  if (++budget.nodes > MAX_NODES || depth > 50) throw new ImportError(`${key}: is too large or nested too deeply to keep`);
  if (value instanceof Date) {
    if ((value as Date & { isLocal?: () => boolean }).isLocal) return value.toISOString();
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map((item) => plainValue(item, key, budget, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, plainValue(item, key, budget, depth + 1)]));
  }
  return value;
}

/** Where the images of a post are looked up, and the folders no file outside of which is read. */
function imageFolders(file: string, place: PostPlace, root: string | undefined) {
  const dir = path.dirname(path.resolve(file));
  const stem = path.basename(file, path.extname(file));
  const convention = CONVENTIONS[place.generator];
  const siteRoot = place.root;
  const within = [siteRoot ?? root ?? dir];
  const relative = place.generator === "hexo" ? [path.join(dir, stem), dir] : [dir];
  if (siteRoot && place.generator === "jekyll") relative.push(siteRoot);
  const absolute = siteRoot ? convention.staticFolders.map((folder) => path.join(siteRoot, folder)) : [root ?? dir];
  return { relative, absolute, within };
}

// The posts of a site by their paths, read once per posts folder, for the tags that name another post.
const postLists = new Map<string, string[]>();

/**
 * The old address and title of the post a tag names: Jekyll's `{% post_url 2019-04-04-slug %}`
 * (the file's name), Hexo's `{% post_link slug %}` (its path under _posts/), Hugo's
 * `{{< ref "posts/slug.md" >}}` (its path under content/, or its name).
 */
function postAddress(reference: string, place: PostPlace, from: string, zone: string): { path: string; title: string } | undefined {
  if (!place.root || !place.postsDir) return undefined;
  const searchIn = place.generator === "hugo" ? place.postsDir! : path.join(place.root!, place.generator === "hexo" ? "source/_posts" : "_posts");
  let files = postLists.get(searchIn);
  if (!files) postLists.set(searchIn, (files = listFiles(searchIn)));
  const wanted = reference.trim().replace(/^\/+/, "").replace(/\.(?:md|markdown|mdown|mkd|html?)$/i, "").replace(/\/index$/, "").replace(/^_posts\//, "");
  if (!wanted) return undefined;
  const match = files.find((candidate) => {
    const relative = path.relative(searchIn, candidate).split(path.sep).join("/").replace(/\.[^./]+$/, "").replace(/\/index$/, "");
    return relative === wanted || relative.endsWith(`/${wanted}`);
  });
  if (!match || path.resolve(match) === path.resolve(from)) return undefined;
  try {
    const matter = splitPost(readFileSync(match, "utf8"));
    if (!matter) return undefined;
    return readPostAddress(match, matter, zone);
  } catch {
    return undefined;
  }
}

/** Only the title and first old address of another post: its front matter read, its body left alone. */
function readPostAddress(file: string, matter: PostMatter, zone: string): { path: string; title: string } | undefined {
  const place = placeOf(file, matter.format);
  const convention = CONVENTIONS[place.generator];
  const data = matter.data;
  const names = fileNames(file, place);
  const warnings: string[] = [];
  let date: FoundDate;
  try {
    date = postDateOf(data, convention, new Set(), names, zone, { timeZone: zone, named: true }, warnings);
  } catch {
    return undefined;
  }
  const title = plainText(textOf(data[convention.keys.title.find((key) => data[key] !== undefined) ?? "title"]) ?? names.slug ?? "");
  const categories = terms(data.categories ?? data.category, "categories", warnings);
  const [first] = oldAddresses(data, place, convention, new Set(), { title, date: date.date, slug: textOf(data.slug), names, categories }, warnings);
  return first ? { path: first, title } : undefined;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => /\.(?:md|markdown|mdown|mkd|html?)$/i.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
