/**
 * Markdown → HTML for article bodies: markdown-it with raw HTML off, emphasis that works beside
 * Chinese punctuation, heading anchors whose ids keep Chinese, figures with captions, and the
 * `{=…=}` mark for a span kept as written when converting to the other script.
 */
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it/index.js";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import cjkFriendly from "markdown-it-cjk-friendly";
import anchor from "markdown-it-anchor";
import imageFigures from "markdown-it-image-figures";

/** What a render needs to know beyond the tokens. */
export interface RenderEnv {
  /** The script the Markdown was written in: kept spans carry it as their `lang`. */
  sourceLang: string;
  /** The site's base path ("/" or "/archive/"): prefixed to root-relative links and images. */
  basePath?: string;
}

/** A heading id that stays readable in Chinese: letters and digits of any script, joined by hyphens. */
export function headingId(text: string): string {
  const id = text
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]+/gu, "")
    .replace(/[\s_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id || "section";
}

const KEEP_OPEN = "{=";
const KEEP_CLOSE = "=}";

/** Inline rule for `{=text=}`: text kept exactly as written by the conversion step. */
function keepSpanRule(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith(KEEP_OPEN, state.pos)) return false;
  const start = state.pos + KEEP_OPEN.length;
  const end = state.src.indexOf(KEEP_CLOSE, start);
  if (end <= start || state.src.slice(start, end).includes("\n")) return false;
  if (!silent) {
    state.push("keep_open", "span", 1).attrSet("class", "keep");
    state.push("text", "", 0).content = state.src.slice(start, end);
    state.push("keep_close", "span", -1);
  }
  state.pos = end + KEEP_CLOSE.length;
  return true;
}

/** Core rule: `/images/a.png` becomes `/archive/images/a.png` on a site published under /archive/. */
function basePathRule(state: { tokens: Token[]; env: RenderEnv }): void {
  const prefix = (state.env.basePath ?? "/").replace(/\/$/, "");
  if (!prefix) return;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      const attr = token.type === "link_open" ? "href" : token.type === "image" ? "src" : null;
      const value = attr ? token.attrGet(attr) : null;
      if (attr && value && value.startsWith("/") && !value.startsWith("//")) token.attrSet(attr, prefix + value);
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(cjkFriendly);
  md.use(anchor, {
    level: [2, 3, 4],
    slugify: headingId,
    tabIndex: false,
    permalink: anchor.permalink.ariaHidden({ placement: "after", class: "header-anchor", symbol: "#" }),
  });
  md.use(imageFigures, { figcaption: "title", lazy: true, async: true });
  md.inline.ruler.before("emphasis", "keep_span", keepSpanRule);
  md.core.ruler.push("base_path", basePathRule);
  md.renderer.rules.keep_open = (_tokens, _idx, _options, env: RenderEnv) =>
    `<span class="keep" lang="${md.utils.escapeHtml(env.sourceLang)}">`;
  md.renderer.rules.keep_close = () => "</span>";
  return md;
}

const markdown = createMarkdown();

/** Parses Markdown into tokens; the conversion step rewrites their text before rendering. */
export function parseMarkdown(source: string, env: RenderEnv): Token[] {
  return markdown.parse(source, env);
}

export function renderTokens(tokens: Token[], env: RenderEnv): string {
  return markdown.renderer.render(tokens, markdown.options, env);
}

export function renderMarkdown(source: string, env: RenderEnv): string {
  return renderTokens(parseMarkdown(source, env), env);
}
