/**
 * `comp compare <plan> --data <file> --through <YYYY-MM> [--splits] [--json]`: the three
 * cancellation policies side by side over the same data (total clawback, reclaimed from the
 * partners originally paid vs from others, unrecovered, carried negative balances, rank changes,
 * largest per-partner differences); with `--splits`, the two split modes (recruiter lines vs
 * supporter lines) instead. With COMP_COMPARE_THREADS=2 the policy replays are shared with a
 * worker thread (cli/compareInParallel.ts), with the same output.
 */
import { comparePolicies, compareSplitModes, defaultEngine, type Engine, formatPolicyComparison, formatSplitComparison, type PlanIR } from "../../runtime/surface.ts";
import { CompareWorker, comparePoliciesOnTwoThreads, wantsWorker } from "../compareInParallel.ts";
import { onePositional, parseArgs, requirePeriod, requireValue } from "../args.ts";
import { engineOption } from "../engineOption.ts";
import { CliFailure, loadData, loadPlan } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { refusedRun } from "../refused.ts";

export function compareCommand(argv: readonly string[], defaultChoice: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("compare", argv, { values: ["data", "through", "engine"], booleans: ["splits", "json"] });
  const engine = engineOption(args, defaultChoice);
  const planFile = onePositional(args, "plan file");
  const dataFile = requireValue(args, "data", "file");
  const through = requirePeriod(args, "through");
  const { ir } = loadPlan(planFile);
  const splits = args.booleans.has("splits");
  // Started before the read, so that its modules load on the other core meanwhile.
  const worker = !splits && wantsWorker() ? CompareWorker.start() : null;
  try {
    return compareWith(ir, planFile, dataFile, through, engine, args.booleans.has("json"), splits, worker);
  } finally {
    worker?.close();
  }
}

function compareWith(ir: PlanIR, planFile: string, dataFile: string, through: string, engine: Engine, json: boolean, splits: boolean, worker: CompareWorker | null): CommandOutput {
  const data = loadData(dataFile, ir);
  if (splits) {
    if (!ir.split) throw new CliFailure(`${planFile} has no \`split\` block: there are no split modes to compare`, 1);
    if (data.splits.length === 0) throw new CliFailure(`${dataFile} has no split agreements: there is nothing to compare`, 1);
    const out = compareSplitModes(ir, data, through, engine);
    if (!out.ok) throw refusedRun(out.error);
    return { stdout: json ? JSON.stringify(out.comparison, null, 2) + "\n" : formatSplitComparison(out.comparison), stderr: "", exitCode: 0 };
  }
  const out = worker !== null ? comparePoliciesOnTwoThreads(ir, data, through, engine, worker) : comparePolicies(ir, data, through, undefined, engine);
  if (!out.ok) throw refusedRun(out.error);
  return { stdout: json ? JSON.stringify(out.comparison, null, 2) + "\n" : formatPolicyComparison(out.comparison), stderr: "", exitCode: 0 };
}
