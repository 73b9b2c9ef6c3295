/**
 * The template tags of another generator's post body → Markdown the build renders: Jekyll's Liquid
 * (`{% highlight %}`, `{% raw %}`, `{% post_url %}`, `{{ site.baseurl }}`), Hexo's tags
 * (`{% asset_img %}`, `{% blockquote %}`, `{% codeblock %}`, `{% post_link %}`) and Hugo's
 * shortcodes (`{{< figure >}}`, `{{< highlight >}}`, `{{< youtube >}}`, `{{< ref >}}`). A tag this
 * does not know is left as written, and named in one warning per tag, so a person can find it;
 * code (fenced or inline) is left as it is, but for `{% raw %}` markers, which only ever hid tags.
 */

export interface TagContext {
  /** The old address (and title) of the post another tag names: `{% post_url %}`, `{% post_link %}`, `{{< ref >}}`. */
  postAddress(reference: string): { path: string; title: string } | undefined;
}

export interface ConvertedBody {
  body: string;
  warnings: string[];
}

interface Args {
  positional: string[];
  named: Record<string, string>;
}

const PLACEHOLDER = (n: number) => `\u0000${n}\u0000`;
const PLACEHOLDERS = /\u0000(\d+)\u0000/g;
/** Around a block the conversion made (a fence, a quotation, a figure): blank lines in the end. */
const BLOCK = "\u0001";

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
const RAW_MARKER = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const HUGO_ESCAPED = /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g;
const FENCE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$(?![\s\S]))/gm;
const INLINE_CODE = /(`+)(?!`)[^\n]*?[^`\n]\1(?!`)|(`+)[^`\n]\2(?!`)/g;
const LIQUID_TAG = /\{%-?\s*([A-Za-z_][\w-]*)((?:[^%]|%(?!\}))*?)\s*-?%\}/g;
const LIQUID_BLOCK = (name: string) => new RegExp(`\\{%-?\\s*${name}\\b((?:[^%]|%(?!\\}))*?)-?%\\}([\\s\\S]*?)\\{%-?\\s*end${name}\\s*-?%\\}`, "g");
const HUGO_SHORTCODE = /\{\{([<%])\s*(\/)?\s*([\w./-]+)((?:[^"'`<>%]|"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`)*?)\s*(\/)?\s*[>%]\}\}/g;
const HUGO_BLOCK = (name: string) =>
  new RegExp(`\\{\\{([<%])\\s*${name}\\b([^>%]*?)\\s*[>%]\\}\\}([\\s\\S]*?)\\{\\{[<%]\\s*\\/\\s*${name}\\s*[>%]\\}\\}`, "g");
const LIQUID_OUTPUT = /\{\{-?\s*((?:[^}]|\}(?!\}))*?)\s*-?\}\}/g;

