/**
 * `npm run bench -- --lighthouse`: the sample site built, served on localhost, and each kind of page
 * audited by Lighthouse in Debian's Chromium, as a phone and as a desktop; prints the four scores
 * of each (performance, accessibility, best practices, SEO). Figures to read, not a gate.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../build.ts";
import { serveSite } from "./static-site.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

// Each kind of page of the sample site (content/).
const PAGES: [string, string][] = [
  ["home", "zh-hans/"],
  ["tag page", "zh-hans/tags/ruan-jian/"],
  ["zh-Hant article", "zh-hant/articles/kaiyuan-ruanjian-shinian/"],
  ["zh-Hans article with headings", "zh-hans/articles/kaiyuan-ruanjian-shinian/"],
  ["search page with results", `zh-hans/search/?q=${encodeURIComponent("软件")}`],
];

export async function benchmarkLighthouse(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Lighthouse needs Chromium at ${CHROMIUM} (sudo apt-get install chromium fonts-noto-cjk)`);
  // Loaded here: the other benchmarks do without them.
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const dir = mkdtempSync(path.join(tmpdir(), "archive-bench-lighthouse-"));
  const site = path.join(dir, "site");
  await buildSite({ contentDir: path.join(ROOT, "content"), outputDir: site, cacheDir: path.join(dir, "cache") });
  const server = await serveSite(site, "/");
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    console.log("\n== Lighthouse on the sample site (scores out of 100: performance, accessibility, best practices, SEO)");
    for (const [device, config] of [["phone", undefined], ["desktop", desktopConfig]] as const) {
      for (const [kind, page] of PAGES) {
        const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: [...CATEGORIES] }, config);
        const scores = CATEGORIES.map((category) => Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
        console.log(`${device.padEnd(8)} ${kind.padEnd(30)} ${scores.map((score) => String(score).padStart(4)).join("")}`);
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
