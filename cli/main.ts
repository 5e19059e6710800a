#!/usr/bin/env node
/**
 * `comp` — the command line. Parses the command, runs it, prints its output and exits with its
 * code. Every user mistake arrives here as a UsageError or CliFailure and is printed as one
 * clear message; anything else is a bug in comp, reported as such (with the stack only when
 * COMP_DEBUG is set).
 */
import { pathToFileURL } from "node:url";
import { UsageError } from "./args.ts";
import { commandHelp, usageLine, version } from "./help.ts";
import { guardStandardStreams } from "./outputErrors.ts";
import { takeWarnings } from "./warnings.ts";
import { checkCommand } from "./commands/check.ts";
import { compareCommand } from "./commands/compare.ts";
import { demoCommand } from "./commands/demo.ts";
import { diffCommand } from "./commands/diff.ts";
import { discloseCommand } from "./commands/disclose.ts";
import { explainCommand } from "./commands/explain.ts";
import { generateCommand } from "./commands/generate.ts";
import { runCommand } from "./commands/run.ts";
import { joinChunks, pipeChunks } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";
import { streamSink } from "./nodeSink.ts";
import { asPrinted, type CommandOutput } from "./output.ts";
import { isStoreCommand, runStoreCommand } from "./storeCommands.ts";

export const USAGE = `comp — compensation plans for network marketing

usage:
  comp check   <plan> [--json] [--witness <file>]         diagnostics and the payout bound; exit 1 on any error
  comp run     <plan> --data <file> --through <YYYY-MM> [--policy P] [--json] [--out <dir>] [--quiet]
                      [--as-of <YYYY-MM-DD> [--preliminary]]   the last period's run date
  comp explain <plan> --data <file> --period <YYYY-MM> --partner <id> [--policy P] [--json]
  comp compare <plan> --data <file> --through <YYYY-MM> [--splits] [--json]
  comp diff    <A.plan> <B.plan> --data <file> --through <YYYY-MM> [--policy P] [--json]
                      what changing plan A into plan B costs, per bonus, rank and partner
  comp disclose <plan> --data <file> --through <YYYY-MM> [--policy P] [--json] [--out <file.csv>]
                      income disclosure per paid-as rank
  comp close   <plan> --data <file> --period <YYYY-MM> --store <db> [--as-of <date>] [--policy P] [--engine E]
                      finalise the next period on the stored history (db: a file, or postgres://…)
  comp history --store <db> [--json] [--plan <YYYY-MM>]   closed periods, their plans and totals
  comp explain --store <db> --period <YYYY-MM> --partner <id> | --order <id>   from the stored ledger
  comp export  --store <db> --period <YYYY-MM> --out <dir>   statements, ledger and ranks as CSV
  comp generate --partners <n> [--seed <n>] [--months <n>] [--first-month <YYYY-MM>] [--out <file.json|file.jsonl>] [--quiet]
  comp demo                                             run the bundled plans on the bundled samples

policies: simple | previous-rank | exact (default: the plan's own)
exit codes: 0 ok, 1 errors in the plan or data, 2 wrong command line, 3 run refused,
            4 output could not be written (a full disk, ...)
\`comp <command> --help\` explains a command and its options; \`comp --version\` prints the version.
`;

const COMMANDS: Record<string, (argv: readonly string[]) => CommandOutput> = {
  check: checkCommand,
  run: runCommand,
  compare: compareCommand,
  explain: explainCommand,
  generate: generateCommand,
  demo: demoCommand,
  diff: diffCommand,
  disclose: discloseCommand,
};

/** Runs a command in-process; a streamed standard output is joined into `stdout` (tests, small outputs). */
export function runCli(argv: readonly string[]): CommandOutput {
  const out = runCommandOf(argv);
  if (out.stream === undefined) return out;
  try {
    return { stdout: out.stdout + joinChunks(out.stream), stderr: out.stderr, exitCode: out.exitCode };
  } catch (e) {
    return internalError(e);
  }
}

