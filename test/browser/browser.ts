/**
 * Real-browser tests: Debian's Chromium driven by playwright-core, against a built site served on
 * localhost by Node's own http server. Without Chromium the tests are skipped with a plain message,
 * except under CI=true, where a browser test that cannot start fails.
 */
import { existsSync } from "node:fs";
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

export { serveSite, type SiteServer } from "../../src/bench/static-site.ts";

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
