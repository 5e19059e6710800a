/**
 * Differential bonus (Differenzbonus, semantics §6): paid = 0; for p0, p1, … in order, an
 * eligible p whose rank's rate is above `paid` gets the difference and raises `paid`; the walk
 * stops when `paid` reaches the highest rate. Ineligible partners are passed over, so the total
 * on a portion is the highest eligible rate on the path.
 */
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import { Decimal, ZERO } from "../../../core/decimal.ts";
import type { BonusContext, Standing } from "./context.ts";
import { UNPAID } from "./sink.ts";

export type DifferentialBonus = Extract<PreparedBonus, { kind: "differential" }>;

/** One partner who earned on the differential walk. */
export interface DifferentialEarner {
  step: number;
  partner: number;
  rank: number;
  /** The rate paid to this partner: its rank's rate minus what was paid below. */
  rate: Decimal;
}

export function rateOfRank(bonus: DifferentialBonus, rank: number): Decimal {
  return rank < 0 ? ZERO : bonus.rates[rank]!;
}

/**
 * The earners of the differential walk along a path. It depends only on ranks and activity,
 * never on the portion's volume, so the equal-rank bonus can follow the same walk whatever its
 * own measure.
 */
export function differentialWalk(bonus: DifferentialBonus, portion: Portion, q: Standing): { earners: DifferentialEarner[]; paid: Decimal } {
  const earners: DifferentialEarner[] = [];
  let paid = ZERO;
  for (let step = 0; paid.lt(bonus.topRate); step++) {
    const p = portion.path.at(step);
    if (p < 0) break;
    if (!q.eligible[p]) continue;
    const rate = rateOfRank(bonus, q.rank[p]!);
    if (rate.gt(paid)) {
      earners.push({ step, partner: p, rank: q.rank[p]!, rate: rate.minus(paid) });
      paid = rate;
    }
  }
  return { earners, paid };
}

export function differentialBonus(bonus: DifferentialBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { earners, paid } = differentialWalk(bonus, portion, ctx.qualification);
  for (const e of earners) ctx.sink.pay(portion, bonusIndex, bonus, e.step, e.partner, e.rate);
  ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.topRate.minus(paid), UNPAID.topRateNotReached);
}
