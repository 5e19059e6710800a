/**
 * A text file read in chunks, never as one string (Node caps a string at 512 MB; a 1M-partner
 * data file is about 800 MB). UTF-8 only: a byte order mark is dropped, a UTF-16 file (a BOM
 * FF FE / FE FF, or NUL bytes in its first kilobytes, as Windows tools write it) gets a message
 * that says so instead of a parse error full of NULs, and invalid UTF-8 is named as such.
 */
import { isAscii } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CliFailure } from "./io.ts";

const CHUNK_BYTES = 1 << 20;

function openOrFail(file: string, what: string): number {
  try {
    const fd = openSync(file, "r");
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    }
    return fd;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(code ?? e);
    throw new CliFailure(`cannot read ${what} \`${file}\`: ${why}`, 2);
  }
}

/** The UTF-8 byte order mark, which the decoder would drop. */
function hasBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function looksLikeUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  return bytes.subarray(0, 4096).includes(0);
}

/** The file's size in bytes and its text, chunk by chunk; `onBytes` hears how far reading got. */
export function* textChunks(file: string, what: string, onBytes?: (read: number, size: number) => void): Generator<string> {
  const fd = openOrFail(file, what);
  try {
    const size = fstatSync(fd).size;
    // The byte order mark is dropped below, at the start only: the decoder leaves any other alone.
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let read = 0;
    // While every chunk so far was ASCII the decoder holds no partial character, so an ASCII
    // chunk can be copied as Latin-1, which is the same text: about 4× cheaper than decoding
    // (a 630 MB file: 0.26 s against 0.8–1.1 s CPU).
    let allAscii = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0 && n > 0 && looksLikeUtf16(buffer.subarray(0, n))) {
        throw new CliFailure(`${file}: the file is UTF-16 text (or holds NUL bytes); comp reads UTF-8: save it as UTF-8`, 1);
      }
      const bytes = read === 0 && hasBom(buffer.subarray(0, n)) ? buffer.subarray(3, n) : buffer.subarray(0, n);
      allAscii = allAscii && bytes.length > 0 && isAscii(bytes);
      let text: string;
      try {
        text = allAscii ? bytes.toString("latin1") : decoder.decode(bytes, { stream: n > 0 });
      } catch {
        throw new CliFailure(`${file}: not UTF-8 text (an invalid byte sequence within bytes ${read}–${read + n}); save it as UTF-8`, 1);
      }
      read += n;
      onBytes?.(read, size);
      if (text !== "") yield text;
      if (n === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
