/** A command's options, read with Node's parseArgs: a wrong option is one line and the usage, not a stack trace. */
import { parseArgs, type ParseArgsConfig } from "node:util";

export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
