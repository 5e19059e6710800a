/**
 * `comp run --out DIR`: several files written as one result. Each is written to a temporary file
 * in DIR (same file system, so the rename is atomic) and all are renamed only when every one is
 * complete; on any failure — a full disk, a bug halfway through — the temporary files are removed
 * and DIR holds what it held before: never a half-written ledger that payroll might import.
 */
import { closeSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Chunk } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";

/** Exit code of a write failure (a full disk), distinct from 1 = errors in the plan or data. */
export const EXIT_WRITE_FAILED = 4;

export interface OutputFile {
  name: string;
  /** Text, or bytes already encoded as UTF-8 (the CSV writers'): written as they come. */
  chunks: Iterable<Chunk>;
}

/** The file operations used, replaceable in tests to inject a failure. */
export interface FileOps {
  write(fd: number, bytes: Uint8Array): void;
}

const nodeOps: FileOps = {
  write(fd, bytes) {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  },
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "the disk quota is exhausted",
    EACCES: "permission denied",
    EROFS: "the file system is read-only",
    ENOTDIR: "not a directory",
    EEXIST: "a file of that name is in the way",
    EIO: "an input/output error",
  };
  if (code !== undefined) return `${reasons[code] ?? "failed"} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

function prepareDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliFailure(`cannot use \`${dir}\` as the output folder: ${reason(e)}`, 2);
  }
  if (!statSync(dir).isDirectory()) throw new CliFailure(`cannot use \`${dir}\` as the output folder: it is a file`, 2);
}

/** Writes every file into `dir` all or nothing; returns the paths written. */
export function writeFilesAtomically(
  dir: string,
  files: readonly OutputFile[],
  ops: FileOps = nodeOps,
  onBytes?: (file: string, bytes: number) => void,
): string[] {
  prepareDirectory(dir);
  const temps: string[] = [];
  let fd: number | null = null;
  let current = "";
  try {
    for (const file of files) {
      current = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.tmp`);
      fd = openSync(temp, "w");
      temps.push(temp);
      let bytes = 0;
      for (const chunk of file.chunks) {
        const encoded = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        ops.write(fd, encoded);
        bytes += encoded.length;
        onBytes?.(file.name, bytes);
      }
      closeSync(fd);
      fd = null;
    }
    current = "";
    files.forEach((file, k) => renameSync(temps[k] as string, join(dir, file.name)));
  } catch (e) {
    if (fd !== null) closeSync(fd);
    for (const temp of temps) {
      try {
        unlinkSync(temp);
      } catch {
        // already renamed or never created: nothing to clean
      }
    }
    if ((e as NodeJS.ErrnoException | null)?.code === undefined) throw e;
    const what = current === "" ? `the files in \`${dir}\`` : `\`${current}\``;
    throw new CliFailure(`cannot write ${what}: ${reason(e)}; nothing was written to \`${dir}\``, EXIT_WRITE_FAILED);
  }
  return files.map((f) => join(dir, f.name));
}
