/**
 * The HTML an article may hold. Markdown written by hand often carries HTML (a figure and its
 * caption, <br>, <sup>, tables, <details>, ruby, an old post's <center> or <font>): it is rendered
 * through sanitize-html with the allowlist below. An element not on it is taken out and its text
 * kept; a script, style, frame, form or embedded object goes with its content; no event handler,
 * style attribute, or javascript:/data: address passes.
 */
import sanitizeHtml from "sanitize-html";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** What an article's HTML may hold: the elements Markdown makes, and those real articles write. */
const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    "p", "br", "hr", "a", "img", "figure", "figcaption", "blockquote", "pre", "code", "kbd", "samp",
    "em", "strong", "i", "b", "u", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr", "cite", "q",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "details", "summary", "ruby", "rt", "rp", "span", "div",
  ],
  allowedAttributes: {
    ...Object.fromEntries(HEADINGS.map((heading) => [heading, ["id"]])),
    a: ["href", "title", "class", "aria-hidden", "tabindex"],
    pre: ["tabindex"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    span: ["class", "lang"],
    div: ["class"],
    code: ["class"],
    ol: ["start", "reversed"],
    th: ["colspan", "rowspan", "scope", "style"],
    td: ["colspan", "rowspan", "style"],
    abbr: ["title"],
    details: ["open"],
  },
  // Only what Markdown tables write: their columns' alignment.
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedClasses: {
    a: ["header-anchor"],
    span: ["keep"],
    div: ["center"],
    code: [/^language-[\w-]+$/],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Taken out with everything in them: what they hold is not text a reader should see.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math", "xmp", "noembed", "noframes", "title", "head"],
  transformTags: {
    // Obsolete, and common in old posts: a centred block, and text whose look a stylesheet decides.
    center: sanitizeHtml.simpleTransform("div", { class: "center" }),
    font: "span",
    // The Tab order is the page's: only a code block's focus (0) and a heading anchor's absence (-1) are kept.
    pre: (tagName, attribs) => ({ tagName, attribs: { ...withTabIndex(attribs, "0"), tabindex: "0" } }),
    a: (tagName, attribs) => ({ tagName, attribs: withTabIndex(attribs, "-1") }),
  },
};

function withTabIndex(attribs: sanitizeHtml.Attributes, allowed: string): sanitizeHtml.Attributes {
  const { tabindex, ...rest } = attribs;
  return tabindex === allowed ? { ...rest, tabindex } : rest;
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ARTICLE_HTML);
}
