/**
 * `comp close <plan> --data <file> --period <P> --store <db> [--as-of <date>] [--policy P] [--engine E]`:
 * finalises one period on the stored history and stores it (store/close.ts). `comp run` without
 * a store stays a pure what-if; this is the only command that writes history.
 */
import { defaultEngine, type Engine, isValidDate } from "../../runtime/surface.ts";
import { closePeriod } from "../../store/close.ts";
import { onePositional, parseArgs, requirePeriod, requireValue, UsageError } from "../args.ts";
import { engineOption } from "../engineOption.ts";
import { loadData, loadPlan } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { parsePolicy } from "./run.ts";
import { withStore } from "./storeAccess.ts";

export async function closeCommand(argv: readonly string[], defaultChoice: Engine = defaultEngine): Promise<CommandOutput> {
  const args = parseArgs("close", argv, { values: ["data", "period", "store", "as-of", "policy", "engine"], booleans: [] });
  const engine = engineOption(args, defaultChoice);
  const planFile = onePositional(args, "plan file");
  const dataFile = requireValue(args, "data", "file");
  const period = requirePeriod(args, "period");
  const where = requireValue(args, "store", "file or postgres://…");
  const policy = parsePolicy(args.values.get("policy"));
  const asOf = args.values.get("as-of");
  if (asOf !== undefined && !isValidDate(asOf)) throw new UsageError(`\`--as-of\` must be a date like 2026-11-15, got \`${asOf}\``);
  const { ir, text } = loadPlan(planFile);
  const data = loadData(dataFile, ir);
  return withStore(where, {}, async (store) => {
    const done = await closePeriod({
      store, engine, ir, planText: text, data, period,
      ...(asOf !== undefined ? { asOf } : {}), ...(policy ? { policy } : {}),
    });
    const r = done.run;
    let out = `closed ${r.period}: final run as of ${r.asOf}, plan "${r.planName}" (${r.planHash.slice(0, 12)}), policy ${r.policy}\n`;
    out += `${r.partnerCount} partners, ${r.ledgerCount} ledger entries, earned ${r.earnedTotal}, paid out ${r.payoutTotal}\n`;
    if (done.planChangedFrom !== null) {
      out += `the plan changed since ${done.planChangedFrom.period} (${done.planChangedFrom.planHash.slice(0, 12)} -> ${r.planHash.slice(0, 12)}); each period keeps its own\n`;
    }
    out += `stored in ${store.location}\n`;
    return { stdout: out, stderr: "", exitCode: 0 };
  });
}
