// The deployment files beside the code: the GitHub Pages workflow, Netlify's settings and the cache
// rules both Netlify and Cloudflare Pages read, against what the README tells a user.
import { describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { loadSettings } from "../../src/settings.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
const README = read("README.md");
const deploying = README.slice(README.indexOf("## Deploying"), README.indexOf("## What is made"));

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[]; needs?: string }> }

describe("the GitHub Pages workflow", () => {
  const workflow = yaml.load(read(".github/workflows/pages.yml")) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it("parses as YAML, runs on a push to main, and may publish to Pages", () => {
    expect(Object.keys(workflow.on)).toContain("push");
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });
  it("builds with the command the README gives", () => {
    const build = steps.find((step) => step.run)!;
    expect(build.run).toBe("npm ci && npm run build");
    expect(deploying).toContain(`\`${build.run}\``);
  });
  it("takes the site's address, with the repository's name as its sub-path, from the Pages settings", () => {
    const build = steps.find((step) => step.run)!;
    expect(steps.some((step) => step.uses?.startsWith("actions/configure-pages@"))).toBe(true);
    expect(build.env?.SITE_URL).toMatch(/steps\.pages\.outputs\.base_url/);
  });
  it("publishes _site/ with the official Pages actions", () => {
    const upload = steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"))!;
    expect(upload.with?.path).toBe("_site");
    expect(steps.some((step) => step.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});

describe("the settings of other hosts", () => {
  it("gives Netlify the README's build command and the _site folder", () => {
    const netlify = read("netlify.toml");
    expect(netlify).toContain('command = "npm ci && npm run build"');
    expect(netlify).toContain('publish = "_site"');
  });
  it("names Cloudflare Pages' build command and output folder in the README", () => {
    expect(deploying).toMatch(/Cloudflare Pages\*\*: build command `npm ci && npm run build`, output directory `_site`/);
  });
  it("caches only the search index's files named by their content, each by one rule", () => {
    const rules = read("public/_headers").split("\n").filter((line) => line.startsWith("/"));
    expect(rules.filter((rule) => rule.startsWith("/pagefind/"))).toEqual(["/pagefind/:bundle/index/*", "/pagefind/:bundle/fragment/*", "/pagefind/:bundle/filter/*"]);
  });
});

describe("the site's address from the environment", () => {
  it("is SITE_URL, when set, instead of site.json's url", () => {
    const settings = loadSettings(path.join(PROJECT_ROOT, "content"), { SITE_URL: "https://owner.github.io/archive" });
    expect(settings.url).toBe("https://owner.github.io/archive/");
  });
  it("is refused with the variable named when SITE_URL is no address", () => {
    expect(() => loadSettings(path.join(PROJECT_ROOT, "content"), { SITE_URL: "owner.github.io" })).toThrow(/SITE_URL/);
  });
});
