/**
 * `comp demo` (what `npm start` runs): the bundled plans on the bundled sample genealogies —
 * statements of the tiny sample, then plan KPIs (payout as % of CV per bonus, rank distribution,
 * earnings percentiles) for the larger ones. A first look for a new user, no arguments needed.
 */
import { fileURLToPath } from "node:url";
import { commissionMeasure, computeKpis, defaultEngine, type Engine, formatKpiTable, lastOrderPeriod } from "../../runtime/surface.ts";
import { parseArgs, UsageError } from "../args.ts";
import { CliFailure, loadData, loadPlan } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { refusedRun } from "../refused.ts";
import { formatPeriod } from "./run.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

const DEMOS: { plan: string; data: string; statements: boolean }[] = [
  { plan: "plans/vitalis-classic.plan", data: "samples/tiny.data.json", statements: true },
  { plan: "plans/unilevel-essentials.plan", data: "samples/small.data.json", statements: false },
  { plan: "plans/stairstep-breakaway.plan", data: "samples/team-1k.data.json", statements: false },
];

export function demoCommand(argv: readonly string[], engine: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("demo", argv, { values: [], booleans: [] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument \`${args.positionals[0]}\``);
  let out = "comp demo — the bundled plans on the bundled sample genealogies\n";
  for (const demo of DEMOS) {
    const { ir } = loadPlan(root + demo.plan);
    const data = loadData(root + demo.data, ir);
    const through = lastOrderPeriod(data);
    if (!through) throw new CliFailure(`${demo.data} has no orders`, 1);
    const outcome = engine.runThrough(ir, data, { through });
    if (!outcome.ok) throw refusedRun(outcome.error, `run of ${demo.plan}`);
    out += `\n### ${ir.name} (${demo.plan}) on ${demo.data}: ${data.partners.length} partners, ` +
      `${data.orders.length} orders, through ${through}\n\n`;
    if (demo.statements) {
      for (const p of outcome.result.periods) out += formatPeriod(p) + "\n";
    }
    const measure = commissionMeasure(ir);
    out += `Plan KPIs over all periods (payout as % of ${measure}):\n`;
    out += formatKpiTable(computeKpis(outcome.result, measure, undefined, ir.ranks.map((r) => r.name), ir.bonuses));
  }
  out += `\nNext: comp explain plans/vitalis-classic.plan --data samples/tiny.data.json --period <YYYY-MM> --partner <id>\n`;
  return { stdout: out, stderr: "", exitCode: 0 };
}
