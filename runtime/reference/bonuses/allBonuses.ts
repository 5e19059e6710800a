/**
 * Runs every bonus of the plan: per portion in ledger order (order, portion, bonus declaration
 * order), then the pools, which work on the period's totals rather than on a portion. A
 * `previous-rank` clawback runs the per-portion part alone, with the original run's standing.
 */
import type { Decimal } from "../../../core/decimal.ts";
import type { Portion } from "../portions.ts";
import type { BonusContext } from "./context.ts";
import { differentialBonus } from "./differential.ts";
import { equalRankBonus } from "./equalRank.ts";
import { fastStartBonus } from "./fastStart.ts";
import { generationBonus } from "./generation.ts";
import { levelBonus } from "./level.ts";
import { poolBonus } from "./pool.ts";

export function runAllBonuses(portions: Portion[], measureTotals: Decimal[], ctx: BonusContext): void {
  for (const portion of portions) runOrderBonuses(portion, ctx);
  runPoolBonuses(measureTotals, ctx);
}

/** Every bonus of the plan that is paid per portion (all but the pools), in declaration order. */
export function runOrderBonuses(portion: Portion, ctx: BonusContext): void {
  ctx.plan.bonuses.forEach((bonus, i) => {
    switch (bonus.kind) {
      case "level":
        return levelBonus(bonus, i, portion, ctx);
      case "differential":
        return differentialBonus(bonus, i, portion, ctx);
      case "generation":
        return generationBonus(bonus, i, portion, ctx);
      case "equalrank":
        return equalRankBonus(bonus, i, portion, ctx);
      case "faststart":
        return fastStartBonus(bonus, i, portion, ctx);
      case "pool":
        return; // paid once per period (runPoolBonuses)
      default: {
        const never: never = bonus;
        throw new Error(`unknown bonus ${JSON.stringify(never)}`);
      }
    }
  });
}

/** The pools, paid once per period on the period's measure totals. */
export function runPoolBonuses(measureTotals: Decimal[], ctx: BonusContext): void {
  ctx.plan.bonuses.forEach((bonus, i) => {
    if (bonus.kind === "pool") poolBonus(bonus, i, measureTotals, ctx);
  });
}
