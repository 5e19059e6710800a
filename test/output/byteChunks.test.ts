/**
 * The CSV writers' bytes (runtime/output/byteChunks.ts) must be those of Buffer.from(text, "utf8")
 * for every string, lone surrogates included, and a ledger amount written digit by digit
 * (writeFixed) must be fixedText's text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeFixed } from "../../runtime/compiled/ledgerRows.ts";
import { fixedText } from "../../runtime/compiled/scaled.ts";
import { ByteChunks } from "../../runtime/output/byteChunks.ts";

function bytesOf(write: (out: ByteChunks) => void, size?: number): Buffer {
  const out = new ByteChunks(size);
  const chunks: Uint8Array[] = [];
  write(out);
  chunks.push(out.take());
  return Buffer.concat(chunks);
}

const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("ByteChunks", () => {
  it("writes text as Buffer.from writes UTF-8", () => {
    for (const text of ["", "P1,2026-07#1", "Müller", "€ 中", "😀", "a\ud800", "\ud800b", "\udc00", "\ud800\ud800\udc00", "\udbff\udfff", "\u007f\u0080\u07ff\u0800\uffff"]) {
      expect(bytesOf((out) => out.text(text)), JSON.stringify(text)).toEqual(utf8(text));
    }
  });

  it("writes any string of UTF-16 code units as Buffer.from does", () => {
    const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 40 });
    fc.assert(
      fc.property(units, (codes) => {
        const text = String.fromCharCode(...codes);
        expect(bytesOf((out) => out.text(text))).toEqual(utf8(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("grows past the chunk size for a long text and keeps what it held", () => {
    const long = "ä".repeat(10_000) + "x";
    expect(bytesOf((out) => {
      out.text("head,");
      out.text(long);
      out.ascii(13);
    }, 64)).toEqual(utf8("head," + long + "\r"));
  });

  it("writes integers digit by digit, zero-padded to a width, and anything else as String does", () => {
    for (const [value, width, text] of [[0, 0, "0"], [7, 0, "7"], [10, 0, "10"], [1234567890123, 0, "1234567890123"], [5, 3, "005"], [123, 2, "123"], [0, 2, "00"], [Number.MAX_SAFE_INTEGER, 0, String(Number.MAX_SAFE_INTEGER)]] as const) {
      expect(bytesOf((out) => out.uint(value, width)).toString("latin1")).toBe(text);
    }
    for (const value of [-1, 1.5, 2 ** 60, NaN]) expect(bytesOf((out) => out.uint(value)).toString("latin1")).toBe(String(value));
  });

  it("hands over each chunk: later writes never change a chunk taken", () => {
    const out = new ByteChunks(8);
    out.text("12345678");
    expect(out.full).toBe(true);
    const first = out.take();
    out.text("abcdefgh");
    expect(Buffer.from(first).toString()).toBe("12345678");
    expect(out.length).toBe(8);
  });
});

describe("writeFixed", () => {
  it("writes fixedText's text for any safe integer, scale and places (fewer places than the scale: fixedText itself)", () => {
    const cases: [number, number, number][] = [[0, 2, 2], [-0, 2, 2], [5, 2, 2], [-5, 2, 2], [-5, 3, 2], [-5, 3, 0], [123456, 2, 2], [123456, 4, 2], [7, 0, 2], [-1999, 3, 1], [2 ** 31 - 1, 2, 2], [-(2 ** 31), 2, 2], [Number.MAX_SAFE_INTEGER, 6, 3]];
    for (const [n, scale, places] of cases) {
      expect(bytesOf((out) => writeFixed(out, n, scale, places)).toString("latin1"), `${n} ${scale} ${places}`).toBe(fixedText(n, scale, places));
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (n, scale, places) => {
        expect(bytesOf((out) => writeFixed(out, n, scale, places)).toString("latin1")).toBe(fixedText(n, scale, places));
      }),
      { numRuns: 3000 },
    );
  });
});
