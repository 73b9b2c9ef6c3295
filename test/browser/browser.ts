/**
 * Real-browser tests: Debian's Chromium driven by playwright-core, against a built site served on
 * localhost by Node's own http server. Without Chromium the tests are skipped with a plain message,
 * except under CI=true, where a browser test that cannot start fails.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Why the browser tests cannot run here, or false when they can. Under CI=true they must run. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === "true") return false; // launching then fails, and the test with it
  const reason = `browser tests skipped: Chromium is not installed at ${CHROMIUM} (install it with: sudo apt-get install chromium fonts-noto-cjk)`;
  console.log(reason);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  } catch (error) {
    throw new Error(`Chromium could not start from ${CHROMIUM} (install it with: sudo apt-get install chromium): ${(error as Error).message.split("\n")[0]}`);
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface SiteServer {
  /** http://localhost:<port> followed by the site's base path, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site at its base path ("/wenji/") as a static host would. */
export async function serveSite(outputDir: string, basePath: string): Promise<SiteServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = pathname.startsWith(basePath) ? path.join(outputDir, pathname.slice(basePath.length)) : "";
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file || !file.startsWith(outputDir) || !existsSync(file)) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end(existsSync(path.join(outputDir, "404.html")) ? readFileSync(path.join(outputDir, "404.html")) : "not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${basePath}`,
    // close() waits for every connection to end, and a browser may keep one open (a request of a
    // page closed meanwhile): end them, or the test waits forever.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What went wrong in pages while a test used them: console errors, uncaught errors, requests that left localhost. */
export class PageWatch {
  readonly problems: string[] = [];

  watch(context: BrowserContext): void {
    context.on("page", (page) => this.watchPage(page));
    context.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol !== "data:" && url.hostname !== "localhost") this.problems.push(`request to ${request.url()}`);
    });
  }

  watchPage(page: Page): void {
    page.on("console", (message) => {
      if (message.type() === "error") this.problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  }
}
