/**
 * The fuzz run (`npm run bench -- --fuzz N [--seed S]`): N pages made from the importer's own
 * fixture pages (test/fixtures/import/) by cutting them, flipping bytes, leaving tags open, nesting
 * deep, adding control characters and script payloads, and lying about or changing the charset,
 * then imported and built with the real commands, each in its own process.
 *
 * A finding is anything a user should never see: a crash or a stack trace, a command that does not
 * finish, an input missing from the report, a failure whose reason is not one clear line, an article
 * the loader cannot read, a failed build, an XML file no reader can parse, or a payload from content
 * that could run in a reader's browser. The same seed makes the same pages, so a finding can be
 * replayed with `--seed`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { findArticleFiles, loadArticles } from "../articles/load.ts";
import { loadSettings } from "../settings.ts";
import { checkXmlFiles } from "../site/xml.ts";
import { random as generator } from "./synthetic.ts";

export interface FuzzOptions {
  /** How many mutated pages to make. */
  count: number;
  /** The generator's seed (a random one when absent; the report gives it, to replay a run). */
  seed?: number;
  /** The folder the run's temporary folder is made in (the system's temporary folder by default). */
  workDir?: string;
  /** Keep the pages, content and site (they are always kept when something was found). */
  keep?: boolean;
  /** A page taking longer than this to import is a finding (default 10 s). */
  pageSeconds?: number;
  /** Each command is stopped, and that is a finding, after this long (default 120 s + 2 s a page). */
  commandSeconds?: number;
  /** Told what the run is doing (a line per stage). */
  log?: (line: string) => void;
}

export interface FuzzFinding {
  /** The input (with the seed page and the mutations it went through), or the file or folder concerned. */
  input: string;
  kind: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  /** Pages made. */
  pages: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Article files in the content folder after the import. */
  articles: number;
  xmlFiles: number;
  htmlFiles: number;
  importSeconds: number;
  buildSeconds: number;
  seconds: number;
  findings: FuzzFinding[];
  /** Where the pages, content and site are, when kept. */
  workDir?: string;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const FIXTURES = path.join(ROOT, "test/fixtures/import");
const SITE_JSON = path.join(ROOT, "test/fixtures/site/content/site.json");

// ---------------------------------------------------------------------------------------------
// The pages

type Random = () => number;
type Mutation = (bytes: Buffer, random: Random, seedName: string) => Buffer;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;
const upTo = (n: number, random: Random) => 1 + Math.floor(random() * n);
const at = (bytes: Buffer, random: Random) => Math.floor(random() * (bytes.length + 1));
const insert = (bytes: Buffer, position: number, text: string | Buffer) =>
  Buffer.concat([bytes.subarray(0, position), Buffer.isBuffer(text) ? text : Buffer.from(text), bytes.subarray(position)]);
/** Just after the first `marker` (case as written), or at a random place when there is none. */
const after = (bytes: Buffer, marker: string, random: Random) => {
  const found = bytes.indexOf(marker);
  return found >= 0 ? found + marker.length : at(bytes, random);
};
/** Just after the opening tag `<name …>`, or at a random place. */
const insideTag = (bytes: Buffer, name: string, random: Random) => {
  const found = bytes.indexOf(`<${name}`);
  const end = found >= 0 ? bytes.indexOf(">", found) : -1;
  return end >= 0 ? end + 1 : at(bytes, random);
};

// Characters no XML document may hold, as characters, as references and as YAML-looking escapes.
const CONTROL_TEXTS = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B", "\u001F", "\uFFFE", "\uFFFF", "\u0085",
  "&#0;", "&#1;", "&#x1F;", "&#x0B;", "&#xFFFE;", "&#xFFFF;", "&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#99999999;",
  "\\u0000", "\\x1b", "\u202E", "\u200B",
];
// Lone surrogates cannot be written in UTF-8; these bytes (CESU-8) stand for one.
const SURROGATE_BYTES = [Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xed, 0xbf, 0xbf]), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80])];
const UNCLOSED = [
  "<div>", "<p>", "<table><tr><td>", "<span>", "<ul><li>", '<a href="/x">', "<b><i>", "<font size=3>", "<!--", "<script>",
  "<title>", "<![CDATA[", "<textarea>", "<style>", "<pre>", "<noscript>", "<template>", "<svg>", "<math>", '<div class="',
  "<h1>", "<blockquote>", "<select>", "<xmp>", "<plaintext>", "</", "<", "<!DOCTYPE",
];
const PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">点击这里</a>',
  '<a href="  JaVaScRiPt:alert(1)">点击</a>',
  '<a href="java&#x09;script:alert(1)">链接</a>',
  '<a href="data:text/html,<script>alert(1)</script>">数据链接</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" alt="图">',
  '<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="内嵌图片"></p>',
  '<svg onload="alert(1)"><circle/></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload="alert(1)">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<div onclick="alert(1)" style="background:url(javascript:alert(1))">点我</div>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">提交</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "[点我](javascript:alert(1)) ![图](data:image/png;base64,iVBORw0KGgo=)",
  "---js\n{ title: 'x' }\n---",
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"<script>alert(1)</script>","datePublished":"2024-02-02"}</script>',
];
const PAYLOAD_PLACES = ["<title>", "<h1", "<p", 'content="', "<body", "<article", "</head>", "<a "];
const META_PLACES = ['<meta name="description" content="', '<meta property="og:title" content="', "<title>"];

