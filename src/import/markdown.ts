/**
 * Article HTML → Markdown, with Turndown (and its GFM plugin for tables). A figure becomes the
 * archive's figure form, an image paragraph whose title is the caption: `![alt](src "caption")`.
 */
import TurndownService from "turndown";
import { tables, strikethrough } from "turndown-plugin-gfm";

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
    linkStyle: "inlined",
  });
  service.use([tables, strikethrough]);
  // Text that reads like a tag (an article about HTML, "a <b> element") stays text: the archive
  // renders HTML written in Markdown (src/render/sanitize.ts), so its < is escaped.
  const escapeMarks = service.escape.bind(service);
  service.escape = (text: string) => escapeMarks(text).replace(/<(?=[A-Za-z/!?])/g, "\\<");
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE",
    replacement: (content, node) => figureMarkdown(node as HTMLElement, content),
  });
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) => {
      const image = node as HTMLImageElement;
      const src = image.getAttribute("src");
      return src ? imageMarkdown(src, image.getAttribute("alt") ?? "", image.getAttribute("title") ?? undefined) : "";
    },
  });
  return service;
}

/** Turndown reads the HTML with its own DOM (domino), which has what its table rules need. */
export function htmlToMarkdown(html: string): string {
  return turndown()
    .turndown(html)
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Escapes the characters that would turn plain text into Markdown marks. */
export function escapeMarkdownText(text: string): string {
  return turndown().escape(text);
}

function figureMarkdown(figure: HTMLElement, content: string): string {
  const image = figure.querySelector("img");
  // A figure of something else (a table, a quotation) keeps its content.
  if (!image) return `\n\n${content.trim()}\n\n`;
  const caption = figure.querySelector("figcaption")?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  const src = image?.getAttribute("src");
  if (!src) return caption ? `\n\n${escapeMarkdownText(caption)}\n\n` : "";
  return `\n\n${imageMarkdown(src, image?.getAttribute("alt") || caption, caption || undefined)}\n\n`;
}

function imageMarkdown(src: string, alt: string, title?: string): string {
  const cleanAlt = alt.replace(/\s+/g, " ").replace(/[[\]\\]/g, "\\$&").trim();
  const cleanTitle = title?.replace(/\s+/g, " ").replace(/["\\]/g, "\\$&").trim();
  const address = /[\s()<>]/.test(src) ? `<${src.replace(/[<>\s]/g, encodeURIComponent)}>` : src;
  return `![${cleanAlt}](${address}${cleanTitle ? ` "${cleanTitle}"` : ""})`;
}

/** Markdown split into blocks at blank lines, keeping fenced code whole, with each block's words. */
export function markdownBlocks(markdown: string): { markdown: string; text: string }[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^(?:```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && line.trim() === "") {
      if (current.length) blocks.push(current.join("\n"));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current.join("\n"));
  return blocks.map((block) => {
    // Old CMSs indent paragraphs with ideographic spaces: layout, not text.
    const markdown = /^(?:```|~~~)/.test(block) ? block : block.replace(/^[\u3000\u00a0 ]+|[\u3000\u00a0 ]+$/gm, "");
    return { markdown, text: plainText(markdown) };
  });
}

function plainText(markdown: string): string {
  if (/^(?:```|~~~)/.test(markdown)) return "code";
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
    .replace(/[*_`]/g, "")
    .trim();
}
