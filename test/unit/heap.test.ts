// A build's room (src/cli/heap.ts): the command runs again with a heap limit of three quarters of
// the machine's memory when Node's own is lower, with its arguments and exit status.
import { describe, it } from "node:test";
import { expect } from "expect";
import { spawnSync } from "node:child_process";
import { totalmem } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = path.join(ROOT, "test/fixtures/cli/heap-room.ts");

function run(nodeOptions: string): { status: number | null; limitMB: number; semiSpaceMB: number | null; args: string[] } {
  const result = spawnSync(TSX, [SCRIPT, "--content", "某个 folder"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  const lines = result.stdout.trim().split("\n");
  // One line: the command ran once more, with the room, and not again from there.
  expect(lines).toHaveLength(1);
  return { status: result.status, ...JSON.parse(lines[0]!) };
}

describe("the heap room of a build", () => {
  it("gives the command three quarters of the machine's memory, or keeps Node's limit when that is more", () => {
    const wantedMB = Math.floor((totalmem() / 2 ** 20) * 0.75);
    const ran = run("");
    expect(ran.args).toEqual(["--content", "某个 folder"]);
    expect(ran.status).toBe(3);
    expect(ran.limitMB).toBeGreaterThanOrEqual(wantedMB);
    // Node's limit counts the young generation too: three semi-spaces of 64 MB.
    expect(ran.limitMB).toBeLessThan(Math.max(wantedMB, 4200) + 3 * 64 + 100);
  });

  it("keeps a limit the user chose", () => {
    const ran = run("--max-old-space-size=3000");
    expect(ran.limitMB).toBeLessThan(3000 + 3 * 64 + 100);
    expect(ran.status).toBe(3);
  });

  it("gives the young generation 64 MB semi-spaces", () => {
    expect(run("").semiSpaceMB).toBe(64);
  });

  it("keeps a young generation size the user chose", () => {
    const ran = run("--max-semi-space-size=8");
    expect(ran.semiSpaceMB).toBe(8);
    expect(ran.status).toBe(3);
  });
});
