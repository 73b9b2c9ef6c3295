/**
 * The Eleventy plugins that make the site: the archive as global data (from the content folder,
 * which is Eleventy's input folder, unless the build has given it: src/build.ts), the page
 * templates, and the static assets.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadArchive, logArchive } from "../archive.ts";
import { isPublishedImage, MEDIA_FOLDER } from "../articles/media.ts";
import { basePath, loadSettings } from "../settings.ts";
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import { templates } from "../../layouts/index.ts";

/** The part of Eleventy's configuration API these plugins use. */
export interface EleventyConfig {
  directories: { input: string; output: string };
  ignores: Set<string>;
  setDataFileSuffixes(suffixes: string[]): void;
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: () => unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: unknown): void;
  addWatchTarget(target: string): void;
  addPassthroughCopy(paths: Record<string, string>, options?: { filter: (file: string) => boolean }): void;
  setServerOptions(options: Record<string, unknown>): void;
  setServerPassthroughCopyBehavior(behavior: "copy" | "passthrough"): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

export interface ArchiveDataOptions {
  /** Where converted text is cached (default: $ARCHIVE_CACHE_DIR, else .cache/zh-archive); null keeps it in memory only. */
  cacheDir?: string | null;
}

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Static assets, served from the site's root. */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, "public");

/** The archive, read from the input folder on every rebuild, as the global `site` (a build gives its own). */
export function archiveData(eleventyConfig: EleventyConfig, options: ArchiveDataOptions = {}): void {
  if (eleventyConfig.globalData.site) return;
  const contentDir = eleventyConfig.directories.input;
  // Article files end in .md in any case (findArticleFiles).
  eleventyConfig.addWatchTarget(path.join(contentDir, "**/*.{md,MD,Md,mD}"));
  eleventyConfig.addWatchTarget(path.join(contentDir, "*.json"));
  eleventyConfig.addGlobalData("site", (): SiteModel => loadSiteModel(contentDir, options));
}

/** Reads the archive (only files changed since the last read) and makes the site model; logs what it did. */
export function loadSiteModel(contentDir: string, options: ArchiveDataOptions = {}): SiteModel {
  const started = performance.now();
  const archive = loadArchive({
    contentDir,
    cacheDir: options.cacheDir ?? process.env.ARCHIVE_CACHE_DIR,
    // Drafts show while a person edits (npm start), never in a build.
    includeDrafts: process.env.ELEVENTY_RUN_MODE !== "build",
  });
  logArchive(archive, performance.now() - started);
  return buildSiteModel(archive);
}


/**
 * The content folder is data, never code: Eleventy runs no template (`*.11ty.js`), template data
 * file (`*.11tydata.js`) or global data file (`_data/*.js`) found there, so a contributed file can
 * only ever be read as an article or the settings.
 */
export function contentIsData(eleventyConfig: EleventyConfig): void {
  // Eleventy matches ignores against paths relative to the working folder.
  eleventyConfig.ignores.add(path.join(path.relative(process.cwd(), path.resolve(eleventyConfig.directories.input)) || ".", "**"));
  eleventyConfig.setDataFileSuffixes([]);
}

/** Eleventy's global data folder, relative to the input folder: one that does not exist, outside it. */
export function noDataFolder(contentDir: string): string {
  return path.relative(path.resolve(contentDir), path.join(PROJECT_ROOT, ".no-eleventy-data"));
}

/** Every page template, as virtual templates: the content folder holds only content. */
export function archivePages(eleventyConfig: EleventyConfig): void {
  for (const [name, template] of Object.entries(templates)) eleventyConfig.addTemplate(`_archive/${name}`, template);
}

/** Global data a build gives to an Eleventy run that writes pages only, the assets being copied by another. */
export const PAGES_ONLY_DATA = "pagesOnly";

/** `public/` is copied to the site's root as it is; the articles' images (content/media/) to /media/. */
export function staticAssets(eleventyConfig: EleventyConfig): void {
  if (eleventyConfig.globalData[PAGES_ONLY_DATA]) return;
  const publicDir = path.relative(process.cwd(), PUBLIC_DIR) || ".";
  const mediaDir = path.relative(process.cwd(), path.resolve(eleventyConfig.directories.input, MEDIA_FOLDER));
  // Only images, by name: a page or script put in content/media/ would run on the site's origin.
  eleventyConfig.addPassthroughCopy({ [publicDir]: "/" });
  // npm start serves them itself (src/eleventy/serve.ts), by the same rule.
  if (process.env.ELEVENTY_RUN_MODE === "build") {
    eleventyConfig.addPassthroughCopy({ [mediaDir]: `/${MEDIA_FOLDER}` }, { filter: (file: string) => isPublishedImage(mediaDir, file) });
  }
}

/**
 * The base path of the site ("/" or "/archive/"), for Eleventy's pathPrefix: only the dev server
 * uses it (links already carry it). Settings problems are reported by the data step, not here.
 */
export function servedPath(contentDir: string): string {
  try {
    return basePath(loadSettings(contentDir));
  } catch {
    return "/";
  }
}

/** `npm start`: the dev server reloads the browser when content changes. */
export function devServer(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setServerOptions({ port: Number(process.env.PORT ?? 8080), showVersion: false });
  // public/ is served from where it is: copying it again on every rebuild left its files missing for
  // a moment, so a page loaded during a rebuild could lose its stylesheet.
  eleventyConfig.setServerPassthroughCopyBehavior("passthrough");
}
