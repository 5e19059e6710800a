/** The payout bound as text for `comp check` (and any other plain-text consumer). */
import type { PayoutBound } from "./payoutBound.ts";

export function formatPayoutBound(bound: PayoutBound): string {
  const lines = ["payout bound (the most the plan can pay on one order, from the plan alone):"];
  for (const m of bound.measures) {
    if (m.bonuses.length === 0) {
      lines.push(`  ${m.measure}: no bonus pays on it`);
      continue;
    }
    lines.push(`  ${m.measure}: at most ${m.percent} of an order's ${m.measure}`);
    const own = bound.bonuses.filter((b) => b.measure === m.measure);
    const width = Math.max(...own.map((b) => b.bonus.length));
    const pct = Math.max(...own.map((b) => b.percent.length));
    for (const b of own) lines.push(`    ${b.bonus.padEnd(width)}  ${b.percent.padStart(pct)}  ${b.reasoning}`);
  }
  if (bound.splits !== null) lines.push(`  ${bound.splits}`);
  lines.push(`  ${bound.rounding.sentence}`);
  if (bound.target !== null) {
    lines.push(bound.target.exceeded
      ? `  payout target ${bound.target.percent}: exceeded (see the warning above)`
      : `  payout target ${bound.target.percent}: the bound stays within it`);
  }
  return lines.join("\n") + "\n";
}
