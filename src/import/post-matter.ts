/**
 * A post of another generator → its front matter (as data) and its body. Told by the first line:
 * `---` YAML (Jekyll, Hexo, Hugo; closed by `---` or `...`), `+++` TOML (Hugo), or a JSON object
 * (Hugo). Read as data only: YAML with js-yaml's CORE_SCHEMA (no tag builds an object or runs
 * anything; dates stay text), TOML with smol-toml, JSON with JSON.parse.
 */
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { ImportError } from "./page.ts";

export type MatterFormat = "yaml" | "toml" | "json";

export interface PostMatter {
  format: MatterFormat;
  data: Record<string, unknown>;
  body: string;
}

const YAML_OPENING = /^---[ \t]*\r?\n/;
const YAML_CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const TOML_OPENING = /^\+\+\+[ \t]*\r?\n/;
const TOML_CLOSING = /^\+\+\+[ \t]*(?:\r?\n|$)/m;
// Front matter larger than this is no post's (a key may be large, such as a long summary).
const MAX_MATTER = 256 * 1024;

/** True when the text starts as a post with front matter does (a cheap look at its first bytes). */
export function startsWithFrontMatter(text: string): boolean {
  const start = text.replace(/^\uFEFF/, "");
  return YAML_OPENING.test(start) || TOML_OPENING.test(start) || /^\{\s*"/.test(start);
}

/**
 * The front matter and body, or undefined when the text has none (it is no post). Throws an
 * ImportError naming the front matter and the reason when it has some that cannot be read.
 */
export function splitPost(source: string): PostMatter | undefined {
  const text = source.replace(/^\uFEFF/, "");
  const yamlOpening = YAML_OPENING.exec(text);
  if (yamlOpening) return delimited(text, yamlOpening[0].length, YAML_CLOSING, "yaml");
  const tomlOpening = TOML_OPENING.exec(text);
  if (tomlOpening) return delimited(text, tomlOpening[0].length, TOML_CLOSING, "toml");
  if (/^\{\s*"/.test(text)) return jsonMatter(text);
  return undefined;
}

function delimited(text: string, start: number, closing: RegExp, format: "yaml" | "toml"): PostMatter | undefined {
  const rest = text.slice(start);
  const end = closing.exec(rest);
  // A `---` line with nothing closing it is a rule at the top of a text, not front matter.
  if (!end) return undefined;
  const matter = rest.slice(0, end.index);
  if (matter.length > MAX_MATTER) throw new ImportError(`front matter: is larger than ${MAX_MATTER / 1024} KB; not read`);
  const body = rest.slice(end.index + end[0].length);
  return { format, data: parse(matter, format), body };
}

function parse(matter: string, format: "yaml" | "toml"): Record<string, unknown> {
  let data: unknown;
  try {
    // json: a key given twice keeps its last value, as Jekyll's YAML reader does.
    data = format === "yaml" ? yaml.load(matter, { schema: yaml.CORE_SCHEMA, json: true }) : parseToml(matter);
  } catch (error) {
    throw new ImportError(`front matter: is not valid ${format === "yaml" ? "YAML" : "TOML"} (${reasonOf(error, format)})`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new ImportError("front matter: must be a mapping of keys to values");
  return data as Record<string, unknown>;
}

/** One line: the parser's reason and the line of the file it is on. */
function reasonOf(error: unknown, format: "yaml" | "toml"): string {
  if (error instanceof yaml.YAMLException) {
    // The file's line: the front matter starts on the second.
    return `${error.reason} at line ${error.mark.line + 2}`;
  }
  const { message, line } = error as { message: string; line?: number };
  const first = message.split("\n")[0]!.replace(/\s*at row \d+, col \d+.*$/i, "").trim();
  return typeof line === "number" && format === "toml" ? `${first} at line ${line + 1}` : first;
}

/** Hugo's JSON front matter: an object at the top, then the body. */
function jsonMatter(text: string): PostMatter {
  const end = objectEnd(text);
  if (end === undefined) throw new ImportError("front matter: is a JSON object that is never closed");
  if (end > MAX_MATTER) throw new ImportError(`front matter: is larger than ${MAX_MATTER / 1024} KB; not read`);
  let data: unknown;
  try {
    data = JSON.parse(text.slice(0, end));
  } catch (error) {
    throw new ImportError(`front matter: is not valid JSON (${(error as Error).message.split("\n")[0]})`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ImportError("front matter: must be a mapping of keys to values");
  return { format: "json", data: data as Record<string, unknown>, body: text.slice(end).replace(/^[ \t]*\r?\n/, "") };
}

/** Where the JSON object the text starts with ends (just after its closing brace). */
function objectEnd(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length && i <= MAX_MATTER + 1; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
