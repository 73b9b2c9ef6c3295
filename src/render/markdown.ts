/**
 * Markdown → HTML for article bodies: markdown-it with the HTML written in them made safe
 * (./sanitize.ts), emphasis that works beside Chinese punctuation, heading anchors whose ids keep
 * Chinese, figures with captions, links as their authors meant them, and the `{=…=}` mark for a
 * span kept as written when converting to the other script.
 */
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it/index.js";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import cjkFriendly from "markdown-it-cjk-friendly";
import anchor from "markdown-it-anchor";
import imageFigures from "markdown-it-image-figures";
import { sanitizeArticleHtml } from "./sanitize.ts";
import { isInOtherScript } from "../convert/detect.ts";
import { otherScript, type Script } from "../scripts.ts";

/** What a render needs to know beyond the tokens. */
export interface RenderEnv {
  /** The script the Markdown was written in: kept spans carry it as their `lang`. */
  sourceLang: Script;
  /** The site's base path ("/" or "/archive/"): prefixed to root-relative links and images. */
  basePath?: string;
  /** Filled by the parse: what is wrong with the text's links, one reason each. */
  linkProblems?: string[];
  /**
   * Set by the parse: whether the Markdown wrote HTML of its own. markdown-it's own output is safe
   * as it is, so only then is the page made safe (which costs more than the rest of its rendering).
   */
  writesHtml?: boolean;
}

// What a Chinese input method types in place of an address's ASCII punctuation.
const FULL_WIDTH_URL_PUNCTUATION: Readonly<Record<string, string>> = {
  "：": ":", "／": "/", "？": "?", "＆": "&", "＝": "=", "＃": "#", "％": "%", "．": ".",
};
const FULL_WIDTH_IN_URL = new RegExp(`[${Object.keys(FULL_WIDTH_URL_PUNCTUATION).join("")}]`, "g");
// A relative link whose first part is a host name and then a path (example.com/a): an address
// missing its scheme. Without the path it could be a file (photo.jpg), and is left alone.
const HOST_WITHOUT_SCHEME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\//i;

/**
 * A link as its author meant it: an address typed with full-width punctuation (https：//a.cn/？q＝1)
 * gets ASCII punctuation, and one starting `www.` its scheme. Any other link is left as written.
 */
export function mendLink(link: string): string {
  const ascii = link.trim().replace(FULL_WIDTH_IN_URL, (char) => FULL_WIDTH_URL_PUNCTUATION[char]!);
  if (/^www\./i.test(ascii)) return `https://${ascii}`;
  return /^https?:\/\//i.test(ascii) ? ascii : link;
}

