/**
 * The Han words of a bundle and their postings, in typed arrays: 10,000 articles of real text have
 * some 25 million (word, page) postings over millions of words, which as objects would be gigabytes
 * and most of the time spent collecting garbage.
 *
 * A word is its kind (./characters.ts PAIR or HANT_PAIR) and one or two code points, found through
 * an open-addressing hash table. Each page's positions are gathered, sorted, and encoded at once as
 * Pagefind 1.5.2 encodes a posting (./postings.ts), into one byte arena, each word's postings
 * linked in page order.
 */
import type { CborWriter } from "./cbor.ts";
import { DEFAULT_WEIGHT } from "./postings.ts";

const TITLE_WEIGHT = 240;
const SHIFT = 2 ** 21;
const PREFIXES = ["zq", "zr"];

class Growable<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(public array: T) {}
  room(more: number, make: (size: number) => T): void {
    if (this.length + more <= this.array.length) return;
    const grown = make(Math.max(this.array.length * 2, this.length + more));
    grown.set(this.array.subarray(0, this.length) as never);
    this.array = grown;
  }
}

export class HanPostings {
  // The hash table: a word's two halves (kind and first code point; second code point + 1, 0 for none) → its id + 1.
  private slots = new Int32Array(1 << 16);
  private slotHi = new Int32Array(1 << 16);
  private slotLo = new Int32Array(1 << 16);
  private words = 0;
  // Per word, by id.
  private hi = new Int32Array(1 << 15);
  private lo = new Int32Array(1 << 15);
  private count = new Int32Array(1 << 15);
  private sizes = new Int32Array(1 << 15);
  private lastPage = new Int32Array(1 << 15);
  private first = new Int32Array(1 << 15);
  private last = new Int32Array(1 << 15);
  // Postings, in the order they were made.
  private offsets = new Growable(new Int32Array(1 << 16));
  private lengths = new Growable(new Int32Array(1 << 16));
  private next = new Growable(new Int32Array(1 << 16));
  private arena = new Growable(new Uint8Array(1 << 20));
  // The page being laid out: (id × 2^21 + position) × 2 + title.
  private page = new Growable(new Float64Array(1 << 12));
  private pageNumber = 0;

  get size(): number {
    return this.words;
  }

  /** A Han word at a position of the current page. */
  at(kind: number, first: number, second: number, position: number, title: boolean): void {
    const id = this.idOf(kind * SHIFT + first, second);
    this.page.room(1, (n) => new Float64Array(n));
    this.page.array[this.page.length++] = (id * SHIFT + position) * 2 + (title ? 1 : 0);
  }

  /** Encodes the current page's postings; the next `at` is on `page`. */
  endPage(nextPage: number): void {
    const items = this.page.array.subarray(0, this.page.length).sort();
    let i = 0;
    while (i < items.length) {
      const id = Math.floor(items[i]! / (2 * SHIFT));
      let j = i;
      while (j < items.length && Math.floor(items[j]! / (2 * SHIFT)) === id) j++;
      this.encode(id, items.subarray(i, j));
      i = j;
    }
    this.page.length = 0;
    this.pageNumber = nextPage;
  }

  /** Every word's id, in Pagefind's order of the words (kind, then code points; a lone character first). */
  sortedIds(): Int32Array {
    const keys = new Float64Array(this.words);
    for (let id = 0; id < this.words; id++) keys[id] = this.hi[id]! * SHIFT + this.lo[id]!;
    keys.sort();
    const ids = new Int32Array(this.words);
    keys.forEach((key, i) => {
      const lo = key % SHIFT;
      ids[i] = this.lookup((key - lo) / SHIFT, lo);
    });
    return ids;
  }

  word(id: number): string {
    const hi = this.hi[id]!;
    const lo = this.lo[id]!;
    const first = hi % SHIFT;
    const kind = (hi - first) / SHIFT;
    return PREFIXES[kind]! + first.toString(36).padStart(4, "0") + (lo === 0 ? "" : (lo - 1).toString(36).padStart(4, "0"));
  }

  /** Positions, weight marks and pages of a word: what Pagefind counts to fill a chunk. */
  sizeOf(id: number): number {
    return this.sizes[id]!;
  }

