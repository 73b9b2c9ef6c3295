/**
 * A word's postings as Pagefind 1.5.2's index chunks hold them, encoded as they are added: for each
 * page (in order), [page − previous page, [−(weight + 1), position, position − previous, …,
 * −(next weight + 1), position, …], []]. Kept as CBOR bytes, about four a posting, because an index
 * of 10,000 articles has tens of millions of them.
 */

export class PostingList {
  count = 0;
  /** Positions and weight marks, plus one per page: what Pagefind counts to fill a chunk. */
  size = 0;
  private bytes = new Uint8Array(16);
  private length = 0;
  private lastPage = 0;

  /** One page's positions: `weights[i]` is the weight of `positions[i]`; positions ascending within a weight. */
  add(page: number, positions: readonly number[], weights: readonly number[]): void {
    const groups = groupByWeight(positions, weights);
    let items = 0;
    for (const group of groups) items += group.positions.length + 1;
    this.room(16 + items * 5);
    this.head(4, 3);
    this.uint(page - this.lastPage);
    this.lastPage = page;
    this.head(4, items);
    for (const group of groups) {
      this.head(1, group.weight); // −(weight + 1) in CBOR's negative form
      let previous = 0;
      for (const position of group.positions) {
        this.uint(position - previous);
        previous = position;
      }
    }
    this.head(4, 0);
    this.count++;
    this.size += items + 1;
  }

  encoded(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private uint(value: number): void {
    this.head(0, value);
  }

  private head(major: number, value: number): void {
    const b = this.bytes;
    const type = major << 5;
    if (value < 24) b[this.length++] = type | value;
    else if (value < 0x100) {
      b[this.length++] = type | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = type | 25;
      b[this.length++] = value >> 8;
      b[this.length++] = value & 0xff;
    } else {
      b[this.length++] = type | 26;
      b[this.length++] = (value >>> 24) & 0xff;
      b[this.length++] = (value >>> 16) & 0xff;
      b[this.length++] = (value >>> 8) & 0xff;
      b[this.length++] = value & 0xff;
    }
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + bytes));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
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
