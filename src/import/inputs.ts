/**
 * The import command's paths → the files to import, in a stable order, and what is left out with
 * its reason: folders are walked (symbolic links not followed, hidden files and FIFOs passed over,
 * each with a line), and a browser's folder of a saved page's files goes with that page.
 */
import { closeSync, lstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { CONVENTIONS, siteAt } from "./conventions.ts";

/** One file to import, as listing the command's paths found it. */
export interface ImportInput {
  file: string;
  /** Named on the command line (a file that is not a page then fails; one found in a folder is skipped). */
  named: boolean;
  /** The folder a browser saved the page's files in ("Save Page As… complete": `page_files/`). */
  assetsDir?: string;
  /** The folder named on the command line that this file was found in. */
  root?: string;
}

/** A path not imported, with its reason (an entry of the import's report, as its pages' are). */
export interface LeftOut {
  input: string;
  status: "skipped" | "failed";
  reason: string;
  warnings: string[];
}

export interface ListedInputs {
  inputs: ImportInput[];
  /** What was not read, each with its reason: links, hidden files, FIFOs, a page's own files… */
  skipped: LeftOut[];
  /** Paths named on the command line that cannot be read at all. */
  failed: LeftOut[];
}

// Browsers save a page's images, styles and scripts beside it: `名字_files/` (Chrome, Firefox,
// Edge), `名字.files/` (older Internet Explorer), `名字_archivos/` and others in other languages.
const ASSETS_SUFFIXES = ["_files", ".files", "_archivos", "_fichiers", "_Dateien", "-Dateien"];
const ASSETS_FOLDER = new RegExp(`^(.+?)(?:${ASSETS_SUFFIXES.map((suffix) => suffix.replace(".", "\\.")).join("|")})$`);
// A saved page's styles, scripts and data, wherever they are: never an article.
const NOT_PAGES = /\.(?:css|js|mjs|cjs|json|map|woff2?|ttf|otf|eot)$/i;
const PAGE_EXTENSIONS = [".html", ".htm", ".shtml", ".xhtml", ".mht", ".txt"];

/** Every file under the given paths, folders walked recursively, in a stable order; what is left out, and why. */
export function listInputs(paths: string[]): ListedInputs {
  const listed: ListedInputs = { inputs: [], skipped: [], failed: [] };
  const skip = (input: string, reason: string) => listed.skipped.push({ input, status: "skipped", reason, warnings: [] });
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      const link = lstatOrUndefined(given);
      const reason = link?.isSymbolicLink() ? "is a link to nothing (its target does not exist)" : "does not exist";
      listed.failed.push({ input: given, status: "failed", reason, warnings: [] });
      continue;
    }
    if (stats.isDirectory()) walk(given, listed, skip);
    else if (stats.isFile()) listed.inputs.push({ file: given, named: true, assetsDir: assetsFolderOf(given) });
    else listed.failed.push({ input: given, status: "failed", reason: `is ${kindOf(stats)}, not a file; not read`, warnings: [] });
  }
  return listed;
}

