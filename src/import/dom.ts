/** The DOM the importer reads pages into (linkedom), and the small helpers every reader of it needs. */
import { parseHTML } from "linkedom";

export type Doc = ReturnType<typeof parseHTML>["document"];
export type El = Element;

export function parseDocument(html: string): Doc {
  const whole = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  return parseHTML(whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

export function httpUrl(value: string | undefined, base?: URL): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export function names(element: El): string[] {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}
