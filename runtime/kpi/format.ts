/**
 * formatKpiTable: the KPIs as plain-text tables for a terminal (fixed-width columns, numbers
 * right-aligned, ASCII only so it survives any console and log file).
 */
import type { PlanKpis } from "./types.ts";

type Align = "left" | "right";

function table(headers: string[], rows: string[][], align: Align[], indent = "  "): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const cell = (text: string, c: number): string =>
    align[c] === "right" ? text.padStart(widths[c] ?? 0) : text.padEnd(widths[c] ?? 0);
  const line = (cells: string[]): string => indent + cells.map(cell).join("  ").trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n") + "\n";
}

function percent(text: string): string {
  return text === "n/a" ? "n/a" : `${text}%`;
}

function periodsLabel(periods: readonly string[]): string {
  if (periods.length === 0) return "none (the period is not in the result)";
  if (periods.length === 1) return periods[0] ?? "";
  return `${periods[0]} .. ${periods[periods.length - 1]} (${periods.length} periods)`;
}

export function formatKpiTable(k: PlanKpis): string {
  let out = `Periods: ${periodsLabel(k.periods)}\n`;
  out += table(
    ["figure", "value", "% of CV"],
    [
      ["total CV", k.totalCv, ""],
      ["total payout (ledger)", k.totalPayout, percent(k.payoutPercentOfCv)],
      ["paid out (statements)", k.paidOut, ""],
      ["partners", String(k.partnersCount), ""],
      ["partners who earned", String(k.earnersCount), ""],
    ],
    ["left", "right", "right"],
  );
  out += "\nPayout per bonus\n";
  out += k.perBonus.length === 0
    ? "  (no ledger entries)\n"
    : table(["bonus", "kind", "amount", "% of CV"], k.perBonus.map((b) => [b.bonus, b.kind, b.amount, percent(b.percentOfCv)]), ["left", "left", "right", "right"]);
  out += "\nRank distribution (highest paid-as rank)\n";
  out += table(["rank", "partners"], k.rankDistribution.map((r) => [r.rank ?? "(no rank)", String(r.count)]), ["left", "right"]);
  out += "\nEarnings per partner (nearest-rank percentiles)\n";
  out += table(
    k.earnings.map((e) => (e.percentile === 100 ? "max" : `p${e.percentile}`)),
    [k.earnings.map((e) => e.amount)],
    k.earnings.map(() => "right"),
  );
  return out;
}
