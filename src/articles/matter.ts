/**
 * An article file's text → its front matter (as data) and body. Front matter is YAML between `---`
 * lines at the very top, read with js-yaml's CORE_SCHEMA: dates stay text (the site's time zone
 * decides what they mean) and no tag can build an object or run code. gray-matter would also
 * evaluate `---js` and `---coffee` front matter; any language named after `---` other than YAML is
 * refused here, before gray-matter sees the text, so an article file never runs anything.
 */
import matter from "gray-matter";
import yaml from "js-yaml";

export interface FrontMatterText {
  data: Record<string, unknown>;
  body: string;
  /** The whole text without a byte-order mark. */
  text: string;
}

/** The front matter cannot be read; the message says why, for the `front matter` field. */
export class FrontMatterError extends Error {}

const YAML_NAMES = new Set(["", "yaml", "yml"]);
const OPENING_LINE = /^---([^\n]*)\r?\n/;

const refuse = (language: string) => () => {
  throw new FrontMatterError(`"---${language}" is not accepted: front matter is YAML data between --- lines, never code`);
};

const matterOptions = {
  engines: {
    yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object,
    // Never reached (the opening line is checked first); here so that no other path can run code.
    js: refuse("js"),
    javascript: refuse("javascript"),
    coffee: refuse("coffee"),
    coffeescript: refuse("coffeescript"),
    cson: refuse("cson"),
  },
};

/** Splits an article file's text. Throws FrontMatterError (front matter present but not readable). */
export function readFrontMatter(source: string): FrontMatterText {
  const text = source.replace(/^\uFEFF/, "");
  const opening = OPENING_LINE.exec(text);
  if (opening) {
    const language = opening[1]!.trim().toLowerCase();
    // `----` is a rule, not a language: gray-matter reads such a file as having no front matter.
    if (!YAML_NAMES.has(language) && !language.startsWith("-")) refuse(opening[1]!.trim())();
  } else if (/^\s+---\s*\r?\n/.test(text)) {
    const blankLines = text.slice(0, text.indexOf("---")).split("\n").length - 1;
    throw new FrontMatterError(
      `is not at the top of the file (${blankLines > 0 ? `${blankLines} blank line${blankLines === 1 ? "" : "s"}` : "spaces"} before the first ---); the file must start with ---`,
    );
  }
  let parsed;
  try {
    // Passing options also turns off gray-matter's cache, which leaks mutations between calls.
    parsed = matter(text, matterOptions);
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    throw new FrontMatterError(`is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const data = parsed.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) throw new FrontMatterError("must be a mapping of keys to values");
  return { data: data as Record<string, unknown>, body: parsed.content, text };
}
