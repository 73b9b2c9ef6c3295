/**
 * A word's postings as Pagefind 1.5.2's index chunks hold them, encoded as they are added: for each
 * page (in order), [page − previous page, [−(weight + 1), position, position − previous, …,
 * −(next weight + 1), position, …], []]. For the words of other scripts, which Pagefind read
 * (the Han words, millions of them, are kept in ./han-postings.ts).
 */
import { CborWriter } from "./cbor.ts";

export class PostingList {
  count = 0;
  /** Positions and weight marks, plus one per page: what Pagefind counts to fill a chunk. */
  size = 0;
  private readonly writer = new CborWriter(16);
  private lastPage = 0;

  /** One page's positions: `weights[i]` is the weight of `positions[i]`; positions ascending within a weight. */
  add(page: number, positions: readonly number[], weights: readonly number[]): void {
    const groups = groupByWeight(positions, weights);
    let items = 0;
    for (const group of groups) items += group.positions.length + 1;
    this.writer.array(3).int(page - this.lastPage).array(items);
    this.lastPage = page;
    for (const group of groups) {
      this.writer.int(-group.weight - 1);
      let previous = 0;
      for (const position of group.positions) {
        this.writer.int(position - previous);
        previous = position;
      }
    }
    this.writer.array(0);
    this.count++;
    this.size += items + 1;
  }

  encoded(): Uint8Array {
    return this.writer.bytes();
  }
}

/** The default weight first, then the others from the lightest, as Pagefind orders them. */
function groupByWeight(positions: readonly number[], weights: readonly number[]): { weight: number; positions: readonly number[] }[] {
  // Nearly every posting has one weight, its positions already in order.
  if (weights.every((weight) => weight === weights[0])) return [{ weight: weights[0]!, positions }];
  const groups = new Map<number, number[]>();
  positions.forEach((position, i) => {
    const weight = weights[i]!;
    const list = groups.get(weight);
    if (list) list.push(position);
    else groups.set(weight, [position]);
  });
  return [...groups]
    .sort(([a], [b]) => (a === DEFAULT_WEIGHT ? -1 : b === DEFAULT_WEIGHT ? 1 : a - b))
    .map(([weight, list]) => ({ weight, positions: list.sort((a, b) => a - b) }));
}

/** Pagefind's weight of ordinary text; a heading of data-pagefind-weight="10" is 240. */
export const DEFAULT_WEIGHT = 24;
