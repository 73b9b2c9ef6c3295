/**
 * Tags across both scripts. A tag is one thing whichever script it was written in (软件 and 軟件),
 * with one URL key in both scripts (pinyin, ASCII) and a name of its own in each script.
 */
import { createHash } from "node:crypto";
import type { ArchiveEntry } from "../archive.ts";
import { toSimplified } from "../convert/opencc.ts";
import { slugify } from "../articles/slugs.ts";
import { SCRIPTS, type Script } from "../scripts.ts";

export interface Tag {
  identity: string;
  /** The URL key, the same in both scripts. */
  key: string;
  name: Record<Script, string>;
  /** Newest first. */
  entries: ArchiveEntry[];
}

/** What makes two spellings the same tag: the Simplified form, case-folded. */
export function tagIdentity(name: string): string {
  return toSimplified(name.normalize("NFKC")).toLowerCase();
}

export interface TagSet {
  /** Sorted by key. */
  all: Tag[];
  /** An entry's tags, in the order its front matter lists them. */
  of(entry: ArchiveEntry): Tag[];
}

/** Groups entries (newest first) by tag and gives every tag its key and a name in each script. */
export function collectTags(entries: ArchiveEntry[]): TagSet {
  const groups = new Map<string, { entries: ArchiveEntry[]; spellings: Record<Script, Map<string, number>> }>();
  for (const entry of entries) {
    const own = entry.article.lang;
    entry.text[own].tags.forEach((name, i) => {
      const identity = tagIdentity(name);
      let group = groups.get(identity);
      if (!group) groups.set(identity, (group = { entries: [], spellings: { "zh-Hans": new Map(), "zh-Hant": new Map() } }));
      if (group.entries.at(-1) !== entry) group.entries.push(entry);
      for (const script of SCRIPTS) {
        const spelling = entry.text[script].tags[i] ?? name;
        // A spelling written by an author outweighs any number of conversions.
        const weight = script === own ? 1000 : 1;
        group.spellings[script].set(spelling, (group.spellings[script].get(spelling) ?? 0) + weight);
      }
    });
  }
  const tags = [...groups.entries()].map(([identity, group]) => ({
    identity,
    entries: group.entries,
    name: {
      "zh-Hans": mostUsed(group.spellings["zh-Hans"]),
      "zh-Hant": mostUsed(group.spellings["zh-Hant"]),
    },
  }));
  const all = assignKeys(tags);
  const byIdentity = new Map(all.map((tag) => [tag.identity, tag]));
  return {
    all,
    of: (entry) => entry.text[entry.article.lang].tags.map((name) => byIdentity.get(tagIdentity(name))!),
  };
}

function mostUsed(counts: Map<string, number>): string {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Pinyin keys; when two tags share one (公式, 攻势), the tag used first keeps it and the later
 * ones get a numbered key, so adding articles rarely moves an existing tag's URL.
 */
function assignKeys(tags: { identity: string; entries: ArchiveEntry[]; name: Record<Script, string> }[]): Tag[] {
  const firstUse = (tag: (typeof tags)[number]) => tag.entries.at(-1)!.article.date.toMillis();
  const ordered = [...tags].sort((a, b) => firstUse(a) - firstUse(b) || a.identity.localeCompare(b.identity));
  const taken = new Set<string>();
  const result: Tag[] = [];
  for (const tag of ordered) {
    const base = slugify(tag.identity) || `tag-${createHash("sha256").update(tag.identity).digest("hex").slice(0, 8)}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    result.push({ identity: tag.identity, key, name: tag.name, entries: tag.entries });
  }
  return result.sort((a, b) => a.key.localeCompare(b.key));
}
