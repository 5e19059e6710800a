/**
 * Text written straight into UTF-8 bytes, chunk by chunk: what the CSV writers hand to their sink.
 *
 * Why not strings: a chunk of text built by `+=` is a rope of ~25 pieces per row, and turning it
 * into bytes (`Buffer.from`) flattened the rope first — half of ledger.csv's CPU at 1M partners
 * (docs/PERFORMANCE.md, "End to end"). Here each piece is copied into the chunk's bytes as it
 * comes, ASCII one byte per character, so no rope is ever built.
 *
 * The bytes are exactly those of `Buffer.from(text, "utf8")` (and TextEncoder): a surrogate pair is
 * one 4-byte character, a lone surrogate becomes U+FFFD (EF BF BD). test/output/byteChunks.test.ts
 * holds them equal on every kind of character.
 *
 * A chunk taken belongs to the taker: the next one is written into new memory, so a consumer may
 * keep a chunk (a stream's queue, a test collecting them) while the writer goes on.
 */
import type { CsvBytes } from "../../core/resultView.ts";
import { CHUNK_SIZE } from "./sink.ts";

export class ByteChunks implements CsvBytes {
  private bytes: Uint8Array;
  private at = 0;

  /** `size`: bytes per chunk (about: a chunk is taken once it holds at least that many). */
  constructor(private readonly size: number = CHUNK_SIZE) {
    // Room for the longest ordinary row past `size`, so that growing is rare.
    this.bytes = new Uint8Array(size + 4096);
  }

  /** Appends `text` as UTF-8. */
  text(text: string): void {
    const n = text.length;
    // At most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
    if (this.at + 3 * n > this.bytes.length) this.grow(3 * n);
    const bytes = this.bytes;
    let at = this.at;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x80) {
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && k + 1 < n && isLowSurrogate(text.charCodeAt(k + 1))) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++k) - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
      } else {
        // A lone surrogate has no UTF-8 form: U+FFFD, as Buffer.from and TextEncoder write it.
        const unit = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      }
    }
    this.at = at;
  }

  /** Appends one ASCII character by its code (a comma, CR, LF). */
  ascii(code: number): void {
    if (this.at >= this.bytes.length) this.grow(1);
    this.bytes[this.at++] = code;
  }

  /**
   * Appends a non-negative safe integer in decimal without making its text, with leading zeros
   * up to `width` digits (0: none). Anything else is written as String(value) would.
   */
  uint(value: number, width = 0): void {
    if (!(value >= 0 && Number.isSafeInteger(value))) {
      this.text(String(value));
      return;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest - (rest % 10)) / 10) digits++;
    if (digits < width) digits = width;
    if (this.at + digits > this.bytes.length) this.grow(digits);
    const bytes = this.bytes;
    const end = this.at + digits;
    let at = end;
    let rest = value;
    while (at > this.at) {
      const digit = rest % 10;
      bytes[--at] = 48 + digit;
      rest = (rest - digit) / 10;
    }
    this.at = end;
  }

  /** Whether the chunk holds `size` bytes or more: time to take it. */
  get full(): boolean {
    return this.at >= this.size;
  }

  get length(): number {
    return this.at;
  }

  /** The bytes written since the last take; the next ones go into new memory. */
  take(): Uint8Array {
    const chunk = this.bytes.subarray(0, this.at);
    this.bytes = new Uint8Array(this.size + 4096);
    this.at = 0;
    return chunk;
  }

  private grow(needed: number): void {
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + needed + 4096));
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
