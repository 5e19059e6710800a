/**
 * A small strict argument parser: every flag is declared, unknown flags and missing values are
 * usage errors with a clear message (never a stack trace). Node's util.parseArgs would do, but
 * its error texts name internals ("ERR_PARSE_ARGS_UNKNOWN_OPTION"); ours name the command.
 */

import { isValidPeriod } from "../runtime/surface.ts";

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value (`--data file`). */
  values: readonly string[];
  /** Boolean flags (`--json`). */
  booleans: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  booleans: Set<string>;
}

export function parseArgs(command: string, argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), booleans: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--") || arg === "--") {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.booleans.includes(name)) {
      if (eq >= 0) throw new UsageError(`\`--${name}\` takes no value`);
      parsed.booleans.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        throw new UsageError(`\`--${name}\` needs a value`);
      }
      if (parsed.values.has(name)) throw new UsageError(`\`--${name}\` is given twice`);
      parsed.values.set(name, value);
    } else {
      const known = [...spec.values, ...spec.booleans].map((f) => `--${f}`).join(", ");
      throw new UsageError(
        `\`comp ${command}\` has no option \`--${name}\`` + (known ? ` (options: ${known})` : ""),
      );
    }
  }
  return parsed;
}

export function requireValue(args: ParsedArgs, name: string, what: string): string {
  const v = args.values.get(name);
  if (v === undefined) throw new UsageError(`missing \`--${name} <${what}>\``);
  return v;
}

export function requirePeriod(args: ParsedArgs, name: string): string {
  const v = requireValue(args, name, "YYYY-MM");
  if (!isValidPeriod(v)) {
    throw new UsageError(`\`--${name}\` must be a period like 2026-10, got \`${v}\` (years 0001 to 9999)`);
  }
  return v;
}

export function onePositional(args: ParsedArgs, what: string): string {
  if (args.positionals.length === 0) throw new UsageError(`missing <${what}>`);
  if (args.positionals.length > 1) {
    throw new UsageError(`expected one <${what}>, got: ${args.positionals.join(" ")}`);
  }
  return args.positionals[0]!;
}
