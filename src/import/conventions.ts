/**
 * What Jekyll, Hugo and Hexo each mean by a post, as data: the front matter keys each reads for
 * a field, the address it gives a post by default, where its site keeps the files it publishes as
 * they are; and where a post file is in such a site (its posts folder, its root, its settings).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";

export type Generator = "jekyll" | "hugo" | "hexo" | "plain";

export interface Convention {
  /** As the summary and messages name it. */
  name: string;
  /** The keys each field is read from, first found wins (the others stay in the article as they are). */
  keys: {
    title: string[];
    date: string[];
    updated: string[];
    summary: string[];
    /** Merged into the article's tags in this order: categories first, then tags. */
    terms: string[];
    /** The post's own address: it is the old address kept as an alias. */
    permalink: string[];
    /** More old addresses (`aliases`, the archive's own name, is read in every convention). */
    aliases: string[];
    /** `draft: true` makes a draft (`draft`, the archive's own name, is read in every convention). */
    draft: string[];
    /** `published: false` makes a draft. */
    published: string[];
  };
  /** The address the tool gives a post without one of its own (its settings can say another). */
  permalink?: string;
  /** Named permalink styles the settings may give instead of a pattern. */
  styles?: Record<string, string>;
  /** Where the site keeps files it publishes as they are (`/images/x.jpg`), relative to its root. */
  staticFolders: string[];
  /** The settings files at the site's root, first found is read. */
  configFiles: string[];
}

const COMMON_SUMMARY = ["summary", "description", "excerpt"];

export const CONVENTIONS: Record<Generator, Convention> = {
  jekyll: {
    name: "Jekyll",
    keys: {
      title: ["title"],
      date: ["date"],
      updated: ["last_modified_at", "updated", "modified"],
      summary: COMMON_SUMMARY,
      terms: ["categories", "category", "tags", "tag"],
      permalink: ["permalink"],
      aliases: ["redirect_from", "aliases"],
      draft: ["draft"],
      published: ["published"],
    },
    // Jekyll's default style, `date`.
    permalink: "/:categories/:year/:month/:day/:title:output_ext",
    styles: {
      date: "/:categories/:year/:month/:day/:title:output_ext",
      pretty: "/:categories/:year/:month/:day/:title/",
      ordinal: "/:categories/:year/:y_day/:title:output_ext",
      weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
      none: "/:categories/:title:output_ext",
    },
    staticFolders: ["."],
    configFiles: ["_config.yml", "_config.yaml", "_config.toml"],
  },
  hugo: {
    name: "Hugo",
    keys: {
      title: ["title", "linkTitle"],
      date: ["date", "publishDate", "pubdate", "published"],
      updated: ["lastmod", "modified", "updated"],
      summary: ["summary", "description"],
      terms: ["categories", "tags"],
      permalink: ["url"],
      aliases: ["aliases"],
      draft: ["draft"],
      published: [],
    },
    // A page's folders under content/ (its section), then its slug or its file's (bundle's) name.
    permalink: "/:sections/:slugorfilename/",
    staticFolders: ["static"],
    configFiles: ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"],
  },
  hexo: {
    name: "Hexo",
    keys: {
      title: ["title"],
      date: ["date"],
      updated: ["updated"],
      summary: ["excerpt", "description", "summary"],
      terms: ["categories", "tags"],
      permalink: ["permalink"],
      aliases: ["alias", "redirect_from", "aliases"],
      draft: ["draft"],
      published: ["published"],
    },
    permalink: "/:year/:month/:day/:title/",
    staticFolders: ["source"],
    configFiles: ["_config.yml", "_config.yaml"],
  },
  plain: {
    name: "front matter",
    keys: {
      title: ["title"],
      date: ["date", "publishDate", "pubDate", "published", "created"],
      updated: ["updated", "lastmod", "last_modified_at", "modified"],
      summary: [...COMMON_SUMMARY, "abstract"],
      terms: ["categories", "category", "tags", "tag"],
      permalink: ["permalink", "url"],
      aliases: ["aliases", "redirect_from", "alias"],
      draft: ["draft"],
      published: ["published"],
    },
    staticFolders: ["."],
    configFiles: [],
  },
};

/** The site's own settings that change what a post's address is or when it was written. */
export interface SiteConfig {
  permalink?: string;
  /** Hugo: `[permalinks]`, a pattern per section. */
  permalinks?: Record<string, string>;
  timeZone?: string;
}

/** Where a post file is: in which tool's site, its posts folder, its root. */
export interface PostPlace {
  generator: Generator;
  /** The site's root (the folder of `_config.yml`, `hugo.toml`), when the post is in a site's posts folder. */
  root?: string;
  /** `_posts/`, `_drafts/`, `source/_posts/`, `content/`. */
  postsDir?: string;
  /** In Jekyll's or Hexo's `_drafts/`. */
  inDrafts: boolean;
  config: SiteConfig;
  /** Why the settings could not be read, once per post. */
  configProblem?: string;
}

