/**
 * Income disclosure per paid-as rank (`comp disclose`, the playground's Disclosure view). Every
 * figure is defined in docs/analysis.md ("Income disclosure"); in short:
 * - A partner belongs to the HIGHEST paid-as rank it held in any period of the run (the title it
 *   reached); partners who never held a rank form the group "no rank".
 * - Every partner listed in any period counts: terminated partners (who earn nothing once
 *   terminated) and partners who joined part-way included. Earnings are the ledger amounts of
 *   all periods of the run (clawbacks included), not annualised.
 * - "Earned nothing": total earnings at or below zero.
 * - Percentiles are nearest-rank (every figure is an amount some partner actually earned).
 * - Time at rank: the mean number of periods the group's partners were paid as that rank, and
 *   the mean number of periods they were listed (joined by the period's end).
 */
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import { percentOfWhole } from "../../core/money.ts";
import type { RunError } from "../../core/run.ts";
import { nearestRankPercentiles } from "../kpi/percentile.ts";
import { moneyDecimals, moneyText, summariseRun, type RunSummary } from "./runSummary.ts";

export interface DisclosureRow {
  /** Rank name, or null for partners who never held a rank. */
  rank: string | null;
  partners: number;
  /** Share of all partners, percent with two decimals. */
  shareOfPartners: string;
  mean: string;
  median: string;
  p10: string;
  p90: string;
  lowest: string;
  highest: string;
  /** Partners whose earnings are zero or less, and their share of the group (percent). */
  earnedNothing: number;
  earnedNothingShare: string;
  /** Mean periods paid as this rank, and mean periods listed, two decimals. */
  meanPeriodsAtRank: string;
  meanPeriodsListed: string;
  terminated: number;
}

export interface Disclosure {
  plan: string;
  currency: string;
  periods: string[];
  partners: number;
  /** Highest rank first, "no rank" last. */
  rows: DisclosureRow[];
}

export type DisclosureOutcome = { ok: true; disclosure: Disclosure } | { ok: false; error: RunError };

export function disclose(engine: Engine, ir: PlanIR, data: Dataset, options: { through: string; policy?: Policy }): DisclosureOutcome {
  const run = engine.runThroughView(ir, data, { through: options.through, ...(options.policy ? { policy: options.policy } : {}) });
  if (!run.ok) return run;
  const terminated = new Set(data.partners.filter((p) => p.status === "terminated").map((p) => p.id));
  return { ok: true, disclosure: disclosureOf(ir, summariseRun(ir, run.view), terminated) };
}

/** Mean periods, two decimals (shares use percentOfWhole, as the KPIs and the plan diff do). */
const two = (d: Decimal) => d.toFixed(2);

export function disclosureOf(ir: PlanIR, summary: RunSummary, terminated: ReadonlySet<string>): Disclosure {
  const decimals = moneyDecimals(ir);
  const money = (d: Decimal) => moneyText(d, decimals);
  const groups = new Map<number, { earned: Decimal[]; atRank: number; listed: number; terminated: number }>();
  for (const record of summary.partners.values()) {
    const highest = record.ranks.reduce<number>((max, r) => (r !== null && r > max ? r : max), -1);
    let g = groups.get(highest);
    if (!g) groups.set(highest, (g = { earned: [], atRank: 0, listed: 0, terminated: 0 }));
    g.earned.push(record.earned);
    g.atRank += record.ranks.filter((r) => r === highest).length;
    g.listed += record.periodsListed;
    if (terminated.has(record.id)) g.terminated++;
  }
  const all = summary.partners.size;
  const order = [...groups.keys()].sort((a, b) => b - a);
  const rows = order.map((rank): DisclosureRow => {
    const g = groups.get(rank)!;
    const sorted = [...g.earned].sort((a, b) => a.comparedTo(b));
    const n = sorted.length;
    const total = sorted.reduce((s, d) => s.plus(d), ZERO);
    const [p10, median, p90] = nearestRankPercentiles(sorted, [10, 50, 90]).map(money) as [string, string, string];
    const nothing = sorted.filter((d) => d.lte(0)).length;
    return {
      rank: rank < 0 ? null : ir.ranks[rank]!.name,
      partners: n,
      shareOfPartners: percentOfWhole(new Decimal(n), new Decimal(all)),
      mean: money(total.div(n)),
      median, p10, p90,
      lowest: money(sorted[0]!),
      highest: money(sorted[n - 1]!),
      earnedNothing: nothing,
      earnedNothingShare: percentOfWhole(new Decimal(nothing), new Decimal(n)),
      meanPeriodsAtRank: two(new Decimal(g.atRank).div(n)),
      meanPeriodsListed: two(new Decimal(g.listed).div(n)),
      terminated: g.terminated,
    };
  });
  return { plan: summary.plan, currency: ir.currency, periods: summary.periods, partners: all, rows };
}

const COLUMNS: [keyof DisclosureRow, string][] = [
  ["rank", "rank"], ["partners", "partners"], ["shareOfPartners", "share of partners %"], ["mean", "mean"], ["median", "median"],
  ["p10", "10th percentile"], ["p90", "90th percentile"], ["lowest", "lowest"], ["highest", "highest"],
  ["earnedNothing", "earned nothing"], ["earnedNothingShare", "earned nothing %"], ["meanPeriodsAtRank", "mean periods at rank"],
  ["meanPeriodsListed", "mean periods listed"], ["terminated", "terminated"],
];

/** RFC 4180 CSV, one row per rank group; a header row first. */
export function disclosureCsvLines(d: Disclosure): string[] {
  const cell = (v: string | number | null) => {
    const s = v === null ? "no rank" : String(v);
    return /[",\r\n]/.test(s) || /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [COLUMNS.map(([, h]) => h).join(","), ...d.rows.map((r) => COLUMNS.map(([k]) => cell(r[k])).join(","))];
}

export function formatDisclosure(d: Disclosure): string {
  const out = [
    `income disclosure: ${d.plan}, ${d.periods[0] ?? "-"} to ${d.periods[d.periods.length - 1] ?? "-"}, ${d.partners} partners, earnings in ${d.currency} over the whole span`,
    "(a partner counts at the highest rank it was paid as; every listed partner counts, terminated and part-way joiners included)",
    "",
  ];
  const header = ["rank", "partners", "share", "mean", "median", "p10", "p90", "lowest", "highest", "earned nothing", "periods at rank"];
  const rows = d.rows.map((r) => [
    r.rank ?? "no rank", String(r.partners), `${r.shareOfPartners}%`, r.mean, r.median, r.p10, r.p90, r.lowest, r.highest,
    `${r.earnedNothing} (${r.earnedNothingShare}%)`, `${r.meanPeriodsAtRank} of ${r.meanPeriodsListed}`,
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  for (const r of all) out.push("  " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  return out.join("\n") + "\n";
}