function internalError(e: unknown): CommandOutput {
  const detail = process.env["COMP_DEBUG"] && e instanceof Error ? `\n${e.stack}` : "";
  return {
    stdout: "",
    stderr: `comp: internal error (a bug in comp, not in your files): ${e instanceof Error ? e.message : String(e)}${detail}\n`,
    exitCode: 70,
  };
}

/** Runs a command, leaving a streamed standard output unread for the caller to write. */
export function runCommandOf(argv: readonly string[]): CommandOutput {
  takeWarnings(); // nothing left over from an earlier in-process run
  const out = runCommandInner(argv);
  return asPrinted(out, takeWarnings());
}

function runCommandInner(argv: readonly string[]): CommandOutput {
  const [command, ...rest] = argv;
  if (command === undefined) return { stdout: "", stderr: USAGE, exitCode: 2 };
  if (command === "--version" || command === "-V" || command === "version") {
    return { stdout: `comp ${version()}\n`, stderr: "", exitCode: 0 };
  }
  if (command === "help" || command === "--help" || command === "-h") {
    const topic = rest[0];
    if (topic === undefined) return { stdout: USAGE, stderr: "", exitCode: 0 };
    const help = Object.hasOwn(COMMANDS, topic) || isStoreCommand([topic]) ? commandHelp(topic, USAGE) : null;
    if (help === null) return { stdout: "", stderr: `comp: unknown command \`${topic}\`\n\n${USAGE}`, exitCode: 2 };
    return { stdout: help, stderr: "", exitCode: 0 };
  }
  // own keys only: `comp constructor` is an unknown command, not Object's constructor
  const fn = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if ((fn || isStoreCommand([command])) && asksForHelp(rest)) {
    return { stdout: commandHelp(command, USAGE) ?? USAGE, stderr: "", exitCode: 0 };
  }
  try {
    if (!fn) throw new UsageError(`unknown command \`${command}\``);
    return fn(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      const usage = fn ? usageLine(command, USAGE) : "";
      const hint = fn
        ? `${usage ? `usage: ${usage}\n` : ""}\`comp ${command} --help\` explains its options\n`
        : `\n${USAGE}`;
      return { stdout: "", stderr: `comp: ${e.message}\n${hint}`, exitCode: 2 };
    }
    if (e instanceof CliFailure) return { stdout: "", stderr: e.message + "\n", exitCode: e.exitCode };
    return internalError(e);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
/** `--help` or `-h` anywhere before a `--` asks for the command's help instead of running it. */
function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

const runAsMain = isMain || process.env["COMP_MAIN"] === "1";
// a closed pipe ends quietly, a failed write is one line and exit code 4 (outputErrors.ts)
if (runAsMain) guardStandardStreams();
if (runAsMain && isStoreCommand(process.argv.slice(2)) && !asksForHelp(process.argv.slice(3))) {
  void runStoreCommand(process.argv.slice(2), USAGE).then((out) => {
    process.exitCode = out.exitCode;
    if (out.stdout) process.stdout.write(out.stdout);
    if (out.stderr) process.stderr.write(out.stderr);
  });
} else if (runAsMain) {
  const out = runCommandOf(process.argv.slice(2));
  if (out.stream === undefined) process.exitCode = out.exitCode; // before writing: a closed pipe exits with it
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stream === undefined) {
    if (out.stderr) process.stderr.write(out.stderr);
  } else {
    // Written chunk by chunk, waiting for 'drain': memory does not grow with the output.
    pipeChunks(out.stream, streamSink(process.stdout)).then(
      () => {
        if (out.stderr) process.stderr.write(out.stderr);
        process.exitCode = out.exitCode;
      },
      (e: unknown) => {
        const failed = e instanceof CliFailure ? { stderr: e.message + "\n", exitCode: e.exitCode } : internalError(e);
        process.stderr.write(failed.stderr);
        process.exitCode = failed.exitCode;
      },
    );
  }
}
