/**
 * Equal-rank bonus (Bonus auf Stufengleich, semantics §6), along the walk of the plan's first
 * differential bonus: for each differential earner e with rank(e) >= the minimum rank, the
 * first eligible partner above e whose rank equals rank(e) gets rate · x, once per earner.
 * Lower ranks in between are passed over, inactive partners neither receive nor block, and an
 * eligible higher rank ends the search. The next earner is always an eligible higher rank, so
 * each earner's search ends at the latest where the next earner stands; the top-rate earner's
 * search goes on above the point where the differential itself stopped.
 */
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import type { BonusContext } from "./context.ts";
import { differentialWalk, type DifferentialBonus } from "./differential.ts";
import { nearestFlaggedAbove } from "../pathJumps.ts";

type EqualRankBonus = Extract<PreparedBonus, { kind: "equalrank" }>;

export function equalRankBonus(bonus: EqualRankBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const differential = ctx.plan.bonuses[bonus.differential] as DifferentialBonus;
  const { eligible, rank } = ctx.qualification;
  const { earners } = differentialWalk(differential, portion, ctx.qualification);
  const path = portion.path;
  const above = nearestFlaggedAbove(path.sponsor, eligible);
  for (const earner of earners) {
    if (earner.rank < bonus.minRank) continue;
    // eligible partners only, jumping over the others (pathJumps.ts)
    for (let step = path.nextFlagged(earner.step, earner.partner, eligible, above); step >= 0; ) {
      const p = path.found;
      if (rank[p] === earner.rank) {
        ctx.sink.pay(portion, bonusIndex, bonus, step, p, bonus.rate);
        break;
      }
      if (rank[p]! > earner.rank) break;
      step = path.nextFlagged(step, p, eligible, above);
    }
  }
}