/** Converts the tags of a post's body; the warnings name each tag left as written. */
export function convertTags(source: string, context: TagContext): ConvertedBody {
  const kept: string[] = [];
  const keep = (text: string) => PLACEHOLDER(kept.push(text) - 1);
  const unknown = new Map<string, number>();
  const warnings: string[] = [];
  // A tag left as written, counted by the name a person would search for.
  const leave = (shown: string, whole: string) => {
    unknown.set(shown, (unknown.get(shown) ?? 0) + 1);
    return keep(whole);
  };

  let body = source
    // What `{% raw %}` and Hugo's `{{</* … */>}}` hold is text, shown as written.
    .replace(RAW, (_, inner: string) => keep(inner))
    .replace(HUGO_ESCAPED, (_, open: string, inner: string, close: string) => keep(`{{${open}${inner}${close}}}`))
    .replace(FENCE, (code) => keep(code.replace(RAW_MARKER, "")))
    .replace(INLINE_CODE, (code) => keep(code.replace(RAW_MARKER, "")));

  // Blocks with a body, before the tags on their own.
  body = body
    .replace(LIQUID_BLOCK("comment"), "")
    .replace(LIQUID_BLOCK("highlight"), (_, args: string, code: string) => block(keep(fence(code, args.trim().split(/\s+/)[0] ?? ""))))
    .replace(LIQUID_BLOCK("codeblock"), (_, args: string, code: string) => block(keep(codeblock(code, parseArgs(args)))))
    .replace(LIQUID_BLOCK("code"), (_, args: string, code: string) => block(keep(codeblock(code, parseArgs(args)))))
    .replace(LIQUID_BLOCK("blockquote"), (_, args: string, text: string) => block(quotation(text, args)))
    .replace(LIQUID_BLOCK("quote"), (_, args: string, text: string) => block(quotation(text, args)))
    .replace(HUGO_BLOCK("highlight"), (_, _open: string, args: string, code: string) => block(keep(fence(code, parseArgs(args).positional[0] ?? ""))));

  body = body.replace(LIQUID_TAG, (whole, name: string, rest: string) => {
    const args = parseArgs(rest);
    const first = args.positional[0] ?? "";
    const leaveTag = () => (name.startsWith("end") ? keep(whole) : leave(`{% ${name} %}`, whole));
    switch (name) {
      case "post_url":
      case "post_path":
      case "link": {
        const post = first ? context.postAddress(first) : undefined;
        return post ? post.path : leaveTag();
      }
      case "post_link": {
        const post = first ? context.postAddress(first) : undefined;
        return post ? `[${escapeLabel(args.positional[1] ?? post.title)}](${destination(post.path)})` : leaveTag();
      }
      case "asset_img":
      case "img": {
        const image = imageArgs(rest);
        return image ? block(markdownImage(image.src, image.alt, image.title)) : leaveTag();
      }
      case "asset_path":
        return first || leaveTag();
      case "asset_link":
        return first ? `[${escapeLabel(args.positional.slice(1).join(" ") || first)}](${destination(first)})` : leaveTag();
      case "youtube":
        return first ? block(videoLink("YouTube", `https://www.youtube.com/watch?v=${encodeURIComponent(first)}`)) : leaveTag();
      case "vimeo":
        return first ? block(videoLink("Vimeo", `https://vimeo.com/${encodeURIComponent(first)}`)) : leaveTag();
      case "iframe":
        return /^https?:\/\//.test(first) ? block(`<${first}>`) : leaveTag();
      default:
        return leaveTag();
    }
  });

  body = body.replace(HUGO_SHORTCODE, (whole, open: string, closing: string | undefined, name: string, rest: string) => {
    // The closing half of a pair left as written is counted with its opening.
    if (closing) return keep(whole);
    const leaveShortcode = () => leave(`{{${open} ${name} ${open === "<" ? ">" : "%"}}}`, whole);
    const args = parseArgs(rest);
    const at = (key: string, index: number) => args.named[key] ?? args.positional[index];
    switch (name) {
      case "figure": {
        const src = args.named.src;
        if (!src) return leaveShortcode();
        const caption = args.named.caption ?? args.named.title;
        const image = markdownImage(src, args.named.alt ?? caption ?? "", caption);
        const link = args.named.link;
        return block(link && link !== src ? `[${image}](${destination(link)})` : image);
      }
      case "ref":
      case "relref": {
        const reference = at("path", 0);
        const [target, anchor] = (reference ?? "").split("#");
        const post = target ? context.postAddress(target) : undefined;
        if (!target && anchor) return `#${anchor}`;
        return post ? `${post.path}${anchor ? `#${anchor}` : ""}` : leaveShortcode();
      }
      case "youtube": {
        const id = at("id", 0);
        return id ? block(videoLink("YouTube", `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`)) : leaveShortcode();
      }
      case "vimeo": {
        const id = at("id", 0);
        return id ? block(videoLink("Vimeo", `https://vimeo.com/${encodeURIComponent(id)}`)) : leaveShortcode();
      }
      case "tweet":
      case "x": {
        const id = at("id", args.named.user ? 0 : args.positional.length > 1 ? 1 : 0);
        const user = args.named.user ?? (args.positional.length > 1 ? args.positional[0] : "i");
        return id ? block(videoLink("X", `https://x.com/${encodeURIComponent(user!)}/status/${encodeURIComponent(id)}`)) : leaveShortcode();
      }
      case "gist": {
        const [user, id] = args.positional;
        return user && id ? block(videoLink("Gist", `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}`)) : leaveShortcode();
      }
      case "instagram": {
        const id = at("id", 0);
        return id ? block(videoLink("Instagram", `https://www.instagram.com/p/${encodeURIComponent(id)}/`)) : leaveShortcode();
      }
      default:
        return leaveShortcode();
    }
  });

  // {{ site.baseurl }} and {{ site.url }} in addresses: the archive's addresses start at its root.
  body = body.replace(LIQUID_OUTPUT, (whole, expression: string) => {
    if (/^site\.(?:baseurl|url)$/.test(expression)) return "";
    const filtered = /^(["'])(.*?)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))$/.exec(expression);
    if (filtered) return filtered[2]!;
    return leave(`{{ ${expression.split(/[\s|]/)[0]} }}`, whole);
  });

  for (const [shown, count] of unknown) {
    warnings.push(`has ${shown}${count > 1 ? ` (${count} times)` : ""}, a template tag the importer does not turn into Markdown; left as written`);
  }
  body = body
    .replace(/\n*(?:\u0001\n*)+/g, "\n\n")
    .replace(PLACEHOLDERS, (_, n: string) => kept[Number(n)]!)
    // Placeholders inside kept text (a fence made of a highlight block) are restored too.
    .replace(PLACEHOLDERS, (_, n: string) => kept[Number(n)]!);
  return { body: body.trim(), warnings };
}

function block(markdown: string): string {
  return `${BLOCK}${markdown}${BLOCK}`;
}

/** Arguments as the tags write them: `key="value"`, `key=value`, "quoted", 'quoted', bare words. */
export function parseArgs(text: string): Args {
  const args: Args = { positional: [], named: {} };
  const token = /([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S+))|"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
  for (const match of text.matchAll(token)) {
    const [, key, dq, sq, bq, bare, pdq, psq, pbq, word] = match;
    if (key !== undefined) args.named[key] = unescape(dq) ?? sq ?? bq ?? bare ?? "";
    else args.positional.push(unescape(pdq) ?? psq ?? pbq ?? word ?? "");
  }
  return args;
}

function unescape(text: string | undefined): string | undefined {
  return text?.replace(/\\(.)/g, "$1");
}

/** A fenced code block, its fence longer than any run of backticks in the code. */
function fence(code: string, language: string): string {
  const text = code.replace(/^[ \t]*\r?\n/, "").replace(/\s+$/, "");
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language.replace(/[^\w+#.-]/g, "")}\n${text}\n${marks}`;
}

/** Hexo's `{% codeblock [title] [lang:language] [url] [link text] %}`: the title becomes a line above the code. */
function codeblock(code: string, args: Args): string {
  const language = args.positional.find((word) => word.startsWith("lang:"))?.slice(5) ?? "";
  const words = args.positional.filter((word) => !word.startsWith("lang:") && !/^(?:mark|line_number|first_line|highlight|wrap):/.test(word));
  const url = words.findIndex((word) => /^https?:\/\//.test(word));
  const title = (url >= 0 ? words.slice(0, url) : words).join(" ");
  const link = url >= 0 ? ` [${escapeLabel(words.slice(url + 1).join(" ") || words[url]!)}](${destination(words[url]!)})` : "";
  return `${title || link ? `${escapeMarkdownText(title)}${link}\n\n` : ""}${fence(code, language)}`;
}

/** Hexo's `{% blockquote [author[, source]] [link] [source_link_title] %}` → a Markdown quotation and who said it. */
function quotation(text: string, rawArgs: string): string {
  const words = rawArgs.trim() ? rawArgs.trim().split(/\s+/) : [];
  const url = words.findIndex((word) => /^https?:\/\//.test(word));
  const who = (url >= 0 ? words.slice(0, url) : words).join(" ");
  const link = url >= 0 ? `[${escapeLabel(words.slice(url + 1).join(" ") || words[url]!)}](${destination(words[url]!)})` : "";
  const attribution = [who, link].filter(Boolean).join(", ");
  const lines = text.trim().split(/\r?\n/);
  if (attribution) lines.push("", `— ${attribution}`);
  return lines.map((line) => (line ? `> ${line}` : ">")).join("\n");
}

/** `asset_img`/`img`: `[class…] path [width] [height] [title text [alt text]]`; `"title" "alt"` quoted gives both. */
function imageArgs(raw: string): { src: string; title?: string; alt: string } | undefined {
  const words = raw.trim().split(/\s+/).map((word) => word.replace(/^(["'])(.*)\1$/, "$2"));
  const at = words.findIndex((word) => /\.\w{2,5}(?:[?#].*)?$/.test(word) || word.includes("/"));
  if (at < 0) return undefined;
  const rest = words.slice(at + 1);
  while (rest.length > 0 && /^\d+(?:px|%)?$/.test(rest[0]!)) rest.shift();
  const text = raw.trim().split(/\s+/).slice(words.length - rest.length).join(" ");
  const quoted = /^"([^"]*)"\s*(?:"([^"]*)")?$/.exec(text);
  const title = (quoted ? quoted[1] : text) || undefined;
  return { src: words[at]!, title, alt: quoted?.[2] ?? title ?? "" };
}

export function markdownImage(src: string, alt: string, title?: string): string {
  return `![${escapeLabel(alt)}](${destination(src)}${title ? ` "${title.replace(/["\\]/g, "\\$&")}"` : ""})`;
}

function videoLink(site: string, url: string): string {
  return `[${site}: ${url}](${url})`;
}

/** A link destination as Markdown reads it whole (in <…> when it holds spaces or brackets). */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function escapeLabel(text: string): string {
  return text.replace(/[[\]\\]/g, "\\$&");
}

function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, "\\$&");
}
