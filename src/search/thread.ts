/** Worker threads that run this project's TypeScript modules. */
import { Worker } from "node:worker_threads";

/** A thread running `module` with tsx's loader, as this process does, whichever way it was started. */
export function typescriptWorker(module: URL): Worker {
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`,
    { eval: true },
  );
}
