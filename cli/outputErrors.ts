/**
 * What happens when comp's output cannot be written. A reader that goes away (`comp run … | head
 * -1`) is not an error of comp's: the command ends quietly with its own exit code, as other Unix
 * tools do. Any other write failure (a full disk: `> /dev/full`, an I/O error) is one line on
 * standard error and exit code 4, so a script can tell it from "errors in the plan or data" (1).
 * Without these handlers Node prints the stream's error event as a stack trace.
 */
import { writeSync } from "node:fs";

export const EXIT_WRITE_FAILED = 4;

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EIO: "an input/output error",
  EFBIG: "the file is too large",
  EBADF: "the output is closed",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
};

export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return `${REASONS[code] ?? "the write failed"} (${code})`;
}

function currentExitCode(): number {
  const code = process.exitCode;
  return typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : 0;
}

function onWriteError(error: unknown, streamName: string): void {
  if ((error as NodeJS.ErrnoException | null)?.code === "EPIPE") process.exit(currentExitCode());
  try {
    writeSync(2, `comp: cannot write to ${streamName}: ${describeWriteError(error)}; the output is incomplete\n`);
  } catch {
    // standard error is gone too: the exit code is all that is left to say it
  }
  process.exit(EXIT_WRITE_FAILED);
}

/** Install once, before anything is written. */
export function guardStandardStreams(): void {
  process.stdout.on("error", (e) => onWriteError(e, "standard output"));
  process.stderr.on("error", (e) => onWriteError(e, "standard error"));
}
