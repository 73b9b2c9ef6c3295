/**
 * The images a post of another generator shows, found beside it (a Hugo page bundle, a Hexo post
 * asset folder) or among the files its site published as they are (`/assets/img/x.jpg` in a
 * Jekyll site, Hugo's `static/`, Hexo's `source/`): each is copied as saved pages' images are
 * (`content/media/<slug>/`, raster images told by their bytes), and the Markdown and HTML of the
 * body point at the copy. An image that is not there, or not copied, is a warning naming it.
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { imageCopyName, imageToken, type SavedImage } from "./assets.ts";

export interface ImageFolders {
  /** Folders a relative address is looked up in, first found wins (the post's asset folder, its own folder). */
  relative: string[];
  /** Folders a site-absolute address (`/images/x.jpg`) is looked up in. */
  absolute: string[];
  /** No file outside these is read, links resolved (the site's root, or the folder the command named). */
  within: string[];
}

const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp|avif|bmp|svg|tiff?|ico|heic)$/i;
const MAX_IMAGES = 500;
// Code is shown, not followed: fenced blocks and inline code are passed over.
const CODE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$(?![\s\S]))|(`+)(?!`)[^\n]*?[^`\n]\3(?!`)/gm;
// `](address`, `[id]: address`, and src= / href= in HTML tags.
const ADDRESSES = /(\]\(\s*)(<[^>\n]*>|[^\s)]+)|(^ {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)|(<(?:img|a|source)\b[^>]*?\s(?:src|href)\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gim;

export class PostImages {
  readonly images: SavedImage[] = [];
  readonly warnings: string[] = [];
  private readonly byFile = new Map<string, SavedImage>();
  private readonly warned = new Set<string>();

  constructor(private readonly folders: ImageFolders) {}

  /** The body with the address of each image found replaced by its token (placed once the slug is known). */
  rewrite(body: string): string {
    let rewritten = "";
    let from = 0;
    for (const code of body.matchAll(CODE)) {
      rewritten += this.rewriteText(body.slice(from, code.index)) + code[0];
      from = code.index + code[0].length;
    }
    return rewritten + this.rewriteText(body.slice(from));
  }

  private rewriteText(text: string): string {
    return text.replace(ADDRESSES, (whole, mdPrefix?: string, mdAddress?: string, refPrefix?: string, refAddress?: string, htmlPrefix?: string, htmlAddress?: string) => {
      const prefix = mdPrefix ?? refPrefix ?? htmlPrefix ?? "";
      const written = mdAddress ?? refAddress ?? htmlAddress ?? "";
      const quote = /^["']/.test(written) ? written[0]! : "";
      const address = written.replace(/^<(.*)>$/, "$1").replace(/^["'](.*)["']$/, "$1");
      const token = this.tokenOf(address);
      if (!token) return whole;
      return `${prefix}${quote}${token}${quote}`;
    });
  }

  /** The token of the copied image an address names, or undefined (left as written). */
  private tokenOf(address: string): string | undefined {
    const value = address.trim();
    if (!value || /^[a-z][\w+.-]*:/i.test(value) || value.startsWith("//") || value.startsWith("#")) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value.replace(/[?#].*$/, ""));
    } catch {
      return undefined;
    }
    const isImage = IMAGE_NAME.test(decoded);
    const candidates = decoded.startsWith("/")
      ? this.folders.absolute.map((dir) => path.join(dir, decoded))
      : this.folders.relative.map((dir) => path.resolve(dir, decoded));
    const file = candidates.find((candidate) => this.isReadable(candidate));
    if (!file) {
      if (isImage) this.warn(value, `shows the image ${value}, which is not in the post's folder or among the site's files; left as written`);
      return undefined;
    }
    if (!isImage) {
      this.warn(value, `links to ${value}, a file of the old site that is not copied (only images are); left as written`);
      return undefined;
    }
    const known = this.byFile.get(file);
    if (known) return known.token;
    const name = this.images.length < MAX_IMAGES ? imageCopyName(file) : undefined;
    if (!name) {
      this.warn(value, `shows ${value}, which is not copied (only PNG, JPEG, GIF, WebP, AVIF and BMP images of at most 20 MB, ${MAX_IMAGES} a post, are: an SVG can hold scripts); left as written`);
      return undefined;
    }
    const image: SavedImage = { token: imageToken(this.images.length), name, file, original: value };
    this.images.push(image);
    this.byFile.set(file, image);
    return image.token;
  }

  /** A file (not a folder) whose real path, links resolved, is inside one of the folders files may be read from. */
  private isReadable(file: string): boolean {
    let real: string;
    try {
      if (!statSync(file).isFile()) return false;
      real = realpathSync(file);
    } catch {
      return false;
    }
    return this.folders.within.some((dir) => isInside(realOrSelf(dir), real));
  }

  private warn(address: string, message: string): void {
    if (this.warned.has(address)) return;
    this.warned.add(address);
    this.warnings.push(message);
  }
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

function isInside(dir: string, file: string): boolean {
  const inside = path.relative(dir, file);
  return Boolean(inside) && !inside.startsWith("..") && !path.isAbsolute(inside);
}
