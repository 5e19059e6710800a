/**
 * cli/textChunks.ts: ASCII chunks are copied as Latin-1 and the rest decoded as UTF-8; the text
 * must be the file's UTF-8 text (less a leading byte order mark) however the two mix.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliFailure } from "../../cli/io.ts";
import { textChunks } from "../../cli/textChunks.ts";

const dir = mkdtempSync(join(tmpdir(), "comp-chunks-"));
/** The reader's chunk size (1 MiB). */
const CHUNK = 1 << 20;

function readBack(name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return [...textChunks(file, "data file")].join("");
}

/** `count` ASCII bytes of JSON Lines-like text. */
function ascii(count: number): string {
  const line = '{"type":"partner","id":"P1","sponsor":null,"joined":"2026-01-01"}\n';
  return line.repeat(Math.ceil(count / line.length)).slice(0, count);
}

describe("textChunks", () => {
  it("reads ASCII, then a character split across the chunk boundary, then more text", () => {
    const text = ascii(CHUNK - 1) + "é€😀 after";
    expect(readBack("split.jsonl", Buffer.from(text, "utf8"))).toBe(text);
  });

  it("keeps a U+FEFF that starts a later chunk, and drops the byte order mark at the start only", () => {
    const text = ascii(CHUNK) + "\uFEFFP1" + ascii(100);
    expect(readBack("inner-feff.jsonl", Buffer.from(text, "utf8"))).toBe(text);
    expect(readBack("bom.jsonl", Buffer.from("\uFEFF" + text, "utf8"))).toBe(text);
    expect(readBack("bom-ascii.jsonl", Buffer.from("\uFEFF" + ascii(300), "utf8"))).toBe(ascii(300));
    expect(readBack("bom-only.jsonl", Buffer.from("\uFEFF", "utf8"))).toBe("");
  });

  it("reads non-ASCII text in the first chunk and ASCII after it", () => {
    const text = "é" + ascii(3 * CHUNK);
    expect(readBack("first.jsonl", Buffer.from(text, "utf8"))).toBe(text);
  });

  it("names invalid UTF-8 after ASCII chunks, and a truncated character at the end", () => {
    const bad = Buffer.concat([Buffer.from(ascii(CHUNK + 10)), Buffer.from([0xff, 0x41])]);
    expect(() => readBack("bad.jsonl", bad)).toThrow(CliFailure);
    expect(() => readBack("bad.jsonl", bad)).toThrow(/not UTF-8 text \(an invalid byte sequence within bytes 1048576–/);
    const truncated = Buffer.concat([Buffer.from(ascii(20)), Buffer.from([0xc3])]);
    expect(() => readBack("truncated.jsonl", truncated)).toThrow(/not UTF-8 text/);
  });
});
