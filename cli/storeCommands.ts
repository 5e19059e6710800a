/**
 * The commands that use a history store (`close`, `history`, `export`, `explain --store`). They
 * are asynchronous — PostgreSQL can only be talked to that way — so main.ts sends them here; the
 * error handling is the same as for every other command.
 */
import { UsageError } from "./args.ts";
import { usageLine } from "./help.ts";
import { closeCommand } from "./commands/close.ts";
import { explainStoreCommand } from "./commands/explainStore.ts";
import { exportCommand } from "./commands/export.ts";
import { historyCommand } from "./commands/history.ts";
import { CliFailure } from "./io.ts";
import { asPrinted, type CommandOutput } from "./output.ts";
import { takeWarnings } from "./warnings.ts";

const STORE_COMMANDS: Record<string, (argv: readonly string[]) => Promise<CommandOutput>> = {
  close: closeCommand,
  history: historyCommand,
  export: exportCommand,
};

export function isStoreCommand(argv: readonly string[]): boolean {
  const [command, ...rest] = argv;
  if (command === undefined) return false;
  return Object.hasOwn(STORE_COMMANDS, command) || (command === "explain" && rest.some((a) => a === "--store" || a.startsWith("--store=")));
}

/** Runs a store command; `usage` is the general usage text shown after a command-line mistake. */
export async function runStoreCommand(argv: readonly string[], usage: string): Promise<CommandOutput> {
  takeWarnings(); // nothing left over from an earlier in-process run
  const out = await runStoreCommandInner(argv, usage);
  // data warnings (split agreements the plan ignores, look-alike ids) as `comp run` prints them
  return asPrinted(out, takeWarnings());
}

async function runStoreCommandInner(argv: readonly string[], usage: string): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  try {
    const fn = command === "explain" ? explainStoreCommand : STORE_COMMANDS[command!]!;
    return await fn(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      // the command's own usage line and where its help is, as for the other commands
      const line = command === "explain" ? usage.split("\n").find((l) => l.includes("comp explain --store"))?.trim().replace(/\s{3,}.*$/, "") : usageLine(command!, usage);
      return { stdout: "", stderr: `comp: ${e.message}\n${line ? `usage: ${line}\n` : ""}\`comp ${command} --help\` explains its options\n`, exitCode: 2 };
    }
    if (e instanceof CliFailure) return { stdout: "", stderr: e.message + "\n", exitCode: e.exitCode };
    const detail = process.env["COMP_DEBUG"] && e instanceof Error ? `\n${e.stack}` : "";
    return { stdout: "", stderr: `comp: internal error (a bug in comp, not in your files): ${e instanceof Error ? e.message : String(e)}${detail}\n`, exitCode: 70 };
  }
}