function walk(root: string, listed: ListedInputs, skip: (input: string, reason: string) => void): void {
  // Each folder with the page bundle (Hugo's `index.md`) it is part of, if any.
  const pending: { dir: string; bundle?: string }[] = [{ dir: root }];
  const found: ImportInput[] = [];
  while (pending.length > 0) {
    const { dir, bundle: outerBundle } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skip(dir, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    // The root of a Jekyll, Hugo or Hexo site: only its posts are read, not its theme, output or settings.
    const site = siteAt(dir);
    if (site) {
      pending.push(...postFoldersOf(dir, site, skip).map((folder) => ({ dir: folder })));
      continue;
    }
    const names = new Set(entries.map((entry) => entry.name));
    const bundleIndex = entries.find((entry) => entry.isFile() && /^_?index\.(?:md|markdown)$/i.test(entry.name) && hasFrontMatter(path.join(dir, entry.name)));
    // A leaf bundle (`index.md`) holds its folders too; a branch's (`_index.md`) are sections and pages.
    const bundle = bundleIndex ? path.join(dir, bundleIndex.name) : outerBundle;
    const innerBundle = bundleIndex && !bundleIndex.name.startsWith("_") ? bundle : outerBundle;
    const assetsOf = new Map<string, string>();
    for (const entry of entries) {
      const page = entry.isDirectory() ? pageOfAssetsFolder(entry.name, names) : undefined;
      if (page) assetsOf.set(page, path.join(dir, entry.name));
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith(".")) skip(full, entry.isDirectory() ? "is a hidden folder; not read" : "is a hidden file; not read");
      else if (entry.isSymbolicLink()) skip(full, "is a symbolic link; not followed (name its target to import it)");
      else if (entry.isDirectory()) {
        const page = pageOfAssetsFolder(entry.name, names);
        const post = POST_EXTENSIONS.map((extension) => entry.name + extension).find((name) => names.has(name));
        if (page) skip(full, `holds the files of the saved page ${page}; its images are copied with that page`);
        else if (post) skip(full, `holds the files of the post ${post}; the images it shows are copied with it`);
        else pending.push({ dir: full, bundle: innerBundle });
      } else if (entry.isFile() && bundle && !isMarkdownName(entry.name)) {
        skip(full, `is a file of the page bundle ${bundle}; the images it shows are copied with it`);
      } else if (entry.isFile() && NOT_PAGES.test(entry.name)) skip(full, "is a stylesheet, script, font or data file by its name; not read");
      else if (entry.isFile()) found.push({ file: full, named: false, assetsDir: assetsOf.get(entry.name), root });
      else skip(full, `is ${kindOf(entry)}, not a file; not read`);
    }
  }
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  listed.inputs.push(...found);
}

const POST_EXTENSIONS = [".md", ".markdown"];

/** The file starts as a post does (`---`, `+++` or `{`): a Hugo page bundle's index, not a page of text. */
function hasFrontMatter(file: string): boolean {
  const head = Buffer.alloc(8);
  try {
    const fd = openSync(file, "r");
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^(?:\uFEFF)?(?:---|\+\+\+|\{)/.test(head.toString("utf8"));
}

function isMarkdownName(name: string): boolean {
  return /\.(?:md|markdown|mdown|mkd)$/i.test(name);
}

/**
 * A site's folders of posts (`_posts/`, `_drafts/`; `source/_posts/`; `content/`) that exist;
 * every other entry of the site on the way to them is left out with one line.
 */
function postFoldersOf(dir: string, site: NonNullable<ReturnType<typeof siteAt>>, skip: (input: string, reason: string) => void): string[] {
  const folders: string[] = [];
  const { name } = CONVENTIONS[site.generator];
  const pageReason = `is a page of the ${name} site ${dir} (outside ${site.postFolders.map((folder) => `${folder}/`).join(" and ")}), not a post; name it on the command line to import it as an article`;
  const reason = `is part of the ${name} site ${dir}, not its posts (${site.postFolders.map((folder) => `${folder}/`).join(", ")}); not read`;
  const visit = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const inner = path.join(relative, entry.name);
      const posix = inner.split(path.sep).join("/");
      if (entry.isDirectory() && site.postFolders.includes(posix)) folders.push(path.join(dir, inner));
      else if (entry.isDirectory() && site.postFolders.some((folder) => folder.startsWith(`${posix}/`))) visit(inner);
      else if (entry.isFile() && isMarkdownName(entry.name)) skip(path.join(dir, inner), pageReason);
      else skip(path.join(dir, inner), reason);
    }
  };
  visit("");
  return folders.sort().reverse();
}

/** The saved page beside a folder named like `page_files`, when there is one. */
function pageOfAssetsFolder(name: string, siblings: Set<string>): string | undefined {
  const stem = ASSETS_FOLDER.exec(name)?.[1];
  return stem ? PAGE_EXTENSIONS.map((extension) => stem + extension).find((page) => siblings.has(page)) : undefined;
}

/** The folder of a saved page's own files (`page_files/` beside `page.html`), when it exists. */
function assetsFolderOf(file: string): string | undefined {
  const stem = path.join(path.dirname(file), path.basename(file, path.extname(file)));
  return ASSETS_SUFFIXES.map((suffix) => stem + suffix).find((folder) => lstatOrUndefined(folder)?.isDirectory());
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

export function kindOf(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}
