/** The DOM the importer reads pages into (linkedom), and the small helpers every reader of it needs. */
import { parseHTML } from "linkedom";

export type Doc = ReturnType<typeof parseHTML>["document"];
export type El = Element;

// What a browser keeps in <head>; anything else there (a <p>, text) starts the body.
const HEAD_ELEMENTS = new Set(["TITLE", "META", "LINK", "STYLE", "SCRIPT", "BASE", "NOSCRIPT", "TEMPLATE"]);

// The tags that make a whole document, taken out of markup that is read as a fragment.
const DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi;

/**
 * A page or a fragment of one → a document with one <html>, its <head> and its <body>. linkedom
 * keeps what comes before <html> (a PHP warning, a second page appended, an unclosed comment) as
 * more roots, or none, where every later step expects one: such markup is read as a fragment.
 */
export function parseDocument(html: string): Doc {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) {
    const { document } = parseHTML(html);
    const roots = [...document.childNodes].filter((node) => node.nodeType === 1);
    if (roots.length === 1 && roots[0] === document.documentElement && document.documentElement.tagName === "HTML") {
      placeLikeBrowser(document);
      return document;
    }
  }
  return parseHTML(`<!doctype html><html><head></head><body>${html.replace(DOCUMENT_TAGS, "")}</body></html>`).document;
}

/**
 * linkedom keeps elements where the markup puts them; a browser moves content written in <head>,
 * or between <html> and <body>, to the start of the body. Readability expects a browser's tree
 * (it fails on a <p> in <head>), and readers saw the page that way.
 */
function placeLikeBrowser(document: Doc): void {
  const root = document.documentElement;
  let body = document.body as Element | null;
  if (!body) {
    body = document.createElement("body");
    root.appendChild(body);
  }
  const misplaced: Node[] = [];
  for (const node of [...root.childNodes]) {
    if (node === body) continue;
    if ((node as Element).tagName === "HEAD") {
      for (const inner of [...node.childNodes]) if (!belongsInHead(inner)) misplaced.push(inner);
    } else if (node.nodeType === 1 || (node.nodeType === 3 && node.textContent!.trim())) misplaced.push(node);
  }
  if (misplaced.length > 0) body.prepend(...misplaced);
}

function belongsInHead(node: Node): boolean {
  if (node.nodeType === 1) return HEAD_ELEMENTS.has((node as Element).tagName);
  return node.nodeType !== 3 || !node.textContent!.trim();
}

/** Elements that start a line of text of their own. */
export const BLOCK_ELEMENTS = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH", "FIGURE", "FIGCAPTION", "SECTION", "ARTICLE", "HEADER", "FOOTER", "MAIN", "UL", "OL", "DL", "DT", "DD", "ASIDE", "NAV", "BR", "HR", "ADDRESS", "CENTER"]);

/** Elements that sit inside a line of text (and `#text`, a text node's name). */
export const INLINE_ELEMENTS = new Set(["A", "ABBR", "B", "BDI", "CITE", "CODE", "DEL", "EM", "FONT", "I", "IMG", "INS", "KBD", "MARK", "Q", "S", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "#text"]);

export function httpUrl(value: string | undefined, base?: URL): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The element's class and id names, each as its words in order: `gh-article-excerpt` → gh, article,
 * excerpt; `articalContent` → artical, content; `SG_connBody` → sg, conn, body.
 */
export function nameTokens(element: El): string[][] {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.split(/\s+/).filter(Boolean)
    .map((token) => token.split(/[_-]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean).map((part) => part.toLowerCase()));
}

export function names(element: El): string[] {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}
