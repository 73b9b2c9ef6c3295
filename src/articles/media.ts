/**
 * The archive's images: `content/media/<slug>/<hash>.<type>`, copied in by the importer and
 * published at `/media/`. Only raster images are media, told by their first bytes: an SVG can hold
 * scripts, and a page or script published on the site's origin would run there.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";

export const MEDIA_FOLDER = "media";

// The first bytes of each raster format a browser shows.
export const MEDIA_TYPES: { extension: string; test: (b: Buffer) => boolean }[] = [
  { extension: "png", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { extension: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { extension: "gif", test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1")) },
  { extension: "webp", test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { extension: "avif", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && /^avi[fs]$/.test(b.subarray(8, 12).toString("latin1")) },
  { extension: "bmp", test: (b) => b.subarray(0, 2).toString("latin1") === "BM" },
];

/** The extension of a raster image's type, told by its first bytes; undefined for anything else. */
export function imageType(bytes: Buffer): string | undefined {
  return MEDIA_TYPES.find((type) => type.test(bytes))?.extension;
}

// What the importer writes: media/<slug>/<16 hex digits of the content's hash>.<type>
const MEDIA_NAME = /^[a-z0-9-]+\/[0-9a-f]{16}\.([a-z]+)$/;

/**
 * Whether a file under the media folder (`relative`: `<slug>/<name>`, or a folder on the way) is
 * published: a folder, or an image whose first bytes are of the type its name says. Anything else
 * (a page, a script, an SVG, a renamed file) stays out of the site.
 */
export function isPublishedImage(mediaDir: string, relative: string): boolean {
  const file = path.join(mediaDir, relative);
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return false;
  }
  if (stats.isDirectory()) return !relative.includes(path.sep) && /^[a-z0-9-]+$/.test(relative);
  const extension = MEDIA_NAME.exec(relative.split(path.sep).join("/"))?.[1];
  if (!extension || !stats.isFile()) return false;
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return imageType(head) === extension;
}