const MUTATIONS: Record<string, Mutation> = {
  cut: (bytes, random) => bytes.subarray(0, at(bytes, random)),
  "flipped bytes": (bytes, random) => {
    const copy = Buffer.from(bytes);
    for (let i = upTo(12, random); i > 0 && copy.length > 0; i--) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  "unclosed tags": (bytes, random) => {
    let out = bytes;
    for (let i = upTo(6, random); i > 0; i--) out = insert(out, at(out, random), pick(UNCLOSED, random));
    return out;
  },
  "deep nesting": (bytes, random) => {
    const depth = pick([100, 1_000, 5_000, 20_000, 100_000, 150_000, 300_000], random);
    const tags = pick([["div"], ["span"], ["font"], ["blockquote"], ["b"], ["div", "span"], ["ul", "li"], ["table", "tr", "td"]], random);
    const open = tags.map((tag) => `<${tag}>`).join("");
    const close = [...tags].reverse().map((tag) => `</${tag}>`).join("");
    const repeat = Math.max(1, Math.floor(depth / tags.length));
    const closed = random() < 0.5;
    const nest = open.repeat(repeat) + "深处的一段文字，藏在很多层标签里面。" + (closed ? close.repeat(repeat) : "");
    return insert(bytes, insideTag(bytes, "body", random), nest);
  },
  "control characters": (bytes, random) => {
    let out = bytes;
    const one = () => (random() < 0.15 ? pick(SURROGATE_BYTES, random) : pick(CONTROL_TEXTS, random));
    for (let i = upTo(8, random); i > 0; i--) out = insert(out, at(out, random), one());
    // And where they reach the front matter and the feeds: the title and the meta tags.
    for (const place of META_PLACES) if (random() < 0.6) out = insert(out, after(out, place, random), one());
    return out;
  },
  "wrong charset": (bytes, random) => {
    const text = bytes.toString("latin1");
    const charset = pick(["gbk", "big5", "utf-8", "utf-16", "iso-8859-1", "shift_jis", "x-unknown", "", "gb2312\u0000", "utf-8; charset=big5"], random);
    const declared = /<meta[^>]+charset/i.test(text) && random() < 0.7
      ? text.replace(/charset\s*=\s*["']?[\w-]*/i, `charset=${charset}`)
      : text.replace(/<head[^>]*>/i, (head) => `${head}<meta charset="${charset}"><meta http-equiv="Content-Type" content="text/html; charset=${pick(["big5", "gbk", "utf-8"], random)}">`);
    return Buffer.from(declared, "latin1");
  },
  "re-encoded": (bytes, random, seedName) => {
    // From the page's own encoding into another one, its <meta charset> left as it was.
    const own = isUtf8(bytes) ? "utf8" : /big5|taiwan|hk-/.test(seedName) ? "big5" : "gb18030";
    const text = iconv.decode(bytes, own);
    const into = pick(["gbk", "big5", "gb18030", "utf8", "utf-16le", "utf-16be", "shift_jis"].filter((name) => name !== own), random);
    const encoded = iconv.encode(text, into);
    return random() < 0.2 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded; // a BOM that lies
  },
  "mixed encodings": (bytes, random) => {
    // Half the page in one encoding, half in another, as a page pasted together would be.
    const text = iconv.decode(bytes, isUtf8(bytes) ? "utf8" : "gb18030");
    const cut = Math.floor(random() * text.length);
    return Buffer.concat([iconv.encode(text.slice(0, cut), pick(["utf8", "gbk"], random)), iconv.encode(text.slice(cut), pick(["big5", "gbk", "utf8"], random))]);
  },
  payloads: (bytes, random) => {
    let out = bytes;
    for (let i = upTo(5, random); i > 0; i--) out = insert(out, after(out, pick(PAYLOAD_PLACES, random), random), pick(PAYLOADS, random));
    return out;
  },
  "payloads in metadata": (bytes, random) => {
    const payload = () => pick(PAYLOADS.slice(0, 12), random).replace(/"/g, random() < 0.5 ? "&quot;" : '"');
    const meta =
      `<meta name="description" content="${payload()}"><meta property="og:title" content="${payload()}">` +
      `<meta name="author" content="${payload()}"><meta property="og:url" content="javascript:alert(1)">` +
      `<meta property="article:tag" content="${payload()}"><link rel="canonical" href="javascript:alert(1)">`;
    const withMeta = insert(bytes, insideTag(bytes, "head", random), meta);
    return insert(withMeta, after(withMeta, "<title>", random), payload());
  },
  "paragraphs in head": (bytes, random) => {
    const head = insideTag(bytes, "head", random);
    const end = bytes.indexOf("</head>");
    const where = end > head ? head + Math.floor(random() * (end - head)) : head;
    // At a random place in <head>, possibly inside another tag; the Readability TypeError case.
    return insert(bytes, random() < 0.5 ? head : where, pick(["<p>头部里的一段文字，浏览器会把它放进正文。</p>", "<p>", "<div>头部的块<p>段落</div>", "纯文字", "<h1>头部标题</h1><article><p>文章</p></article>"], random));
  },
  "twice the markup": (bytes, random) =>
    random() < 0.5
      ? Buffer.concat([bytes, Buffer.from("<html><head><title>又一个页面</title><meta charset=big5></head><body><p>第二个正文</p></body></html>"), bytes])
      : insert(bytes, after(bytes, "</head>", random), "<head><title>第二个标题</title></head><body><p>第二个 body 里的段落。</p></body><body>"),
  empty: () => Buffer.alloc(0),
  whitespace: (_bytes, random) => Buffer.from(pick([" ", "\n", "\t", "\r\n", "\u3000", "\u00A0", "\uFEFF"], random).repeat(upTo(200, random))),
  binary: (_bytes, random) => Buffer.from(Array.from({ length: upTo(8192, random) }, () => Math.floor(random() * 256))),
  "binary tail": (bytes, random) => Buffer.concat([bytes, Buffer.from(Array.from({ length: upTo(2048, random) }, () => Math.floor(random() * 256)))]),
  "only markup": (_bytes, random) => Buffer.from(pick(["<html></html>", "<html><head><title></title></head><body></body></html>", "<p></p>".repeat(100), "<!-- -->", "<title>只有标题</title>", "<body>"], random)),
};

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function seedPages(): { name: string; bytes: Buffer }[] {
  return readdirSync(FIXTURES)
    .filter((name) => /\.(?:html?|txt)$/i.test(name))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));
}

const DESTRUCTIVE = new Set(["empty", "whitespace", "binary", "binary tail", "only markup"]);
const MAX_BYTES = 9.5 * 1024 * 1024; // under the importer's 10 MB

/** Writes `count` mutated pages into `dir`; returns each page's path and what it was made of. */
export function writeMutatedPages(dir: string, count: number, seed: number): Map<string, string> {
  const random = generator(seed);
  const seeds = seedPages();
  // Mutations that leave nothing of the page are rarer, so that most pages still hold an article
  // for the importer to find; one mutation a page half the time, two or three otherwise.
  const weighted = Object.keys(MUTATIONS).flatMap((name) => Array<string>(DESTRUCTIVE.has(name) ? 1 : 4).fill(name));
  const made = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const source = pick(seeds, random);
    const many = random();
    const applied = Array.from({ length: many < 0.5 ? 1 : many < 0.85 ? 2 : 3 }, () => pick(weighted, random));
    let bytes = source.bytes;
    for (const name of applied) {
      bytes = MUTATIONS[name]!(bytes, random, source.name);
      if (bytes.length > MAX_BYTES) bytes = bytes.subarray(0, MAX_BYTES);
    }
    const file = path.join(dir, `${String(i).padStart(5, "0")}-${source.name}`);
    writeFileSync(file, bytes);
    made.set(file, `${source.name} + ${applied.join(" + ")}, ${bytes.length} bytes`);
  }
  return made;
}

// ---------------------------------------------------------------------------------------------
// The commands

interface Ran {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** When each line of stdout arrived, in seconds from the start. */
  lines: { at: number; text: string }[];
  timedOut: boolean;
  seconds: number;
}

// The commands running now, each in its own process group: stopped with this process, so that a
// fuzz run stopped half-way (Ctrl-C, a CI timeout) leaves no import or build behind.
const running = new Set<number>();
let stopsChildren = false;

function stopChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
}

