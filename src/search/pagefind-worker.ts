/**
 * Pagefind's reading of the text (./pagefind-text.ts) in a thread of its own: while Pagefind reads
 * one batch of articles, the build lays out the one before (./bundle.ts), so both cores work.
 */
import { parentPort } from "node:worker_threads";
import { closePagefind, pagefindText } from "./pagefind-text.ts";
import type { IndexedText } from "./records.ts";

parentPort!.on("message", async (message: { id: number; texts?: IndexedText[]; close?: boolean }) => {
  if (message.close) {
    await closePagefind();
    parentPort!.postMessage({ id: message.id, closed: true });
    return;
  }
  try {
    parentPort!.postMessage({ id: message.id, text: await pagefindText(message.texts!) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
