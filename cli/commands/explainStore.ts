/**
 * `comp explain --store <db> --period <P> --partner <id>` and `comp explain --store <db> --order <id>`:
 * explanations read from the stored ledger, never recomputed — what was paid is what was stored,
 * whatever the plan or the data file say today. Rules are described with the plan each period was
 * closed under (stored with it).
 *
 * `--order` answers "who was paid what for order X": every entry of every closed period
 * attributed to the order — the original commissions and any clawbacks or reversals of it.
 */
import { compilePlan, Decimal, describeRule, visible, type LedgerEntry, type PlanIR, ZERO } from "../../runtime/surface.ts";
import type { HistoryStore, PartnerRow, StoredRun } from "../../store/types.ts";
import { parseArgs, requireValue, UsageError } from "../args.ts";
import { CliFailure } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { table } from "../table.ts";
import { withStore } from "./storeAccess.ts";

export async function explainStoreCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs("explain", argv, { values: ["store", "period", "partner", "order"], booleans: ["json"] });
  if (args.positionals.length > 0) {
    throw new UsageError(`\`comp explain --store\` reads the stored ledger and takes no plan or data file: ${args.positionals.join(" ")}`);
  }
  const where = requireValue(args, "store", "file or postgres://…");
  const order = args.values.get("order");
  const partner = args.values.get("partner");
  const period = args.values.get("period");
  if (order === undefined && (partner === undefined || period === undefined)) {
    throw new UsageError("`comp explain --store` needs `--period <YYYY-MM> --partner <id>` or `--order <id>`");
  }
  if (order !== undefined && partner !== undefined) throw new UsageError("give `--order` or `--partner`, not both");
  const json = args.booleans.has("json");
  return withStore(where, { mustExist: true }, async (store) => {
    const runs = await store.runs();
    const plans = new PlanCache(store, runs);
    if (order !== undefined) return explainOrder(store, plans, order, period, json);
    const run = runs.find((r) => r.period === period);
    if (run === undefined) throw new CliFailure(`${period} is not closed in ${store.location} (see \`comp history --store ${where}\`)`, 2);
    return explainPartner(store, plans, run, partner!, json);
  });
}

/** The IR of each period's stored plan, compiled once per plan text. */
class PlanCache {
  private readonly byHash = new Map<string, PlanIR | null>();
  constructor(private readonly store: HistoryStore, private readonly runs: StoredRun[]) {}

  async of(period: string): Promise<PlanIR | null> {
    const run = this.runs.find((r) => r.period === period);
    if (run === undefined) return null;
    if (!this.byHash.has(run.planHash)) this.byHash.set(run.planHash, compilePlan(await this.store.planText(run.planHash)).ir);
    return this.byHash.get(run.planHash)!;
  }
}

async function explainOrder(store: HistoryStore, plans: PlanCache, order: string, period: string | undefined, json: boolean): Promise<CommandOutput> {
  const entries: { entry: LedgerEntry; rule: string }[] = [];
  for await (const entry of store.ledger({ order, ...(period !== undefined ? { period } : {}) })) {
    const ir = await plans.of(entry.id.slice(0, entry.id.indexOf("#")));
    entries.push({ entry, rule: ir === null ? entry.bonus : describeRule(entry, ir) });
  }
  if (json) return { stdout: JSON.stringify({ order, entries: entries.map((x) => ({ ...x.entry, rule: x.rule })) }, null, 2) + "\n", stderr: "", exitCode: 0 };
  if (entries.length === 0) {
    return { stdout: `no stored ledger entry is attributed to order ${visible(order)}${period ? ` in ${period}` : ""} (not commissioned, or nobody qualified)\n`, stderr: "", exitCode: 0 };
  }
  const rows = entries.map(({ entry: e, rule }) => [e.id, e.recipient, e.portion ?? "-", e.step === undefined ? "-" : String(e.step), e.base ?? "-", e.rate ?? "-", e.amount, rule]);
  let out = `order ${visible(order)}: every stored ledger entry attributed to it (${store.location})\n`;
  out += table(["entry", "recipient", "portion", "step", "base", "rate", "amount", "rule"], rows, ["left", "left", "left", "right", "right", "right", "right", "left"]);
  const byRecipient = new Map<string, Decimal>();
  for (const { entry } of entries) byRecipient.set(entry.recipient, (byRecipient.get(entry.recipient) ?? ZERO).plus(entry.amount));
  // Every amount has the plan's money decimals.
  const decimals = new Decimal(entries[0]!.entry.amount).decimalPlaces();
  out += "\nnet per recipient: " + [...byRecipient].map(([id, sum]) => `${visible(id)} ${sum.toFixed(decimals)}`).join(", ") + "\n";
  return { stdout: out, stderr: "", exitCode: 0 };
}

async function explainPartner(store: HistoryStore, plans: PlanCache, run: StoredRun, partner: string, json: boolean): Promise<CommandOutput> {
  let row: PartnerRow | null = null;
  for await (const p of store.partners(run.period, partner)) row = p;
  if (row === null) throw new CliFailure(`partner ${visible(partner)} is not listed in the stored ${run.period} (not joined by then, or no such partner)`, 2);
  const ir = await plans.of(run.period);
  const entries: LedgerEntry[] = [];
  for await (const e of store.ledger({ period: run.period, recipient: partner })) entries.push(e);
  const rule = (e: LedgerEntry) => (ir === null ? e.bonus : describeRule(e, ir));
  if (json) {
    const doc = { period: run.period, partner, rank: row.rank, active: row.active, volumes: row.volumes, statement: row.statement, entries: entries.map((e) => ({ ...e, rule: rule(e) })) };
    return { stdout: JSON.stringify(doc, null, 2) + "\n", stderr: "", exitCode: 0 };
  }
  let out = `${visible(partner)} in ${run.period} (${run.planName}, final run as of ${run.asOf}, stored; closed ${run.closedAt})\n`;
  out += `paid-as rank: ${row.rank ?? "none"}; active: ${row.active ? "yes" : "no"}\n`;
  out += Object.entries(row.volumes).map(([m, v]) => `${m}: personal ${v.personal}, group ${v.group}, open ${v.open}\n`).join("");
  out += "\n";
  if (entries.length === 0) out += "no ledger entries: nothing was earned or clawed back in this period\n";
  else {
    const rows = entries.map((e) => [e.id, e.order ?? "-", e.portion ?? "-", e.step === undefined ? "-" : String(e.step), e.base ?? "-", e.rate ?? "-", e.amount, rule(e)]);
    out += table(["entry", "order", "portion", "step", "base", "rate", "amount", "rule"], rows, ["left", "left", "left", "right", "right", "right", "right", "left"]);
  }
  const s = row.statement;
  out += `\nearned ${s.earned} + carried in ${s.carriedIn} -> payout ${s.payout}, carried out ${s.carriedOut}\n`;
  return { stdout: out, stderr: "", exitCode: 0 };
}
