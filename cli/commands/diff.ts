/**
 * `comp diff <A.plan> <B.plan> --data <file> --through <YYYY-MM> [--policy P] [--json]`: what
 * changing plan A into plan B costs on the same data, and for whom (runtime/analysis/diffPlans.ts).
 */
import { checkDataAgainstPlan, defaultEngine, diffPlans, type Engine, formatPlanDiff, type Policy } from "../../runtime/surface.ts";
import { parseArgs, requirePeriod, requireValue, UsageError } from "../args.ts";
import { CliFailure, formatProblems, loadData, loadPlan } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { refusedRun } from "../refused.ts";

const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];

export function optionalPolicy(value: string | undefined): Policy | undefined {
  if (value === undefined) return undefined;
  if (!(POLICIES as readonly string[]).includes(value)) throw new UsageError(`--policy must be one of ${POLICIES.join(", ")}, not \`${value}\``);
  return value as Policy;
}

export function diffCommand(argv: readonly string[], engine: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("diff", argv, { values: ["data", "through", "policy"], booleans: ["json"] });
  if (args.positionals.length !== 2) throw new UsageError(`diff needs two plan files (plan A, then plan B), got ${args.positionals.length}`);
  const [fileA, fileB] = args.positionals as [string, string];
  const dataFile = requireValue(args, "data", "file");
  const through = requirePeriod(args, "through");
  const policy = optionalPolicy(args.values.get("policy"));
  const a = loadPlan(fileA).ir;
  const b = loadPlan(fileB).ir;
  // The data must suit both plans (figures of both plans' measures).
  const data = loadData(dataFile, a);
  const forB = checkDataAgainstPlan(b, data);
  if (forB.length > 0) throw new CliFailure(formatProblems(dataFile, forB), 1);
  const out = diffPlans(engine, a, b, data, { through, ...(policy ? { policy } : {}) });
  if (!out.ok) throw refusedRun(out.error, `run of ${out.plan === "a" ? fileA : fileB}`);
  const currency = a.currency === b.currency ? a.currency : `${a.currency}/${b.currency}`;
  return { stdout: args.booleans.has("json") ? JSON.stringify(out.diff, null, 2) + "\n" : formatPlanDiff(out.diff, currency), stderr: "", exitCode: 0 };
}
