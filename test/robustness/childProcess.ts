/** Runs the real `comp` binary as a child process (asynchronously), for what only a process shows: pipes, exit codes, stdin. */
import { spawn, type StdioOptions } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/comp.mjs", import.meta.url));

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  input?: string | Buffer;
  /** Replace standard output, e.g. an fd opened on /dev/full. */
  stdout?: number;
  /** Close our end of standard output after this many bytes arrived (a reader like `head -c`). */
  closeStdoutAfter?: number;
}

export function runComp(args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = ["pipe", options.stdout ?? "pipe", "pipe"];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio, env: { ...process.env, COMP_DEBUG: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (options.closeStdoutAfter !== undefined && stdout.length >= options.closeStdoutAfter) child.stdout?.destroy();
    });
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin!.on("error", () => undefined); // a child that never reads its input
    child.stdin!.end(options.input ?? "");
  });
}

/** A Node or V8 stack trace line ("    at fn (file:1:2)"). */
export const STACK_TRACE = /^\s+at .+[:(]/m;
