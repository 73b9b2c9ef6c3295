/**
 * Room for a large build. Eleventy keeps every page it renders until its build ends, so a build's
 * memory grows with the archive (about 10 GB of JavaScript heap for 100,000 articles), and Node's
 * default limit of about 4 GB would stop it with a fatal error. A command that builds calls this
 * first: when Node's limit is below three quarters of the machine's memory, the command runs again
 * in a Node given that limit.
 */
import { spawnSync } from "node:child_process";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

const RELAUNCHED = "ZH_ARCHIVE_HEAP_LIMIT_SET";
const MB = 2 ** 20;

/** Returns when this process has the room; otherwise runs the same command with it and exits with its status. */
export function ensureHeapRoom(): void {
  const wantedMB = Math.floor((totalmem() / MB) * 0.75);
  // A limit the user chose (--max-old-space-size in NODE_OPTIONS) is kept, as is one already set here.
  const chosen = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`);
  if (chosen || process.env[RELAUNCHED] || getHeapStatistics().heap_size_limit / MB >= wantedMB) return;
  const run = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${wantedMB}`, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [RELAUNCHED]: "1" },
  });
  process.exit(run.status ?? 1);
}
