/** Table-driven tests on node:test: one test per row, named with util.format (%s, %j, %i). */
import { it } from "node:test";
import { format } from "node:util";

export function itEach<T>(rows: readonly T[]) {
  return (name: string, test: (...args: any[]) => void | Promise<void>) => {
    for (const row of rows) {
      const args = Array.isArray(row) ? row : [row];
      it(format(name, ...args), async () => test(...args));
    }
  };
}
