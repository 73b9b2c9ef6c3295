/**
 * The images of a page saved "complete" by a browser (`page.html` beside `page_files/`): the ones
 * the article shows are copied into the archive (`content/media/<slug>/`), so that the archive
 * does not depend on the origin site staying up and readers' browsers never call it. Only raster
 * images, told by their bytes, are copied: an SVG can hold scripts, and a file named .jpg can be
 * anything.
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { imageType } from "../articles/media.ts";

export interface SavedImage {
  /** The token the article's Markdown holds until the image has its place in the archive. */
  token: string;
  /** The copy's file name: its content's hash and its type's extension. */
  name: string;
  /** The image file beside the page (links resolved: it is inside the page's folder). */
  file: string;
  /** Where the page had it: its address on the origin site when the page kept one, else its path beside the page. */
  original: string;
}

const TOKEN_PREFIX = "zh-archive-saved-image:";
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
// A page that shows more is no article page; what is copied stays bounded.
const MAX_IMAGES = 500;
const MAX_TOTAL_BYTES = 500 * 1024 * 1024;

export class SavedPageImages {
  readonly images: SavedImage[] = [];
  /** Images of the page's folder that were not copied (not a raster image, too large, a link). */
  refused = 0;
  private readonly byFile = new Map<string, SavedImage>();
  private totalBytes = 0;
  private readonly realAssetsDir: string | undefined;

  constructor(
    private readonly pageFile: string,
    private readonly assetsDir: string,
  ) {
    try {
      this.realAssetsDir = realpathSync(assetsDir);
    } catch {
      this.realAssetsDir = undefined;
    }
  }

  /**
   * An image address as the page writes it → the token to put in the article, null for a file of
   * the page's folder that is not copied (not an image, a link out of the folder: the image is left
   * out), undefined for any other address.
   */
  resolve(src: string, original?: string): string | null | undefined {
    const file = this.fileOf(src);
    if (file === undefined) return undefined;
    if (file === null) {
      this.refused++;
      return null;
    }
    const known = this.byFile.get(file);
    if (known) return known.token;
    const bytes = this.images.length < MAX_IMAGES ? readImage(file) : undefined;
    const type = bytes && imageType(bytes);
    if (!bytes || !type || this.totalBytes + bytes.length > MAX_TOTAL_BYTES) {
      this.refused++;
      return null;
    }
    this.totalBytes += bytes.length;
    const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${type}`;
    const image = { token: `${TOKEN_PREFIX}${this.images.length}`, name, file, original: original ?? path.relative(path.dirname(this.pageFile), file) };
    this.images.push(image);
    this.byFile.set(file, image);
    return image.token;
  }

  /**
   * The file inside the page's folder that a relative address names, if any: its real path, links
   * resolved, must be inside the folder's real path (a link in the folder may point anywhere).
   */
  private fileOf(src: string): string | null | undefined {
    const value = src.trim();
    if (!value || /^[a-z][\w+.-]*:/i.test(value) || value.startsWith("//")) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value.replace(/[?#].*$/, ""));
    } catch {
      return undefined;
    }
    const named = path.resolve(path.dirname(this.pageFile), decoded);
    if (!isInside(this.assetsDir, named)) return undefined;
    let real: string;
    try {
      real = realpathSync(named);
    } catch {
      return named;
    }
    return this.realAssetsDir && isInside(this.realAssetsDir, real) ? real : null;
  }
}

/** The token the article's n-th copied image holds until it has its place in the archive. */
export function imageToken(index: number): string {
  return `${TOKEN_PREFIX}${index}`;
}

/** The name a copy of this file gets (its content's hash and its type), or undefined when it is no raster image of at most 20 MB. */
export function imageCopyName(file: string): string | undefined {
  const bytes = readImage(file);
  const type = bytes && imageType(bytes);
  return type ? `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${type}` : undefined;
}

/** The article's Markdown with each token replaced by the image's address in the archive. */
export function placeImages(markdown: string, images: SavedImage[], address: (image: SavedImage) => string): string {
  return markdown.replace(new RegExp(`${TOKEN_PREFIX}(\\d+)`, "g"), (token, index: string) => {
    const image = images[Number(index)];
    return image ? address(image) : token;
  });
}

function isInside(dir: string, file: string): boolean {
  const inside = path.relative(dir, file);
  return Boolean(inside) && !inside.startsWith("..") && !path.isAbsolute(inside);
}

function readImage(file: string): Buffer | undefined {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile() || stats.size > MAX_IMAGE_BYTES) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
