/**
 * The site's own scripts as readers download them: minified by esbuild after the build has copied
 * them (public/js/ stays readable, and `npm start` serves it as written). The search page's scripts
 * are part of what a reader's first search transfers, which is counted (see the README's Search).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";

/** Minifies every .js file under `dir`, in place. */
export function minifyScripts(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (name.endsWith(".js")) minifyScript(path.join(dir, name));
  }
}

/** Minifies one script, in place; no format is given, so a classic script keeps its global names. */
export function minifyScript(file: string): void {
  const { code } = transformSync(readFileSync(file, "utf8"), { minify: true, charset: "utf8", sourcefile: file });
  writeFileSync(file, code);
}
