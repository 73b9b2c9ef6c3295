/**
 * An article's old addresses (`aliases:`): site-relative paths where the build writes a small page
 * that sends the reader on to the article. A path is checked and written one way: its characters
 * as themselves (percent-encoding decoded, NFC), `.html`/`.htm` a file, anything else a folder.
 */

/** The path as the archive keeps it, or the reason it is not one. */
export type AliasResult = { path: string } | { error: string };

const MAX_LENGTH = 1000;
// No space, control character or character that has another meaning in a URL or an HTML attribute.
const NOT_IN_A_PATH = /[\s\u0000-\u001f\u007f"<>\\^`{|}]/u;
const FILE_PAGE = /\.html?$/i;

/** `/2019/04/04/slug.html`, `/posts/slug` → `/posts/slug/`, `/%E9%9A%8F%E7%AC%94/` → `/随笔/`. */
export function normalizeAlias(value: unknown): AliasResult {
  if (typeof value !== "string") return { error: `${JSON.stringify(value)} is not a text` };
  const text = value.trim();
  const shown = JSON.stringify(text);
  if (/^[a-z][\w+.-]*:/i.test(text) || text.startsWith("//") || text.includes("://")) {
    return { error: `${shown} is a whole address; an alias is a path on this site, such as /2019/04/04/slug.html` };
  }
  if (!text.startsWith("/")) return { error: `${shown} must start with / (a path on this site, such as /2019/04/04/slug.html)` };
  if (text.length > MAX_LENGTH) return { error: `is longer than ${MAX_LENGTH} characters` };
  if (/[?#]/.test(text)) return { error: `${shown} must be a path only, without ?query or #fragment` };
  const segments: string[] = [];
  for (const raw of text.split("/").slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).normalize("NFC");
    } catch {
      return { error: `${shown} has a % that is not percent-encoding` };
    }
    if (segment.includes("/") || NOT_IN_A_PATH.test(segment)) {
      return { error: `${shown} holds a space, control character, encoded slash or one of " < > \\ ^ \` { | }` };
    }
    if (segment === "." || segment === "..") return { error: `${shown} may not hold . or .. segments` };
    if (segment) segments.push(segment);
  }
  if (segments.length === 0) return { path: "/" };
  const last = segments.at(-1)!;
  const folder = text.endsWith("/") || !FILE_PAGE.test(last);
  return { path: `/${segments.join("/")}${folder ? "/" : ""}` };
}