/** Why a link (as mended) leads nowhere, or undefined when it may lead somewhere. */
export function linkProblem(link: string): string | undefined {
  if (/^https?:/i.test(link)) {
    if (!/^https?:\/\/[^/]/i.test(link)) return `${JSON.stringify(link)} is not a whole address (write https://…)`;
    try {
      new URL(link);
    } catch {
      return `${JSON.stringify(link)} is not an address a browser can open`;
    }
    return undefined;
  }
  if (/^https?\/|^https?:?$/i.test(link)) return `${JSON.stringify(link)} is not a whole address (write https://…)`;
  if (HOST_WITHOUT_SCHEME.test(link)) return `${JSON.stringify(link)} looks like an address without https://, and leads to a page of this site instead`;
  return undefined;
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

// src= and href= of HTML written in the Markdown, with a root-relative address.
const HTML_ROOT_RELATIVE = /(<(?:a|img)\b[^>]*?\s(?:src|href)\s*=\s*["']?)\/(?![/\\])/gi;

/**
 * Core rule: `/images/a.png` becomes `/archive/images/a.png` on a site published under /archive/,
 * in Markdown's links and images and in the `<a href>` and `<img src>` of HTML written in it.
 */
function basePathRule(state: { tokens: Token[]; env: RenderEnv }): void {
  const prefix = (state.env.basePath ?? "/").replace(/\/$/, "");
  if (!prefix) return;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "html_block" || token.type === "html_inline") {
        token.content = token.content.replace(HTML_ROOT_RELATIVE, `$1${prefix}/`);
        continue;
      }
      const attr = token.type === "link_open" ? "href" : token.type === "image" ? "src" : null;
      const value = attr ? token.attrGet(attr) : null;
      if (attr && value && value.startsWith("/") && !value.startsWith("//")) token.attrSet(attr, prefix + value);
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
}

/** Core rule: links as their authors meant them (mendLink), and a reason for each that leads nowhere. */
function mendLinksRule(md: MarkdownIt): (state: { tokens: Token[]; env: RenderEnv }) => void {
  return (state) => {
    const visit = (tokens: Token[]) => {
      for (const token of tokens) {
        if (token.type === "link_open") {
          const written = md.utils.lib.mdurl.decode(token.attrGet("href") ?? "");
          const mended = mendLink(written);
          if (mended !== written) {
            const href = md.normalizeLink(mended);
            if (md.validateLink(href)) token.attrSet("href", href);
          }
          const problem = linkProblem(mended);
          if (problem) (state.env.linkProblems ??= []).push(problem);
        }
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
  };
}

/** Core rule, before the heading anchors add HTML of their own: whether the author wrote any. */
function writesHtmlRule(state: { tokens: Token[]; env: RenderEnv }): void {
  const writes = (tokens: Token[]): boolean =>
    tokens.some((token) => token.type === "html_block" || token.type === "html_inline" || (token.children !== null && writes(token.children)));
  // Or'ed: a plugin parses a figure's caption with the same env, and that must not undo what was found.
  if (writes(state.tokens)) state.env.writesHtml = true;
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(cjkFriendly);
  md.use(anchor, {
    level: [2, 3, 4],
    slugify: headingId,
    tabIndex: false,
    // A pointer's convenience, hidden from screen readers, so also out of the Tab order (axe: aria-hidden-focus).
    permalink: anchor.permalink.ariaHidden({ placement: "after", class: "header-anchor", symbol: "#", renderAttrs: () => ({ tabindex: "-1" }) }),
  });
  md.use(imageFigures, { figcaption: "title", lazy: true, async: true });
  md.inline.ruler.before("emphasis", "keep_span", keepSpanRule);
  md.core.ruler.after("inline", "writes_html", writesHtmlRule);
  md.core.ruler.push("mend_links", mendLinksRule(md));
  md.core.ruler.push("base_path", basePathRule);
  // A kept span is in the article's script, unless its own characters say it is in the other.
  md.renderer.rules.keep_open = (tokens, idx, _options, env: RenderEnv) => {
    const kept = tokens[idx + 1]?.content ?? "";
    const lang = isInOtherScript(kept, env.sourceLang) ? otherScript(env.sourceLang) : env.sourceLang;
    return `<span class="keep" lang="${md.utils.escapeHtml(lang)}">`;
  };
  md.renderer.rules.keep_close = () => "</span>";
  // A code block may scroll sideways on a phone: it takes the keyboard's focus, so arrow keys scroll it.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (...args) => fence(...args).replace(/^<pre/, '<pre tabindex="0"');
  const codeBlock = md.renderer.rules.code_block!;
  md.renderer.rules.code_block = (...args) => codeBlock(...args).replace(/^<pre/, '<pre tabindex="0"');
  return md;
}

const markdown = createMarkdown();

/** Parses Markdown into tokens; the conversion step rewrites their text before rendering. */
export function parseMarkdown(source: string, env: RenderEnv): Token[] {
  env.writesHtml = false;
  return markdown.parse(source, env);
}

export function renderTokens(tokens: Token[], env: RenderEnv): string {
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return env.writesHtml === false ? html : sanitizeArticleHtml(html);
}

export function renderMarkdown(source: string, env: RenderEnv): string {
  return renderTokens(parseMarkdown(source, env), env);
}
