/** Shared by the build tests: build a content folder into a temporary folder and read its pages. */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../src/build.ts";
import { temporaryDir } from "./temporary.ts";
import { converterFrom, type TraditionalStandard } from "../src/convert/opencc.ts";
import { isInOtherScript } from "../src/convert/detect.ts";
import { otherScript, type Script } from "../src/scripts.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

export async function buildInto(contentDir: string): Promise<string> {
  const outputDir = temporaryDir("archive-site-");
  await buildSite({ contentDir, outputDir });
  return outputDir;
}

/** The file a URL path is served from: folders serve their index.html. */
export function fileOf(outputDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  return path.join(outputDir, clean.endsWith("/") ? `${clean}index.html` : clean);
}

export function exists(outputDir: string, urlPath: string): boolean {
  return existsSync(fileOf(outputDir, urlPath));
}

export function readText(outputDir: string, urlPath: string): string {
  return readFileSync(fileOf(outputDir, urlPath), "utf8");
}

export function readPage(outputDir: string, urlPath: string): Document {
  return parseHTML(readText(outputDir, urlPath)).document as unknown as Document;
}

/**
 * Characters of `text` in the other script than `script`: those OpenCC's own standard counts as the
 * other's, and that converting the text as if it were in the other script (with the site's standard,
 * in context) changes. Either test alone errs: 里 of 公里 is Traditional too, 面 of 裡面 is not 麵.
 */
export function otherScriptCharacters(text: string, script: Script, standard: TraditionalStandard): string[] {
  const again = converterFrom(otherScript(script), standard)(text);
  if (again.length !== text.length) return [`(the text's length changed: ${again})`];
  return [...new Set([...text].filter((char, i) => again[i] !== char && isInOtherScript(char, script)))];
}
