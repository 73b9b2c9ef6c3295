/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: arrays of known length, text,
 * and integers, each in its shortest form, as Pagefind's own encoder (minicbor) writes them.
 * Written by hand because the index has millions of small integers, which a general encoder
 * spends most of its time on.
 */

export class CborWriter {
  private buffer: Buffer;
  private length = 0;

  /** `initial`: bytes to start with (it grows); a word's postings start small. */
  constructor(initial = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initial);
  }

  get size(): number {
    return this.length;
  }

  array(count: number): this {
    return this.head(4, count);
  }

  text(value: string): this {
    const bytes = Buffer.byteLength(value);
    this.head(3, bytes);
    this.room(bytes);
    this.buffer.write(value, this.length, "utf8");
    this.length += bytes;
    return this;
  }

  int(value: number): this {
    return value < 0 ? this.head(1, -1 - value) : this.head(0, value);
  }

  /** Bytes another writer made, as they are. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private head(major: number, value: number): this {
    this.room(9);
    const type = major << 5;
    const b = this.buffer;
    if (value < 24) b[this.length++] = type | value;
    else if (value < 0x100) {
      b[this.length++] = type | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = type | 25;
      b.writeUInt16BE(value, this.length);
      this.length += 2;
    } else if (value < 0x100000000) {
      b[this.length++] = type | 26;
      b.writeUInt32BE(value, this.length);
      this.length += 4;
    } else {
      b[this.length++] = type | 27;
      b.writeBigUInt64BE(BigInt(value), this.length);
      this.length += 8;
    }
    return this;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
