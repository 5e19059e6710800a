/** `comp diff` as text: the bottom line first, then per bonus, ranks, partners, distribution. */
import type { PlanDiff } from "./diffPlans.ts";
import { visible } from "../explain/visibleText.ts";

function table(cells: string[][], rightAligned: boolean[]): string[] {
  const rows = cells.map((r) => r.map(visible));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => "  " + r.map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd());
}

const signed = (s: string) => (s.startsWith("-") || /^0(\.0+)?$/.test(s) ? s : `+${s}`);

export function formatPlanDiff(d: PlanDiff, currency: string): string {
  const out: string[] = [];
  out.push(`plan A: ${d.a.plan}`, `plan B: ${d.b.plan}`, `periods: ${d.periods[0] ?? "-"} to ${d.periods[d.periods.length - 1] ?? "-"}`, "");
  out.push(...table([
    ["", "A", "B", "B − A"],
    ["total payout", `${d.a.totalPayout} ${currency}`, `${d.b.totalPayout} ${currency}`, `${signed(d.change.totalPayout)} ${currency}`],
    ["% of volume", `${d.a.percentOfVolume}% of ${d.a.measure}`, `${d.b.percentOfVolume}% of ${d.b.measure}`, `${signed(d.change.percentPoints)} points`],
    ["paid out", d.a.paidOut, d.b.paidOut, ""],
  ], [false, true, true, true]));
  out.push("", "per bonus:");
  out.push(...table([["bonus", "kind", "A", "B", "B − A"], ...d.bonuses.map((b) => [b.bonus, b.kind, b.a, b.b, signed(b.change)])], [false, false, true, true, true]));
  const r = d.ranks;
  out.push("", `paid-as ranks in ${r.period} (place on each plan's ladder): ${r.up} up, ${r.down} down, ${r.same} unchanged`);
  const moves = (label: string, list: PlanDiff["ranks"]["movedUp"]) => {
    if (list.length) out.push(`  ${label}: ${list.map((m) => `${visible(m.partner)} (${m.a ?? "no rank"} → ${m.b ?? "no rank"})`).join(", ")}`);
  };
  moves("up", r.movedUp);
  moves("down", r.movedDown);
  const partners = (label: string, list: PlanDiff["gainers"]) => {
    out.push("", `${label}:`);
    if (list.length === 0) out.push("  none");
    else out.push(...table([["partner", "A", "B", "B − A"], ...list.map((p) => [p.partner, p.a, p.b, signed(p.change)])], [false, true, true, true]));
  };
  partners("gain most", d.gainers);
  partners("lose most", d.losers);
  const x = d.distribution;
  out.push("", `per-partner change (${x.partners} partners: ${x.gained} gain, ${x.lost} lose, ${x.unchanged} unchanged):`);
  out.push(`  lowest ${x.percentiles.lowest}, 10th percentile ${x.percentiles.p10}, median ${x.percentiles.median}, 90th percentile ${x.percentiles.p90}, highest ${x.percentiles.highest} ${currency}`);
  out.push(...table(x.bands.map((b) => [b.band, String(b.partners)]), [false, true]));
  return out.join("\n") + "\n";
}