  /** The word's entry in a chunk: [word, [postings…], []]; `word` is this.word(id), made already. */
  writeEntry(id: number, word: string, writer: CborWriter): void {
    writer.array(3).text(word).array(this.count[id]!);
    const arena = this.arena.array;
    for (let p = this.first[id]!; p >= 0; p = this.next.array[p]!) {
      const offset = this.offsets.array[p]!;
      writer.raw(arena.subarray(offset, offset + this.lengths.array[p]!));
    }
    writer.array(0);
  }

  private encode(id: number, items: Float64Array): void {
    const page = this.pageNumber;
    let titles = 0;
    for (const item of items) titles += item % 2;
    const plain = items.length - titles;
    const marks = (plain > 0 ? 1 : 0) + (titles > 0 ? 1 : 0);
    this.arena.room(16 + items.length * 5, (n) => new Uint8Array(n));
    const start = this.arena.length;
    this.head(4, 3);
    this.head(0, page - this.lastPage[id]!);
    this.head(4, items.length + marks);
    // The default weight first, then the title's, positions as differences within each.
    for (const title of [0, 1]) {
      if ((title ? titles : plain) === 0) continue;
      this.head(1, title ? TITLE_WEIGHT : DEFAULT_WEIGHT);
      let previous = 0;
      for (const item of items) {
        if (item % 2 !== title) continue;
        const position = Math.floor(item / 2) % SHIFT;
        this.head(0, position - previous);
        previous = position;
      }
    }
    this.head(4, 0);

    this.offsets.room(1, (n) => new Int32Array(n));
    this.lengths.room(1, (n) => new Int32Array(n));
    this.next.room(1, (n) => new Int32Array(n));
    const posting = this.offsets.length++;
    this.lengths.length++;
    this.next.length++;
    this.offsets.array[posting] = start;
    this.lengths.array[posting] = this.arena.length - start;
    this.next.array[posting] = -1;
    if (this.count[id] === 0) this.first[id] = posting;
    else this.next.array[this.last[id]!] = posting;
    this.last[id] = posting;
    this.count[id]!++;
    this.sizes[id]! += items.length + marks + 1;
    this.lastPage[id] = page;
  }

  private head(major: number, value: number): void {
    const b = this.arena.array;
    const type = major << 5;
    let at = this.arena.length;
    if (value < 24) b[at++] = type | value;
    else if (value < 0x100) {
      b[at++] = type | 24;
      b[at++] = value;
    } else if (value < 0x10000) {
      b[at++] = type | 25;
      b[at++] = value >> 8;
      b[at++] = value & 0xff;
    } else {
      b[at++] = type | 26;
      b[at++] = (value >>> 24) & 0xff;
      b[at++] = (value >>> 16) & 0xff;
      b[at++] = (value >>> 8) & 0xff;
      b[at++] = value & 0xff;
    }
    this.arena.length = at;
  }

  private hash(hi: number, lo: number): number {
    return (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  }

  /** The word's slot in the hash table: where it is, or the empty one where it would go. */
  private slotOf(hi: number, lo: number): number {
    const mask = this.slots.length - 1;
    let slot = this.hash(hi, lo) & mask;
    while (this.slots[slot] !== 0 && (this.slotHi[slot] !== hi || this.slotLo[slot] !== lo)) slot = (slot + 1) & mask;
    return slot;
  }

  private lookup(hi: number, lo: number): number {
    return this.slots[this.slotOf(hi, lo)]! - 1;
  }

  private idOf(hi: number, lo: number): number {
    const slot = this.slotOf(hi, lo);
    if (this.slots[slot] !== 0) return this.slots[slot]! - 1;
    const id = this.words++;
    this.slots[slot] = id + 1;
    this.slotHi[slot] = hi;
    this.slotLo[slot] = lo;
    if (id >= this.hi.length) this.growWords();
    this.hi[id] = hi;
    this.lo[id] = lo;
    if (this.words * 2 > this.slots.length) this.growTable();
    return id;
  }

  private growWords(): void {
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.hi = grow(this.hi);
    this.lo = grow(this.lo);
    this.count = grow(this.count);
    this.sizes = grow(this.sizes);
    this.lastPage = grow(this.lastPage);
    this.first = grow(this.first);
    this.last = grow(this.last);
  }

  private growTable(): void {
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity);
    this.slotHi = new Int32Array(capacity);
    this.slotLo = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.words; id++) {
      let slot = this.hash(this.hi[id]!, this.lo[id]!) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
      this.slotHi[slot] = this.hi[id]!;
      this.slotLo[slot] = this.lo[id]!;
    }
  }
}
