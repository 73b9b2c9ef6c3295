import type { DateTime } from "luxon";
import type { Script } from "../scripts.ts";

/** One article as read from its Markdown file: the only shape later stages see. */
export interface Article {
  /** The file's path as given to the loader, for messages. */
  file: string;
  slug: string;
  title: string;
  /** In the site's time zone. */
  date: DateTime;
  updated?: DateTime;
  /** As written, in the article's own script. */
  tags: string[];
  lang: Script;
  /** True when `lang` was not in the front matter but detected from the text. */
  langDetected: boolean;
  author?: string;
  source?: string;
  sourceUrl?: string;
  summary?: string;
  draft: boolean;
  /** Terms kept exactly as written when converting to the other script. */
  keep: string[];
  /** The Markdown body. */
  body: string;
  /**
   * Old addresses of the article (site-relative paths, as `normalizeAlias` writes them), each given
   * a page that sends the reader on; absent when it has none.
   */
  aliases?: string[];
  /** Front matter keys the archive does not know, kept as they are. */
  extra: Record<string, unknown>;
}

/** The front matter keys an article may have. */
export const FRONT_MATTER_KEYS = [
  "title",
  "date",
  "updated",
  "tags",
  "lang",
  "slug",
  "author",
  "source",
  "source_url",
  "summary",
  "draft",
  "keep",
  // Old addresses (an archive brought over from Jekyll, Hugo or Hexo): each gets a redirect page.
  "aliases",
  // Written by `npm run import`: the input's file name and SHA-256, and a checksum of the file as
  // written, so a later import can tell a person's edits from its own.
  "imported",
  // Written by `npm run import` for a page saved with its files: each image copied into
  // media/<slug>/, with the address it had on the origin site.
  "images",
] as const;
