/**
 * Finding the article in a page: the site's furniture (hidden blocks, navigation, containers
 * named for ads, shares, comments, related posts) removed, then the main text chosen by Mozilla
 * Readability. What counts as furniture is in rules.ts.
 */
import { Readability } from "@mozilla/readability";
import { BOILERPLATE_NAME_PARTS, BOILERPLATE_NAME_PREFIXES, CONTENT_NAME_PARTS, RELATED_START, STRIPPED_ELEMENTS } from "./rules.ts";
import { headNames, names, parseDocument, type Doc, type El } from "./dom.ts";

/** The page has no article text to import. */
export class NoArticleError extends Error {}

/** Elements that never hold the article, and hidden furniture, go; returns the length of the page's text left. */
export function removeNonContent(document: Doc): number {
  removeElements(document, STRIPPED_ELEMENTS.filter((name) => !["nav", "aside", "footer"].includes(name)));
  const pageLength = document.body.textContent?.length ?? 0;
  removeHidden(document, pageLength);
  return pageLength;
}

/** The page's navigation, and containers of its furniture (by their names or labels), go. */
export function removeFurniture(document: Doc, pageLength: number): void {
  removeElements(document, ["nav", "aside", "footer"]);
  for (const element of [...document.body.querySelectorAll("*")]) {
    if (element.isConnected && isBoilerplate(element, pageLength)) element.remove();
  }
}

/** The article's content, as Readability finds it in what is left of the page; and the title it read. */
export function readableArticle(document: Doc): { content: El; title?: string } {
  const readable = new Readability(document as unknown as Document, { charThreshold: 100, keepClasses: false }).parse();
  if (!readable?.content) throw new NoArticleError("has no article text (no block of running text was found)");
  return { content: parseDocument(readable.content).body as unknown as El, title: readable.title ?? undefined };
}

/** A container of the site's furniture, by its class or id words or its label, that holds no large share of the page's text. */
export function isBoilerplate(element: El, pageLength: number): boolean {
  if (["BODY", "HTML", "MAIN", "ARTICLE"].includes(element.tagName)) return false;
  const label = element.getAttribute("title") ?? element.getAttribute("aria-label") ?? "";
  const parts = [...names(element), ...headNames(element)];
  const furniture = (part: string) => BOILERPLATE_NAME_PARTS.has(part) || BOILERPLATE_NAME_PREFIXES.some((prefix) => part.startsWith(prefix));
  const named = parts.some(furniture) && !parts.some((part) => CONTENT_NAME_PARTS.has(part));
  if (!named && !RELATED_START.test(label.trim())) return false;
  // Never the article itself, whatever its class says.
  const length = element.textContent?.length ?? 0;
  return length < pageLength * 0.4 || length < 200;
}

function removeElements(document: Doc, tags: string[]): void {
  for (const element of [...document.querySelectorAll(tags.join(","))]) element.remove();
}

/** Hidden furniture goes; a hidden block holding much of the page is the article a script would reveal. */
function removeHidden(document: Doc, pageLength: number): void {
  for (const element of [...document.querySelectorAll("[hidden], [aria-hidden=true], [style]")]) {
    const hidden = element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true" ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute("style") ?? "");
    if (!hidden) continue;
    if ((element.textContent?.length ?? 0) < pageLength * 0.3) element.remove();
    else for (const name of ["hidden", "aria-hidden", "style"]) element.removeAttribute(name);
  }
}
