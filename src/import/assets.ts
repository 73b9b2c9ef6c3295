/**
 * The images of a page saved "complete" by a browser (`page.html` beside `page_files/`): the ones
 * the article shows are copied into the archive (`content/media/<slug>/`), so that the archive
 * does not depend on the origin site staying up and readers' browsers never call it. Only raster
 * images, told by their bytes, are copied: an SVG can hold scripts, and a file named .jpg can be
 * anything.
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SavedImage {
  /** The token the article's Markdown holds until the image has its place in the archive. */
  token: string;
  /** The copy's file name: its content's hash and its type's extension. */
  name: string;
  bytes: Buffer;
  /** Where the page had it: its address on the origin site when the page kept one, else its path beside the page. */
  original: string;
}

const TOKEN_PREFIX = "zh-archive-saved-image:";
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

// The first bytes of each raster format a browser shows.
const SIGNATURES: { extension: string; test: (b: Buffer) => boolean }[] = [
  { extension: "png", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { extension: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { extension: "gif", test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1")) },
  { extension: "webp", test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { extension: "avif", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && /^avi[fs]$/.test(b.subarray(8, 12).toString("latin1")) },
  { extension: "bmp", test: (b) => b.subarray(0, 2).toString("latin1") === "BM" },
];

export class SavedPageImages {
  readonly images: SavedImage[] = [];
  /** Images of the page's folder that were not copied (not a raster image, too large, a link). */
  refused = 0;
  private readonly byFile = new Map<string, SavedImage>();

  constructor(
    private readonly pageFile: string,
    private readonly assetsDir: string,
  ) {}

  /**
   * An image address as the page writes it → the token to put in the article, null for a file of
   * the page's folder that is not copied (the image is left out), undefined for any other address.
   */
  resolve(src: string, original?: string): string | null | undefined {
    const file = this.fileOf(src);
    if (!file) return undefined;
    const known = this.byFile.get(file);
    if (known) return known.token;
    const bytes = readImage(file);
    const type = bytes && SIGNATURES.find((signature) => signature.test(bytes));
    if (!bytes || !type) {
      this.refused++;
      return null;
    }
    const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${type.extension}`;
    const image = { token: `${TOKEN_PREFIX}${this.images.length}`, name, bytes, original: original ?? path.relative(path.dirname(this.pageFile), file) };
    this.images.push(image);
    this.byFile.set(file, image);
    return image.token;
  }

  /** The file inside the page's folder that a relative address names, if any. */
  private fileOf(src: string): string | undefined {
    const value = src.trim();
    if (!value || /^[a-z][\w+.-]*:/i.test(value) || value.startsWith("//")) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value.replace(/[?#].*$/, ""));
    } catch {
      return undefined;
    }
    const file = path.resolve(path.dirname(this.pageFile), decoded);
    const inside = path.relative(this.assetsDir, file);
    return inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? file : undefined;
  }
}

/** The article's Markdown with each token replaced by the image's address in the archive. */
export function placeImages(markdown: string, images: SavedImage[], address: (image: SavedImage) => string): string {
  return markdown.replace(new RegExp(`${TOKEN_PREFIX}(\\d+)`, "g"), (token, index: string) => {
    const image = images[Number(index)];
    return image ? address(image) : token;
  });
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
