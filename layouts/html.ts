/**
 * HTML built with a tagged template that escapes every interpolated value, so text from content
 * (titles, tags, names) can never become markup. Only `raw()` — used for Markdown that markdown-it
 * rendered with raw HTML off — passes through unescaped.
 */
import { withoutForbiddenCharacters } from "../src/characters.ts";

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | Value[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// Any character escaping or dropping could change (surrogates too: a lone one is dropped).
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

export function escapeHtml(text: string): string {
  // Most values (tags, dates, Chinese titles) have nothing to escape: a build escapes millions.
  if (!NEEDS_ESCAPING.test(text)) return text;
  // Characters no XML or HTML document may hold are dropped (content loses them when it is read;
  // this keeps any other text, such as settings, from breaking a feed).
  return withoutForbiddenCharacters(text).text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function render(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted HTML: only for what a renderer that escapes raw HTML produced. */
export function raw(text: string): Html {
  return new Html(text);
}
