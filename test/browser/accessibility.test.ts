// Every kind of page of the sample site, checked by axe-core in Chromium: in both scripts, at a
// desktop's and a phone's size, in light and dark colours. A violation names its rule, page and elements.
import { after as afterAll, before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildInto, PROJECT_ROOT } from "../helpers.ts";
import { browserSkipReason, launchBrowser, serveSite, type SiteServer } from "./browser.ts";

const CONTENT = path.join(PROJECT_ROOT, "content");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const skip = browserSkipReason();

// Each kind of page, in the script `p`: the article pages have headings, code and a table, or a figure.
const KINDS: [string, (p: string) => string, ((page: Page) => Promise<void>)?][] = [
  ["home", (p) => `${p}/`],
  ["article with headings, code and a table", (p) => `${p}/articles/kaiyuan-ruanjian-shinian/`],
  ["article with a figure", (p) => `${p}/articles/manche-qu-yuanfang/`],
  ["tag index", (p) => `${p}/tags/`],
  ["tag page", (p) => `${p}/tags/ruan-jian/`],
  ["date index", (p) => `${p}/archive/`],
  ["year", (p) => `${p}/2024/`],
  ["month", (p) => `${p}/2024/06/`],
  ["search with results", (p) => `${p}/search/?q=${encodeURIComponent("软件")}`, waitForSearch],
  ["search with none", (p) => `${p}/search/?q=${encodeURIComponent("外星人")}`, waitForSearch],
  ["404", (p) => `${p}/no-such-page/`],
];
const VIEWS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 360, height: 740 } },
] as const;
const SCHEMES = ["light", "dark"] as const;

async function waitForSearch(page: Page): Promise<void> {
  await page.locator('#search[aria-busy="false"]').waitFor();
}

interface Violation { id: string; impact: string; nodes: { target: string[] }[] }

let out: string;
let server: SiteServer;
let browser: Browser;

describe("accessibility of every kind of page (axe-core)", { skip }, () => {
  beforeAll(async () => {
    out = await buildInto(CONTENT);
    server = await serveSite(out, "/");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const view of VIEWS) {
    for (const colorScheme of SCHEMES) {
      it(`reports no violation on any kind of page, in both scripts, on a ${view.name} in ${colorScheme} colours`, async () => {
        const context = await browser.newContext({ viewport: view.viewport, colorScheme, locale: "zh-CN" });
        const found: string[] = [];
        try {
          const page = await context.newPage();
          for (const prefix of ["zh-hans", "zh-hant"]) {
            for (const [kind, url, ready] of KINDS) {
              await page.goto(`${server.url}${url(prefix).replace(/^\//, "")}`);
              await ready?.(page);
              await page.addScriptTag({ content: AXE });
              const violations = await page.evaluate(async () => {
                const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
                return (await axe.run(document, { resultTypes: ["violations"] })).violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((node) => ({ target: node.target })) }));
              });
              for (const violation of violations) {
                found.push(`${prefix} ${kind}: ${violation.id} (${violation.impact}) at ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
              }
            }
          }
        } finally {
          await context.close();
        }
        expect(found).toEqual([]);
      });
    }
  }
});
