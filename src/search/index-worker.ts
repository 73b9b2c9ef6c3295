/** The search index made in a thread of its own (./index.ts startSearchIndex), while the build writes the pages. */
import { parentPort } from "node:worker_threads";
import { buildSearchIndex, type SearchIndexOptions } from "./index.ts";

parentPort!.once("message", async (options: SearchIndexOptions) => {
  try {
    parentPort!.postMessage({ result: await buildSearchIndex(options) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
