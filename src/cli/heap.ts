/**
 * Room for a large build. Eleventy keeps every page it renders until its build ends, so a build's
 * memory grows with the archive (about 10 GB of JavaScript heap for 100,000 articles), and Node's
 * default limit of about 4 GB would stop it with a fatal error. A command that builds calls this
 * first: when Node's limit is below three quarters of the machine's memory, the command runs again
 * in a Node given that limit.
 *
 * It also gives the young generation more room (64 MB semi-spaces, against Node's 16): a build makes
 * short-lived strings by the gigabyte, and with Node's default they were collected so often, and so
 * many promoted, that a rebuild of 100,000 articles took 88–100 s instead of 77.
 */
import { spawnSync } from "node:child_process";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

const RELAUNCHED = "ZH_ARCHIVE_HEAP_LIMIT_SET";
const MB = 2 ** 20;
const SEMI_SPACE_MB = 64;

/** Returns when this process has the room; otherwise runs the same command with it and exits with its status. */
export function ensureHeapRoom(): void {
  if (process.env[RELAUNCHED]) return;
  const wantedMB = Math.floor((totalmem() / MB) * 0.75);
  // Limits the user chose (in NODE_OPTIONS or Node's arguments) are kept.
  const given = `${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`;
  const flags: string[] = [];
  if (!/--max-old-space-size/.test(given) && getHeapStatistics().heap_size_limit / MB < wantedMB) flags.push(`--max-old-space-size=${wantedMB}`);
  if (!/--max-semi-space-size/.test(given)) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  if (flags.length === 0) return;
  const run = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [RELAUNCHED]: "1" },
  });
  process.exit(run.status ?? 1);
}
