// Two real `npm run build` runs in separate processes: the second converts nothing.
import { describe, it } from "node:test";
import { expect } from "expect";
import assert from "node:assert/strict";
import { cpSync, appendFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

function build(contentDir: string, outputDir: string): { converted: number; fromCache: number } {
  const output = execFileSync(
    path.join(PROJECT_ROOT, "node_modules/.bin/tsx"),
    ["src/cli/build.ts", "--content", contentDir, "--output", outputDir],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  const match = /converted (\d+), (\d+) from cache/.exec(output);
  assert.ok(match, output);
  return { converted: Number(match![1]), fromCache: Number(match![2]) };
}

describe("the conversion cache", () => {
  it("converts nothing on a second build with nothing changed, and only what changed after an edit", () => {
    const dir = temporaryDir("archive-cache-");
    const content = path.join(dir, "content");
    cpSync(path.join(PROJECT_ROOT, "test/fixtures/site/content"), content, { recursive: true });
    const output = path.join(dir, "site");

    const first = build(content, output);
    expect(first.converted).toBe(5);
    expect(build(content, output)).toEqual({ converted: 0, fromCache: 5 });

    appendFileSync(path.join(content, "articles/2025/new-year.md"), "\n又添了一段。\n");
    expect(build(content, output)).toEqual({ converted: 1, fromCache: 4 });
  });
});