const configs = new Map<string, { config: SiteConfig; problem?: string }>();

/**
 * The place of a post file, from its folders: `_posts/` or `_drafts/` (in `source/`: Hexo, else
 * Jekyll), or `content/` beside a Hugo settings file; a post in none of them is a plain one,
 * except that TOML front matter is Hugo's.
 */
export function placeOf(file: string, format: "yaml" | "toml" | "json"): PostPlace {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const name = path.basename(dir);
    const parent = path.dirname(dir);
    if (name === "_posts" || name === "_drafts") {
      const hexo = path.basename(parent) === "source";
      const root = hexo ? path.dirname(parent) : parent;
      return withConfig({ generator: hexo ? "hexo" : "jekyll", root, postsDir: dir, inDrafts: name === "_drafts", config: {} });
    }
    if (name === "content" && hugoConfigOf(parent)) {
      return withConfig({ generator: "hugo", root: parent, postsDir: dir, inDrafts: false, config: {} });
    }
    if (parent === dir) break;
    dir = parent;
  }
  return { generator: format === "toml" ? "hugo" : "plain", inDrafts: false, config: {} };
}

/** What a folder is the root of, if it is a Jekyll, Hugo or Hexo site: the folders its posts are in. */
export function siteAt(dir: string): { generator: Generator; postFolders: string[] } | undefined {
  const isDir = (...parts: string[]) => statOrUndefined(path.join(dir, ...parts))?.isDirectory() ?? false;
  const has = (names: string[]) => names.some((name) => statOrUndefined(path.join(dir, name))?.isFile());
  if (isDir("source", "_posts") && has(CONVENTIONS.hexo.configFiles)) return { generator: "hexo", postFolders: ["source/_posts", "source/_drafts"] };
  if ((isDir("_posts") || isDir("_drafts")) && has(CONVENTIONS.jekyll.configFiles)) return { generator: "jekyll", postFolders: ["_posts", "_drafts"] };
  if (isDir("content") && hugoConfigOf(dir)) return { generator: "hugo", postFolders: ["content"] };
  return undefined;
}

function hugoConfigOf(dir: string): string | undefined {
  const file = CONVENTIONS.hugo.configFiles.map((name) => path.join(dir, name)).find((candidate) => statOrUndefined(candidate)?.isFile());
  return file ?? (statOrUndefined(path.join(dir, "config", "_default"))?.isDirectory() ? path.join(dir, "config", "_default", "hugo.toml") : undefined);
}

function withConfig(place: PostPlace): PostPlace {
  const root = place.root!;
  const key = `${place.generator}\u0000${root}`;
  let known = configs.get(key);
  if (!known) configs.set(key, (known = readConfig(place.generator, root)));
  return { ...place, config: known.config, configProblem: known.problem };
}

/** The settings that matter here, from the site's settings file; a file that cannot be read is said once a post. */
function readConfig(generator: Generator, root: string): { config: SiteConfig; problem?: string } {
  const convention = CONVENTIONS[generator];
  const file = generator === "hugo" ? hugoConfigOf(root) : convention.configFiles.map((name) => path.join(root, name)).find(existsSync);
  if (!file || !existsSync(file)) return { config: {} };
  let data: unknown;
  try {
    const text = readFileSync(file, "utf8");
    data = file.endsWith(".toml") ? parseToml(text) : file.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA, json: true });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    return { config: {}, problem: `the site's settings (${path.basename(file)}) could not be read (${reason}); ${convention.name}'s default addresses assumed` };
  }
  if (!data || typeof data !== "object") return { config: {} };
  const settings = data as Record<string, unknown>;
  const config: SiteConfig = {};
  if (typeof settings.permalink === "string" && settings.permalink.trim()) {
    const given = settings.permalink.trim();
    config.permalink = convention.styles?.[given] ?? given;
  }
  const permalinks = settings.permalinks;
  if (permalinks && typeof permalinks === "object") {
    // Hugo 0.120+ nests them by kind (`[permalinks.page]`); older sites name sections at the top.
    const table = (permalinks as Record<string, unknown>).page ?? permalinks;
    config.permalinks = Object.fromEntries(
      Object.entries(table as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  }
  const zone = settings.timezone ?? settings.timeZone;
  if (typeof zone === "string" && zone.trim()) config.timeZone = zone.trim();
  return { config };
}

/** The values a permalink pattern's placeholders stand for. */
export type PermalinkValues = Record<string, string>;

/**
 * A pattern such as `/:categories/:year/:month/:day/:title:output_ext` with its placeholders
 * filled, the empty folders an empty value leaves taken out; undefined names a placeholder that
 * has no value here.
 */
export function expandPermalink(pattern: string, values: PermalinkValues): { path: string } | { unknown: string } {
  let unknown: string | undefined;
  const filled = pattern.replace(/:([a-z_]+)/gi, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) unknown ??= whole;
    return value ?? "";
  });
  return unknown ? { unknown } : { path: `/${filled}`.replace(/\/{2,}/g, "/") };
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
