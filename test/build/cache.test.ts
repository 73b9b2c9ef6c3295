// Real `npm run build` runs in separate processes: the second reads and renders no article again.
import { describe, it } from "node:test";
import { expect } from "expect";
import assert from "node:assert/strict";
import { cpSync, appendFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

function build(contentDir: string, outputDir: string): { made: number; reused: number } {
  const output = execFileSync(
    path.join(PROJECT_ROOT, "node_modules/.bin/tsx"),
    ["src/cli/build.ts", "--content", contentDir, "--output", outputDir],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  const match = /read and rendered (\d+), (\d+) unchanged from the cache/.exec(output);
  assert.ok(match, output);
  return { made: Number(match![1]), reused: Number(match![2]) };
}

describe("the article cache", () => {
  it("renders no article on a second build with nothing changed, and only the edited one after an edit", () => {
    const dir = temporaryDir("archive-cache-");
    const content = path.join(dir, "content");
    cpSync(path.join(PROJECT_ROOT, "test/fixtures/site/content"), content, { recursive: true });
    const output = path.join(dir, "site");

    const first = build(content, output);
    // Six files, the draft among them (a build leaves it out, but it is read and checked).
    expect(first.made).toBe(6);
    expect(build(content, output)).toEqual({ made: 0, reused: 6 });

    appendFileSync(path.join(content, "articles/2025/new-year.md"), "\n又添了一段。\n");
    expect(build(content, output)).toEqual({ made: 1, reused: 5 });
  });
});
