/**
 * An article in both scripts: its own, rendered as written, and the other, converted from it
 * (one way only). Only reader-facing text is converted: never link or image addresses, code,
 * heading ids or other attributes, nor spans and terms kept as written.
 */
import type { Token } from "markdown-it/index.js";
import type { Article } from "./types.ts";
import { basePath, type SiteSettings } from "../settings.ts";
import { otherScript, type Script } from "../scripts.ts";
import { parseMarkdown, renderTokens, type RenderEnv } from "../render/markdown.ts";
import { converterFrom } from "../convert/opencc.ts";
import { QUOTES_FOR_TRADITIONAL, TextConverter } from "../convert/text.ts";
import { isInOtherScript } from "../convert/detect.ts";

/** The reader-facing text of an article in one script. */
export interface ArticleText {
  lang: Script;
  title: string;
  summary?: string;
  /** Names, converted like the text unless the article keeps them as written (`keep`). */
  author?: string;
  source?: string;
  tags: string[];
  html: string;
  /** On the article's own page: how many blocks were written in the other script and converted to its own. */
  blocksConverted?: number;
}

export interface ArticleVariants {
  original: ArticleText;
  converted: ArticleText;
  /** Why links of the text lead nowhere (src/render/markdown.ts linkProblem), one reason each. */
  linkProblems: string[];
}

const SKIPPED_TOKENS = new Set(["code_inline", "code_block", "fence", "html_inline", "html_block"]);

/**
 * The text tokens of each block (a paragraph, heading, list item, table cell), in document order:
 * a block is in one script or the other as a whole.
 */
function blocksOfText(tokens: Token[]): Token[][] {
  return tokens.filter((token) => token.type === "inline").map((token) => readableTextTokens([token]));
}

/** The text tokens a reader sees, in document order, outside code and kept spans. */
function readableTextTokens(tokens: Token[]): Token[] {
  const result: Token[] = [];
  let keepDepth = 0;
  const visit = (list: Token[]) => {
    for (const token of list) {
      if (token.type === "keep_open") keepDepth++;
      else if (token.type === "keep_close") keepDepth--;
      else if (token.type === "text" && keepDepth === 0 && token.content) result.push(token);
      else if (token.children && !SKIPPED_TOKENS.has(token.type)) visit(token.children);
    }
  };
  visit(tokens);
  return result;
}

// A tag or comment of raw HTML; what lies between them is text.
const HTML_TAG = /(<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>)/;
// Elements whose content is not reader-facing text (or is dropped when the HTML is made safe).
const NOT_TEXT_ELEMENT = /^<\/?(code|pre|kbd|samp|script|style|textarea)\b/i;

/** The pieces of an HTML block (tags and text in turn), and which of them are text a reader sees. */
function htmlTextPieces(html: string): { pieces: string[]; text: number[] } {
  const pieces = html.split(HTML_TAG);
  const text: number[] = [];
  let notText = 0;
  pieces.forEach((piece, i) => {
    if (i % 2 === 1) {
      if (NOT_TEXT_ELEMENT.test(piece)) notText = Math.max(0, notText + (piece.startsWith("</") ? -1 : 1));
    } else if (notText === 0 && /\S/.test(piece)) {
      text.push(i);
    }
  });
  return { pieces, text };
}

export class VariantBuilder {
  constructor(private readonly settings: SiteSettings) {}