function stopChildrenOnExit(): void {
  if (stopsChildren) return;
  stopsChildren = true;
  process.on("exit", stopChildren);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      stopChildren();
      process.kill(process.pid, signal);
    });
  }
}

function run(script: string, args: string[], limitSeconds: number, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  stopChildrenOnExit();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  return new Promise((resolve) => {
    // Its own process group, so that stopping it stops the Node process tsx starts too.
    const child = spawn(TSX, [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid !== undefined) running.add(child.pid);
    let stdout = "";
    let stderr = "";
    let partial = "";
    const lines: Ran["lines"] = [];
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const parts = (partial + chunk).split("\n");
      partial = parts.pop()!;
      for (const text of parts) lines.push({ at: elapsed(), text });
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, limitSeconds * 1000);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) running.delete(child.pid);
      if (partial) lines.push({ at: elapsed(), text: partial });
      resolve({ status, signal, stdout, stderr, lines, timedOut, seconds: elapsed() });
    });
  });
}

// A line of a stack trace, or an error's name as Node prints it.
const STACK_TRACE = /^\s+at .*(?:[:(]\d+|<anonymous>|native)|\b(?:TypeError|RangeError|ReferenceError|SyntaxError|InternalError|AssertionError)\b: |node:internal|FATAL ERROR|Unhandled|UnhandledPromiseRejection/m;
// What a failure's reason must not look like: a crash passed on as it was.
const UNCLEAR_REASON = /undefined|\[object|\bnull\b|NaN|Cannot read propert|is not a function|is not iterable|is not defined|Maximum call stack|Invalid string length|Invalid array length|out of memory|Unexpected token|\bat .*:\d+:\d+/;

/** The first lines of a stack trace in a command's output; the summary's `failed:` lines are left to the check of each reason. */
function stackTraceIn(output: string): string | undefined {
  const lines = output.split("\n");
  const first = lines.findIndex((line) => !/^\s*failed: /.test(line) && STACK_TRACE.test(line));
  return first < 0 ? undefined : lines.slice(first, first + 3).join(" / ").trim();
}

const tail = (ran: Ran, lines = 4) => `${ran.stderr}\n${ran.stdout}`.trim().split("\n").filter(Boolean).slice(-lines).join(" / ");

/** Each page imported again on its own (one after another, so that none slows another), timed. */
async function timeEach(entries: ReportEntry[], limit: number): Promise<{ entry: ReportEntry; seconds: number }[]> {
  const timed: { entry: ReportEntry; seconds: number }[] = [];
  for (const entry of entries) timed.push({ entry, seconds: await timeAlone(entry.input, limit) });
  return timed;
}

/** Seconds to import one page into an empty content folder of its own, up to `limit`. */
async function timeAlone(input: string, limit: number): Promise<number> {
  const alone = mkdtempSync(path.join(path.dirname(path.dirname(input)), "alone-"));
  try {
    const content = path.join(alone, "content");
    mkdirSync(content);
    writeFileSync(path.join(content, "site.json"), readFileSync(SITE_JSON));
    const ran = await run("src/cli/import.ts", [input, "--out", content, "--date", "2024-01-01", "--no-progress"], limit);
    // The import's own time, from its summary, without the start of the command.
    const summary = /\(\d+ inputs? in ([\d.]+) s\)/.exec(ran.stdout);
    return ran.timedOut ? limit : summary ? Number(summary[1]) : ran.seconds;
  } finally {
    rmSync(alone, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The checks of a built site (also used on their own, by the tests)

// The scripts the templates (layouts/) load, by address: /js/… and /pagefind/…; nothing inline.
const SITE_SCRIPT = /^<script(?: type="module")? src="(?:[^"]*\/)?(?:js\/[\w/.-]+\.js|pagefind\/[\w/.-]+\.js)"(?: defer)?(?: data-redirect="[^"]*")?>$/;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "manifest", "icon"]);
// Browsers ignore tabs, new lines and leading control characters and spaces in a scheme.
const cleanAddress = (value: string) => value.replace(/[\u0000-\u0020\u007F]+/g, "").toLowerCase();

const SPACE = /[\t\n\f\r ]/;

/**
 * The start tags of a page and their attributes, read as a browser's tokenizer reads them (quoted
 * and unquoted values, `/` between attributes); text in comments and scripts is read as tags too,
 * which can only find more. Fast enough for thousands of pages, unlike a DOM.
 */
export function* tagsIn(html: string): Generator<{ name: string; attributes: { name: string; value: string }[] }> {
  const open = /<([a-zA-Z][^\t\n\f\r />]*)/g;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    let i = open.lastIndex;
    const attributes: { name: string; value: string }[] = [];
    for (;;) {
      while (i < html.length && (SPACE.test(html[i]!) || html[i] === "/")) i++;
      if (i >= html.length || html[i] === ">") break;
      const nameStart = i++;
      while (i < html.length && !SPACE.test(html[i]!) && !"/>=".includes(html[i]!)) i++;
      const name = html.slice(nameStart, i);
      while (i < html.length && SPACE.test(html[i]!)) i++;
      let value = "";
      if (html[i] === "=") {
        i++;
        while (i < html.length && SPACE.test(html[i]!)) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, end < 0 ? html.length : end);
          i = end < 0 ? html.length : end + 1;
        } else {
          const valueStart = i;
          while (i < html.length && !SPACE.test(html[i]!) && html[i] !== ">") i++;
          value = html.slice(valueStart, i);
        }
      }
      attributes.push({ name, value });
    }
    open.lastIndex = i;
    yield { name: match[1]!.toLowerCase(), attributes };
  }
}

