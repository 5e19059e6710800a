/**
 * `comp compare <plan> --data <file> --through <YYYY-MM> [--splits] [--json]`: the three
 * cancellation policies side by side over the same data (total clawback, reclaimed from the
 * partners originally paid vs from others, unrecovered, carried negative balances, rank changes,
 * largest per-partner differences); with `--splits`, the two split modes (recruiter lines vs
 * supporter lines) instead.
 */
import { comparePolicies, compareSplitModes, defaultEngine, type Engine, formatPolicyComparison, formatSplitComparison } from "../../runtime/surface.ts";
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
  const data = loadData(dataFile, ir);
  const json = args.booleans.has("json");
  if (args.booleans.has("splits")) {
    if (!ir.split) throw new CliFailure(`${planFile} has no \`split\` block: there are no split modes to compare`, 1);
    if (data.splits.length === 0) throw new CliFailure(`${dataFile} has no split agreements: there is nothing to compare`, 1);
    const out = compareSplitModes(ir, data, through, engine);
    if (!out.ok) throw refusedRun(out.error);
    return { stdout: json ? JSON.stringify(out.comparison, null, 2) + "\n" : formatSplitComparison(out.comparison), stderr: "", exitCode: 0 };
  }
  const out = comparePolicies(ir, data, through, undefined, engine);
  if (!out.ok) throw refusedRun(out.error);
  return { stdout: json ? JSON.stringify(out.comparison, null, 2) + "\n" : formatPolicyComparison(out.comparison), stderr: "", exitCode: 0 };
}
