/**
 * cli/outDir.ts for chunks that arrive asynchronously (read from a database): every file goes to
 * a temporary file in the folder and all are renamed only when every one is complete; on any
 * failure the temporary files are removed and the folder holds what it held before. Writes wait
 * for the file (one chunk in flight), so memory does not grow with the output.
 */
import { mkdirSync, statSync } from "node:fs";
import { open, rename, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";
import { EXIT_WRITE_FAILED } from "./outDir.ts";

export interface AsyncOutputFile {
  name: string;
  /** Text, or bytes already encoded as UTF-8 (the CSV writers'). */
  chunks: AsyncIterable<Chunk>;
}

/** The whole chunk: a write to a file may take fewer bytes than asked. */
async function writeChunk(handle: FileHandle, chunk: Chunk): Promise<void> {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  let done = 0;
  while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EACCES: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "not a directory",
  EIO: "an input/output error",
};

export async function writeFilesAtomicallyAsync(dir: string, files: readonly AsyncOutputFile[]): Promise<string[]> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new CliFailure(`cannot use \`${dir}\` as the output folder: ${REASONS[code] ?? code}`, 2);
  }
  if (!statSync(dir).isDirectory()) throw new CliFailure(`cannot use \`${dir}\` as the output folder: it is a file`, 2);
  const temps: string[] = [];
  let handle: FileHandle | null = null;
  let current = "";
  try {
    for (const file of files) {
      current = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.tmp`);
      handle = await open(temp, "w");
      temps.push(temp);
      for await (const chunk of file.chunks) await writeChunk(handle, chunk);
      await handle.close();
      handle = null;
    }
    for (const [k, file] of files.entries()) await rename(temps[k]!, join(dir, file.name));
  } catch (e) {
    await handle?.close().catch(() => {});
    for (const temp of temps) await unlink(temp).catch(() => {});
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (code === undefined || typeof code !== "string" || !code.startsWith("E")) throw e;
    throw new CliFailure(`cannot write \`${current}\`: ${REASONS[code] ?? code}; nothing was written to \`${dir}\``, EXIT_WRITE_FAILED);
  }
  return files.map((f) => join(dir, f.name));
}
