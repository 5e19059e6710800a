/**
 * `comp explain <plan> --data <file> --period <P> --partner <id>`: the "why was I paid this"
 * view. Every amount the partner earned in the period, each traced to its order (and buyer),
 * portion, step on the credit path, base, rate and the rule that paid it.
 */
import { type Dataset, defaultEngine, describeRule, visible, type Engine, type LedgerEntry, type PeriodResult, type PlanIR } from "../../runtime/surface.ts";
import { onePositional, parseArgs, requirePeriod, requireValue } from "../args.ts";
import { engineOption } from "../engineOption.ts";
import { CliFailure, loadData, loadPlan } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { refusedRun } from "../refused.ts";
import { parsePolicy } from "./run.ts";
import { table } from "../table.ts";

export function explainCommand(argv: readonly string[], defaultChoice: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("explain", argv, { values: ["data", "period", "partner", "policy", "engine"], booleans: ["json"] });
  const engine = engineOption(args, defaultChoice);
  const planFile = onePositional(args, "plan file");
  const dataFile = requireValue(args, "data", "file");
  const period = requirePeriod(args, "period");
  const partner = requireValue(args, "partner", "id");
  const policy = parsePolicy(args.values.get("policy"));
  const { ir } = loadPlan(planFile);
  const data = loadData(dataFile, ir);
  if (!data.partners.some((p) => p.id === partner)) {
    const isCustomer = data.customers.some((c) => c.id === partner);
    throw new CliFailure(
      isCustomer
        ? `\`${visible(partner)}\` is a customer; customers earn nothing — explain their partner instead`
        : `no partner \`${visible(partner)}\` in ${dataFile}`,
      2,
    );
  }
  const outcome = engine.runThrough(ir, data, { through: period, ...(policy ? { policy } : {}) });
  if (!outcome.ok) {
    throw refusedRun(outcome.error);
  }
  const p = outcome.result.periods.find((x) => x.period === period);
  if (!p) throw new CliFailure(`nothing was run for ${period}: no order counts in or before it`, 3);
  const entries = p.ledger.filter((e) => e.recipient === partner);
  if (args.booleans.has("json")) {
    const doc = { period, partner, rank: p.ranks[partner] ?? null, active: p.active[partner] ?? false,
      volumes: p.volumes[partner] ?? {}, statement: p.statements[partner] ?? null,
      entries: entries.map((e) => ({ ...e, rule: describeRule(e, ir), buyer: buyerOf(e, data) })) };
    return { stdout: JSON.stringify(doc, null, 2) + "\n", stderr: "", exitCode: 0 };
  }
  return { stdout: formatExplanation(ir, data, p, partner, entries), stderr: "", exitCode: 0 };
}

function formatExplanation(ir: PlanIR, data: Dataset, p: PeriodResult, partner: string, entries: LedgerEntry[]): string {
  let out = `${visible(partner)} in ${p.period} (${ir.name}, ${p.final ? "final" : "preliminary"} run as of ${p.asOf})\n`;
  out += `paid-as rank: ${p.ranks[partner] ?? "none"}; active: ${p.active[partner] ? "yes" : "no"}\n`;
  const vols = p.volumes[partner];
  if (vols) {
    out += Object.entries(vols)
      .map(([m, v]) => `${m}: personal ${v.personal}, group ${v.group}, open ${v.open}`)
      .join("\n") + "\n";
  }
  out += "\n";
  if (entries.length === 0) {
    out += "no ledger entries: nothing was earned or clawed back in this period\n";
  } else {
    const rows = entries.map((e) => [
      e.id,
      e.order ? `${e.order} (${buyerOf(e, data) ?? "?"})` : "-",
      e.portion ?? "-",
      e.step === undefined ? "-" : String(e.step),
      e.base ?? "-",
      e.rate ?? "-",
      e.amount,
      describeRule(e, ir),
    ]);
    out += table(["entry", "order (buyer)", "portion", "step", "base", "rate", "amount", "rule"], rows,
      ["left", "left", "left", "right", "right", "right", "right", "left"]);
  }
  const s = p.statements[partner];
  if (s) out += `\nearned ${s.earned} + carried in ${s.carriedIn} -> payout ${s.payout}, carried out ${s.carriedOut}\n`;
  return out;
}

function buyerOf(e: LedgerEntry, data: Dataset): string | undefined {
  if (!e.order) return undefined;
  return data.orders.find((o) => o.id === e.order)?.buyer;
}
