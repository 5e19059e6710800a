/**
 * Fast-start bonus (semantics §6): only for orders whose buyer is a partner and whose date is
 * at most D days after the buyer joined. Levels count from the buyer (p1 = level 1 on the
 * portion's path, so a partner member's supporter is level 1 of the supporter portion); level L
 * gets rate_L · x if eligible and its rank meets the level's required rank; no compression.
 */
import { daysBetween } from "../../../core/dates.ts";
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import type { BonusContext } from "./context.ts";
import { payTier, UNPAID } from "./sink.ts";

type FastStartBonus = Extract<PreparedBonus, { kind: "faststart" }>;

/**
 * Whether a portion falls in the buyer's fast-start window: the order's date for an order, the
 * cancellation's date for a `simple` or `previous-rank` clawback (semantics §7).
 */
export function isFastStartOrder(bonus: FastStartBonus, portion: Portion, ctx: BonusContext): boolean {
  if (portion.buyerPartner < 0) return false;
  const joined = ctx.structure.partners[portion.buyerPartner]!.joined;
  return daysBetween(joined, portion.ruleDate) <= bonus.withinDays;
}

export function fastStartBonus(bonus: FastStartBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero() || !isFastStartOrder(bonus, portion, ctx)) return;
  for (let level = 1; level <= bonus.levels.length; level++) {
    const tier = bonus.levels[level - 1]!;
    const p = portion.path.at(level);
    if (p < 0) ctx.sink.unpaid(portion, bonusIndex, bonus, tier.rate, UNPAID.pathShorter);
    else payTier(ctx, bonusIndex, bonus, portion, level, p, tier, { level });
  }
}
