/**
 * The rule that produced a ledger entry, in the plan designer's words: which bonus, which level
 * or generation and what it requires, and for clawbacks and transfers what they refer to.
 * One wording for every front end: `comp explain` (live and from the store) and the
 * playground's Explain tab print the same sentence for the same entry.
 */
import type { BonusIR, PlanIR } from "../../core/ir.ts";
import type { LedgerEntry } from "../../core/result.ts";
import { percentText } from "../../core/numbers.ts";

/** A sentence naming the rule that produced an entry. */
export function describeRule(entry: LedgerEntry, ir: PlanIR): string {
  const bonus = ir.bonuses.find((b) => b.name === entry.bonus);
  let rule = bonus ? bonusRule(bonus, entry, ir) : entry.bonus;
  if (entry.transferOf) rule += `, split transfer of ${entry.transferOf}`;
  if (entry.reverses) rule = `${entry.bonus}: reverses ${entry.reverses} (cancellation ${entry.cancellation ?? "?"})`;
  else if (entry.cancellation) rule += `, clawback for cancellation ${entry.cancellation}`;
  if (entry.note) rule += ` — ${entry.note}`;
  return rule;
}

function rankName(ir: PlanIR, index: number | null | undefined): string | null {
  return index === null || index === undefined ? null : (ir.ranks[index]?.name ?? null);
}

function requiresText(ir: PlanIR, index: number | null | undefined): string {
  const rank = rankName(ir, index);
  return rank ? ` (requires ${rank})` : "";
}

function bonusRule(bonus: BonusIR, entry: LedgerEntry, ir: PlanIR): string {
  switch (bonus.kind) {
    case "level": {
      const tier = entry.level === undefined ? undefined : bonus.levels[entry.level - 1];
      return `${bonus.name} level ${entry.level ?? "?"}${requiresText(ir, tier?.requires)}${bonus.compression ? ", compressed" : ""}`;
    }
    case "differential":
      return `${bonus.name}: rank rate minus what the downline already took`;
    case "generation": {
      const tier = entry.generation === undefined ? undefined : bonus.generations[entry.generation - 1];
      return `${bonus.name} generation ${entry.generation ?? "?"} on open volume${requiresText(ir, tier?.requires)}`;
    }
    case "equalrank":
      return `${bonus.name}: first equal rank above a differential earner`;
    case "faststart":
      return `${bonus.name} level ${entry.level ?? "?"} (buyer within ${bonus.withinDays} days of joining)`;
    case "pool":
      return `${bonus.name}: shares of the pool (${percentText(bonus.rate)} of the period's ${ir.measures[bonus.measure]?.name ?? "volume"})`;
    default: {
      const unknown: never = bonus;
      return String(unknown);
    }
  }
}