const NAMED: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", sol: "/", lpar: "(", rpar: ")" };

/** An attribute's value as the browser reads it: character references decoded (`&#106;avascript:`). */
function decodeReferences(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));?/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

/** The payloads on one built page: scripts not the site's own, event handlers, script and data addresses. */
export function payloadsIn(html: string): { kind: string; detail: string }[] {
  const found: { kind: string; detail: string }[] = [];
  // On the raw text: a <script the parser might not see as one is still one to a browser.
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) if (!SITE_SCRIPT.test(match[0])) found.push({ kind: "script on a built page", detail: match[0].slice(0, 200) });
  for (const match of html.matchAll(/<(?:iframe|object|embed|base|frame|applet|meta\s+http-equiv\s*=\s*["']?refresh)\b[^>]*>/gi)) {
    found.push({ kind: "embedding element on a built page", detail: match[0].slice(0, 200) });
  }
  for (const tag of tagsIn(html)) {
    for (const { name, value } of tag.attributes) {
      const lower = name.toLowerCase();
      if (/^on[a-z]+$/.test(lower)) found.push({ kind: "event handler on a built page", detail: `<${tag.name} ${name}="${value.slice(0, 100)}">` });
      else if (URL_ATTRIBUTES.has(lower) || lower === "style") {
        const address = cleanAddress(decodeReferences(value));
        const scheme = /^(javascript|vbscript|data|livescript):/.exec(address)?.[1] ?? (lower === "style" && /url\(['"]?(javascript|vbscript|data):/.exec(address)?.[1]);
        if (scheme) found.push({ kind: `${scheme}: address on a built page`, detail: `<${tag.name} ${name}="${value.slice(0, 100)}">` });
      }
    }
  }
  return found;
}

function filesEndingIn(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every check of a built site: each XML file well-formed, no payload on any HTML page. */
export function checkBuiltSite(siteDir: string): { findings: FuzzFinding[]; xmlFiles: number; htmlFiles: number } {
  const findings: FuzzFinding[] = [];
  if (!existsSync(siteDir)) return { findings: [{ input: siteDir, kind: "no site", detail: "the build wrote no output folder" }], xmlFiles: 0, htmlFiles: 0 };
  for (const problem of checkXmlFiles(siteDir)) findings.push({ input: problem.file, kind: "XML not well-formed", detail: problem.message });
  const xml = filesEndingIn(siteDir, ".xml");
  const pages = filesEndingIn(siteDir, ".html");
  for (const page of pages) {
    for (const payload of payloadsIn(readFileSync(page, "utf8"))) findings.push({ input: page, ...payload });
  }
  return { findings, xmlFiles: xml.length, htmlFiles: pages.length };
}

// ---------------------------------------------------------------------------------------------
// The run

interface ReportEntry {
  input: string;
  status: "imported" | "skipped" | "failed";
  reason?: string;
  output?: string;
  warnings?: string[];
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const pageSeconds = options.pageSeconds ?? 10;
  const commandSeconds = options.commandSeconds ?? 120 + 2 * options.count;
  const parent = options.workDir ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const workDir = mkdtempSync(path.join(parent, "zh-archive-fuzz-"));
  const pagesDir = path.join(workDir, "pages");
  const contentDir = path.join(workDir, "content");
  const siteDir = path.join(workDir, "site");
  const reportFile = path.join(workDir, "report.json");
  mkdirSync(pagesDir);
  mkdirSync(path.join(contentDir, "articles"), { recursive: true });
  writeFileSync(path.join(contentDir, "site.json"), readFileSync(SITE_JSON));

  const made = writeMutatedPages(pagesDir, options.count, seed);
  writeFileSync(path.join(workDir, "pages.txt"), [...made].map(([file, what]) => `${path.basename(file)}\t${what}\n`).join(""));
  log(`fuzz: ${made.size} pages made from test/fixtures/import/ (seed ${seed}) in ${pagesDir}`);
  const findings: FuzzFinding[] = [];
  const find = (input: string, kind: string, detail: string) => {
    const what = made.get(input);
    findings.push({ input: what ? `${path.basename(input)} (${what})` : input, kind, detail: detail.replace(/\s*\n\s*/g, " / ").slice(0, 400) });
  };

  // The import, as a user runs it.
  const imported = await run("src/cli/import.ts", [pagesDir, "--out", contentDir, "--date", "2024-01-01", "--report", reportFile, "--no-progress"], commandSeconds);
  log(`fuzz: imported in ${imported.seconds.toFixed(1)} s (exit ${imported.status ?? imported.signal})`);
  if (imported.timedOut) find(pagesDir, "import did not finish", `stopped after ${commandSeconds} s; last lines: ${tail(imported)}`);
  else if (imported.status !== 0 && imported.status !== 1) find(pagesDir, "import crashed", `exit ${imported.status ?? imported.signal}: ${tail(imported)}`);
  const importTrace = stackTraceIn(`${imported.stderr}\n${imported.stdout}`);
  if (importTrace) find(pagesDir, "stack trace from the import", importTrace);
  if (imported.stderr.trim()) find(pagesDir, "import wrote to stderr", imported.stderr.trim().split("\n").slice(0, 3).join(" / "));

  let entries: ReportEntry[] = [];
  try {
    entries = (JSON.parse(readFileSync(reportFile, "utf8")) as { entries: ReportEntry[] }).entries;
  } catch (error) {
    if (!imported.timedOut) find(reportFile, "no report", (error as Error).message);
  }

  // Every input reported, once.
  const reported = new Map<string, number>();
  for (const entry of entries) reported.set(entry.input, (reported.get(entry.input) ?? 0) + 1);
  if (entries.length > 0 || !imported.timedOut) {
    for (const file of made.keys()) {
      const times = reported.get(file) ?? 0;
      if (times !== 1) find(file, "input not reported once", `in the report ${times} times`);
    }
    for (const input of reported.keys()) if (!made.has(input)) find(input, "report names an input that was not given", "");
  }

  // Each reason one clear line; each imported entry's article there.
  for (const entry of entries) {
    const reason = entry.reason ?? "";
    if (entry.status !== "imported" && (!reason.trim() || reason.includes("\n") || UNCLEAR_REASON.test(reason) || STACK_TRACE.test(reason))) {
      find(entry.input, `unclear reason (${entry.status})`, reason || "(no reason)");
    }
    for (const warning of entry.warnings ?? []) {
      if (warning.includes("\n") || /\[object|Cannot read propert|is not a function/.test(warning) || STACK_TRACE.test(warning)) find(entry.input, "unclear warning", warning);
    }
    if (entry.status === "imported" && (!entry.output || !existsSync(entry.output))) find(entry.input, "imported article missing", `output ${entry.output}`);
  }

  // A page that took long: the time between the lines the import prints for each input (failed
  // inputs print none until the summary, so a gap is put on the inputs since the last line).
  const printedAt = new Map<string, number>();
  for (const line of imported.lines) {
    const match = /^(?:imported|skipped) (.+?)(?: → |: )/.exec(line.text);
    if (match) printedAt.set(match[1]!, line.at);
  }
  let last = 0;
  let since: ReportEntry[] = [];
  const slowGroups: { entries: ReportEntry[]; seconds: number }[] = [];
  for (const entry of entries) {
    since.push(entry);
    const time = printedAt.get(entry.input);
    if (time === undefined) continue;
    if (time - last > pageSeconds && last > 0) slowGroups.push({ entries: since, seconds: time - last });
    last = time;
    since = [];
  }
  if (imported.timedOut && since.length > 0) slowGroups.push({ entries: since.slice(0, 10), seconds: imported.seconds - last });
  for (const group of slowGroups) {
    // Several inputs in the gap: each is imported again on its own to tell which.
    const timed = group.entries.length === 1
      ? [{ entry: group.entries[0]!, seconds: group.seconds }]
      : await timeEach(group.entries.slice(0, 10), pageSeconds * 10);
    for (const { entry, seconds } of timed) {
      if (seconds > pageSeconds) find(entry.input, "slow page", `${seconds.toFixed(1)} s to import (${entry.status}${entry.reason ? `: ${entry.reason}` : ""})`);
    }
  }

  // Every written article readable by the loader the build uses.
  const articleFiles = findArticleFiles(path.join(contentDir, "articles"));
  const writtenBy = new Map(entries.filter((entry) => entry.output).map((entry) => [path.resolve(entry.output!), entry.input]));
  // An article's finding names the page it was imported from, and what that page was made of.
  const madeFrom = (file: string) => writtenBy.get(path.resolve(file)) ?? file;
  const unreadable = new Set<string>();
  let articleSlugs: string[] = [];
  const pageOfSlug = new Map<string, string>();
  for (const file of articleFiles) {
    const bytes = readFileSync(file);
    if (!isUtf8(bytes)) find(madeFrom(file), "written article is not UTF-8", path.basename(file));
  }
  try {
    const loaded = loadArticles(path.join(contentDir, "articles"), loadSettings(contentDir));
    for (const problem of loaded.problems) {
      find(madeFrom(problem.file), "written article not readable", `${path.basename(problem.file)}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`);
      unreadable.add(problem.file);
    }
    for (const warning of loaded.warnings) {
      if (/no feed or page may hold/.test(warning.message)) find(madeFrom(warning.file), "written article holds characters XML forbids", `${path.basename(warning.file)}: ${warning.message}`);
    }
    articleSlugs = loaded.articles.map((article) => article.slug);
    for (const article of loaded.articles) pageOfSlug.set(article.slug, madeFrom(article.file));
  } catch (error) {
    find(contentDir, "loader threw", (error as Error).stack ?? String(error));
  }

  // The build, as a user runs it.
  const built = await run("src/cli/build.ts", ["--content", contentDir, "--output", siteDir], commandSeconds, { ARCHIVE_CACHE_DIR: path.join(workDir, "cache") });
  log(`fuzz: built in ${built.seconds.toFixed(1)} s (exit ${built.status ?? built.signal})`);
  if (built.timedOut) find(contentDir, "build did not finish", `stopped after ${commandSeconds} s; last lines: ${tail(built)}`);
  else if (built.status !== 0) find(contentDir, "build failed", tail(built, 6));
  const buildTrace = stackTraceIn(`${built.stderr}\n${built.stdout}`);
  if (buildTrace) find(contentDir, "stack trace from the build", buildTrace);

  let finalBuild = built;
  if (built.status !== 0 && unreadable.size > 0) {
    // The build stops at an unreadable article, as it should; build again without them (set aside
    // in unreadable/), so that the site's own checks still run on everything else.
    const aside = path.join(workDir, "unreadable");
    mkdirSync(aside, { recursive: true });
    for (const file of unreadable) renameSync(file, path.join(aside, path.basename(file)));
    articleSlugs = loadArticles(path.join(contentDir, "articles"), loadSettings(contentDir)).articles.map((article) => article.slug);
    finalBuild = await run("src/cli/build.ts", ["--content", contentDir, "--output", siteDir], commandSeconds, { ARCHIVE_CACHE_DIR: path.join(workDir, "cache") });
    log(`fuzz: built again without the ${unreadable.size} unreadable article(s) in ${finalBuild.seconds.toFixed(1)} s (exit ${finalBuild.status ?? finalBuild.signal})`);
    if (finalBuild.timedOut) find(contentDir, "build did not finish", `stopped after ${commandSeconds} s; last lines: ${tail(finalBuild)}`);
    else if (finalBuild.status !== 0) find(contentDir, "build failed without the unreadable articles", tail(finalBuild, 6));
    const trace = stackTraceIn(`${finalBuild.stderr}\n${finalBuild.stdout}`);
    if (trace) find(contentDir, "stack trace from the build", trace);
  }

  const site = checkBuiltSite(siteDir);
  for (const finding of site.findings) {
    // A finding on an article's page names the page it was imported from.
    const slug = /[/\\]articles[/\\]([^/\\]+)[/\\]index\.html$/.exec(finding.input)?.[1];
    const page = slug === undefined ? undefined : pageOfSlug.get(slug);
    if (page) find(page, finding.kind, `${path.relative(siteDir, finding.input)}: ${finding.detail}`);
    else find(finding.input, finding.kind, finding.detail);
  }
  if (finalBuild.status === 0) {
    for (const slug of articleSlugs) {
      for (const script of ["zh-hans", "zh-hant"]) {
        if (!existsSync(path.join(siteDir, script, "articles", slug, "index.html"))) find(slug, "article missing from the site", `no /${script}/articles/${slug}/`);
      }
    }
  }

  const count = (status: ReportEntry["status"]) => entries.filter((entry) => entry.status === status && made.has(entry.input)).length;
  const keep = Boolean(options.keep) || findings.length > 0;
  if (!keep) rmSync(workDir, { recursive: true, force: true });
  return {
    seed,
    pages: made.size,
    imported: count("imported"),
    skipped: count("skipped"),
    failed: count("failed"),
    articles: articleFiles.length,
    xmlFiles: site.xmlFiles,
    htmlFiles: site.htmlFiles,
    importSeconds: imported.seconds,
    buildSeconds: built.seconds + (finalBuild === built ? 0 : finalBuild.seconds),
    seconds: (performance.now() - started) / 1000,
    findings,
    ...(keep ? { workDir } : {}),
  };
}

/** The report as the benchmark prints it: a line per finding, then the counts. */
export function formatFuzzReport(report: FuzzReport): string {
  const lines = report.findings.map((finding) => `  ${finding.kind}: ${finding.input}${finding.detail ? `: ${finding.detail}` : ""}`);
  lines.push(
    `fuzz: ${report.pages} pages, ${report.imported} imported, ${report.failed} failed, ${report.skipped} skipped; ` +
      `${report.articles} articles, ${report.htmlFiles} HTML and ${report.xmlFiles} XML files checked; ` +
      `${report.findings.length} findings (seed ${report.seed}, ${report.seconds.toFixed(0)} s: import ${report.importSeconds.toFixed(0)} s, build ${report.buildSeconds.toFixed(0)} s)` +
      (report.workDir ? `\nkept in ${report.workDir} (pages/ and pages.txt, what each was made of; content/, site/, report.json)` : ""),
  );
  return lines.join("\n");
}