  build(article: Article): ArticleVariants {
    const from = article.lang;
    const to = otherScript(from);
    const env: RenderEnv = { sourceLang: from, basePath: basePath(this.settings), linkProblems: [] };
    const tokens = parseMarkdown(article.body, env);
    const htmlBlocks = tokens.filter((token) => token.type === "html_block").map((token) => ({ token, ...htmlTextPieces(token.content) }));
    // The heading, summary, names and tags, converted with the text (absent ones as "").
    const head = [article.title, article.summary ?? "", article.author ?? "", article.source ?? "", ...article.tags];
    const otherScriptBlocks = this.convertOtherScriptBlocks(article, tokens, htmlBlocks, head);
    const textOf = (texts: string[]): Omit<ArticleText, "lang" | "html"> => ({
      title: texts[0]!,
      summary: article.summary === undefined ? undefined : texts[1],
      ...(article.author === undefined ? {} : { author: texts[2] }),
      ...(article.source === undefined ? {} : { source: texts[3] }),
      tags: texts.slice(4, head.length),
    });
    const original: ArticleText = {
      lang: from,
      ...textOf(head),
      html: renderTokens(tokens, env),
      ...(otherScriptBlocks > 0 ? { blocksConverted: otherScriptBlocks } : {}),
    };

    const textTokens = readableTextTokens(tokens);
    // The text inside HTML the Markdown wrote (a caption, a table's cells) is converted too, its tags never.
    const htmlTexts = htmlBlocks.flatMap(({ pieces, text }) => text.map((i) => pieces[i]!));
    const converted = this.convert(article, [...head, ...textTokens.map((token) => token.content), ...htmlTexts]);
    textTokens.forEach((token, i) => (token.content = converted[head.length + i]!));
    let next = head.length + textTokens.length;
    for (const { token, pieces, text } of htmlBlocks) {
      for (const i of text) pieces[i] = converted[next++]!;
      token.content = pieces.join("");
    }
    return {
      original,
      linkProblems: env.linkProblems ?? [],
      converted: { lang: to, ...textOf(converted), html: renderTokens(tokens, env) },
    };
  }

  /**
   * Blocks written in the other script than the article's (a Simplified preface to a Traditional
   * article, a tag or the author's name) are converted to the article's own (`head` in place), so that its own page reads in one script too; kept
   * spans and terms stay as written. Returns how many blocks conversion changed. (The page in the
   * other script converts them back with the rest: a block taken for the other script wrongly is
   * then still in that page's script.)
   */
  private convertOtherScriptBlocks(
    article: Article,
    tokens: Token[],
    htmlBlocks: { token: Token; pieces: string[]; text: number[] }[],
    head: string[],
  ): number {
    const own = article.lang;
    // Terms kept as written are in whichever script they are: they make no block the other's.
    const isOther = (texts: string[]) => isInOtherScript(article.keep.reduce((text, term) => text.split(term).join(""), texts.join("\n")), own, this.settings.traditional);
    const blocks = blocksOfText(tokens).filter((block) => isOther(block.map((token) => token.content)));
    const htmlForeign = htmlBlocks.filter(({ pieces, text }) => isOther(text.map((i) => pieces[i]!)));
    const headForeign = head.flatMap((text, i) => (text && isOther([text]) ? [i] : []));
    if (blocks.length === 0 && htmlForeign.length === 0 && headForeign.length === 0) return 0;
    const texts = [
      ...headForeign.map((i) => head[i]!),
      ...blocks.flatMap((block) => block.map((token) => token.content)),
      ...htmlForeign.flatMap(({ pieces, text }) => text.map((i) => pieces[i]!)),
    ];
    const converted = this.convert(article, texts, otherScript(own));
    let next = 0;
    let changed = 0;
    for (const i of headForeign) {
      const text = converted[next++]!;
      if (text !== head[i]) changed++;
      head[i] = text;
    }
    for (const block of blocks) {
      let blockChanged = false;
      for (const token of block) {
        const text = converted[next++]!;
        blockChanged ||= text !== token.content;
        token.content = text;
      }
      if (blockChanged) changed++;
    }
    for (const { token, pieces, text } of htmlForeign) {
      for (const i of text) pieces[i] = converted[next++]!;
      const html = pieces.join("");
      if (html !== token.content) changed++;
      token.content = html;
    }
    return changed;
  }

  /** Texts of the article converted from `from` (its own script unless told) to the other. */
  private convert(article: Article, texts: string[], from: Script = article.lang): string[] {
    const overrides = from === "zh-Hans" ? this.settings.overrides.toHant : this.settings.overrides.toHans;
    const quotes = from === "zh-Hans" && this.settings.cornerQuotes ? QUOTES_FOR_TRADITIONAL : [];
    return new TextConverter(converterFrom(from, this.settings.traditional), { overrides, keep: article.keep, quotes }).convertAll(texts);
  }
}
