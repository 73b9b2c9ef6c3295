/**
 * `npm start` at any size. A build writes every page of both scripts; the dev server instead renders
 * a page from the site model when the browser asks for it. A change then costs re-reading the
 * changed files and remaking the model, not re-rendering and rewriting every page; Eleventy still
 * watches the content and reloads the browser. The pages come from the same templates as a build's.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { templates } from "../../layouts/index.ts";
import { html } from "../../layouts/html.ts";
import { ProblemsError, formatProblem } from "../problems.ts";
import { basePath } from "../settings.ts";
import { isPublishedImage, MEDIA_FOLDER } from "../articles/media.ts";
import type { SiteModel } from "../site/model.ts";
import { href, outputPath, paths } from "../site/urls.ts";
import { PUBLIC_DIR, loadSiteModel, type ArchiveDataOptions, type EleventyConfig } from "./plugins.ts";

/** True under `npm start` (Eleventy's --serve). */
export function isServing(): boolean {
  return process.env.ELEVENTY_RUN_MODE === "serve";
}

/** An answer for the dev server: a plain object, as its `onRequest` option takes. */
export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface LiveSiteOptions {
  /** Makes the site model from the content; throws a ProblemsError when the content has problems. */
  load: () => SiteModel;
  /** Eleventy's output folder: files other than pages there (such as a search index) are served as they are. */
  outputDir: string;
  /** The content's images (content/media/): those the build would publish are served from there. */
  mediaDir?: string;
}

/** The site as the dev server shows it: the latest model's pages by URL, or what stopped it loading. */
export class LiveSite {
  #site?: SiteModel;
  #routes = new Map<string, () => string>();
  #failure?: string[];

  constructor(private readonly options: LiveSiteOptions) {}

  /** Remakes the model from the content; on problems, prints them plainly and shows them on every page. */
  refresh(): void {
    try {
      const site = this.options.load();
      this.#routes = routesOf(site);
      this.#site = site;
      this.#failure = undefined;
    } catch (error) {
      const failure = error instanceof ProblemsError ? error.problems.map(formatProblem) : [(error as Error).message];
      // Page requests retry while loading fails, so say each failure once.
      if (failure.join("\n") !== this.#failure?.join("\n")) report(error);
      this.#failure = failure;
    }
  }

  /**
   * The answer for a path from the site's base ("/zh-hans/"), or undefined to let the dev server
   * serve a file (public/, or a non-page file in the output folder).
   */
  respond(pathname: string): PageResponse | undefined {
    try {
      return this.#respond(pathname);
    } catch (error) {
      // A failing page must not stop the server (an error here would end the process).
      console.error(error);
      return page(500, errorPage("页面出错 · The page failed", [(error as Error).message]));
    }
  }

  #respond(pathname: string): PageResponse | undefined {
    if (isStaticFile(PUBLIC_DIR, pathname) || (isStaticFile(this.options.outputDir, pathname) && !isPage(pathname))) return undefined;
    const media = pathname.startsWith(`/${MEDIA_FOLDER}/`) ? pathname.slice(MEDIA_FOLDER.length + 2) : undefined;
    if (media !== undefined && this.options.mediaDir && isPublishedImage(this.options.mediaDir, media)) {
      const type = path.extname(media).slice(1);
      return { status: 200, headers: { "Content-Type": `image/${type === "jpg" ? "jpeg" : type}` }, body: readFileSync(path.join(this.options.mediaDir, media)) };
    }
    // Eleventy rebuilds when a file is saved, not when one is deleted: the bad file may be gone.
    if (this.#failure) this.refresh();
    if (this.#failure || !this.#site) return page(500, errorPage("内容有问题 · Problems in the content", this.#failure ?? []));
    const render = this.#routes.get(pathname);
    if (render) return page(200, render(), contentType(pathname));
    // As a static host does: a folder's address without its final slash is sent to the folder.
    if (this.#routes.has(`${pathname}/`)) {
      return { status: 301, headers: { Location: href(basePath(this.#site.settings), `${pathname}/`) }, body: "" };
    }
    // Pages an earlier build left in the output folder may be stale: every page comes from the model.
    return page(404, this.#routes.get(paths.notFound())!());
  }
}

function report(error: unknown): void {
  if (!(error instanceof ProblemsError)) {
    // Not the content's fault but a bug: its stack trace is what helps.
    console.error(error);
    return;
  }
  const count = error.problems.length;
  console.error(`[archive] ${count} problem${count === 1 ? "" : "s"} in the content; pages show them until they are fixed:`);
  for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
}

/** Every page of the model by URL path, also as the file a build writes ("/" and "/index.html"). */
function routesOf(site: SiteModel): Map<string, () => string> {
  const routes = new Map<string, () => string>();
  for (const template of Object.values(templates)) {
    for (const { url, render } of template.pages(site)) {
      routes.set(url, render);
      routes.set(outputPath(url), render);
    }
  }
  return routes;
}

function isStaticFile(dir: string, pathname: string): boolean {
  return statSync(path.join(dir, pathname), { throwIfNoEntry: false })?.isFile() ?? false;
}

function isPage(pathname: string): boolean {
  return pathname.endsWith(".html") || pathname.endsWith(".xml") || pathname.endsWith(".txt");
}

function page(status: number, body: string, type = "text/html"): PageResponse {
  return { status, headers: { "Content-Type": `${type}; charset=utf-8` }, body };
}

// The types a static host gives these files by their extension; other pages are folders' index.html.
function contentType(pathname: string): string {
  if (pathname.endsWith(".xml")) return "application/xml";
  if (pathname.endsWith(".txt")) return "text/plain";
  return "text/html";
}

function errorPage(title: string, lines: string[]): string {
  return html`<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>${title}</title>
</head>
<body>
<h1>${title}</h1>
<p>Fix this and save; the page reloads by itself.</p>
<pre>${lines.join("\n")}</pre>
</body>
</html>
`.value;
}

/**
 * The plugin for `npm start`, in place of the page templates: the model is remade before each of
 * Eleventy's builds (at the start and after each change it sees, before it reloads the browser),
 * and every request for a page is answered from it.
 */
export function pagesOnRequest(eleventyConfig: EleventyConfig, options: ArchiveDataOptions = {}): void {
  const live = new LiveSite({
    load: () => loadSiteModel(eleventyConfig.directories.input, options),
    outputDir: eleventyConfig.directories.output,
    mediaDir: path.join(eleventyConfig.directories.input, MEDIA_FOLDER),
  });
  eleventyConfig.on("eleventy.before", () => live.refresh());
  eleventyConfig.setServerOptions({
    onRequest: {
      // The dev server adds the site's base path to this pattern; the group is the path after it.
      "/*": ({ patternGroups }: { patternGroups: Record<string, string | undefined> }) => {
        const pathname = decodedPath(`/${patternGroups[0] ?? ""}`);
        // The dev server's own scripts (live reload) are under /.11ty/.
        if (pathname === undefined || pathname.startsWith("/.11ty/")) return undefined;
        return live.respond(pathname);
      },
    },
  });
}

function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURI(pathname);
  } catch {
    return undefined;
  }
}
