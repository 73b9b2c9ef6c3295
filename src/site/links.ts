/**
 * Links inside articles that lead to no file of the built site: a warning each, naming the article
 * file and the address. Checked against what the build wrote (pages, redirects, media, the site's
 * own files), so any kind of target counts; addresses outside the site's base path are not its own.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { ArchiveEntry } from "../archive.ts";
import type { Problem } from "../problems.ts";
import { SCRIPTS } from "../scripts.ts";
import { outputPath, paths } from "./urls.ts";

const LINK = /<(?:a|img)\b[^>]*?\s(?:href|src)="([^"]*)"/g;
const ENTITY: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };

export function brokenInternalLinks(entries: ArchiveEntry[], outputDir: string, basePath: string): Problem[] {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  const exists = new Map<string, boolean>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const reported = new Set<string>();
    for (const script of SCRIPTS) {
      const page = new URL(`${base}${paths.article(script, entry.article.slug).replace(/^\//, "")}`, "http://site.invalid");
      for (const [, written] of entry.text[script].html.matchAll(LINK)) {
        const link = written!.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => ENTITY[entity]!);
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link) || link === "") continue;
        const target = new URL(link, page);
        if (target.host !== page.host || !target.pathname.startsWith(base)) continue;
        let file: string;
        try {
          file = path.join(outputDir, outputPath(decodeURIComponent(target.pathname.slice(base.length - 1))));
        } catch {
          file = "";
        }
        let found = exists.get(file);
        if (found === undefined) exists.set(file, (found = file !== "" && statSync(file, { throwIfNoEntry: false })?.isFile() === true));
        if (!found && !reported.has(link)) {
          reported.add(link);
          problems.push({ file: entry.article.file, field: "link", message: `${JSON.stringify(link)} leads to no page or file of this site` });
        }
      }
    }
  }
  return problems;
}
