/**
 * Warnings a command gives while it goes on (split agreements the plan ignores, ...). Collected
 * here and put on standard error ahead of the command's own messages by main.ts, so commands and
 * loaders need no extra return channel and in-process runs (tests) see them too.
 */
const pending: string[] = [];

export function warn(line: string): void {
  pending.push(line);
}

/** The warnings so far, one per line, and forget them. */
export function takeWarnings(): string {
  const text = pending.map((line) => `${line}\n`).join("");
  pending.length = 0;
  return text;
}
