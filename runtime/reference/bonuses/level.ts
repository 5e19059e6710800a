/**
 * Level bonus (Ebenenbonus, semantics §6): p at level L (p0 is level 0) gets rate_L · x if it
 * is eligible and its rank meets the level's required rank. A partner below the required rank
 * still counts as a level (its share is not paid). With compression, inactive partners are
 * skipped and do not count as a level; without it, their share is not paid.
 */
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import type { BonusContext } from "./context.ts";
import { payTier, UNPAID } from "./sink.ts";
import { nearestFlaggedAbove } from "../pathJumps.ts";

type LevelBonus = Extract<PreparedBonus, { kind: "level" }>;

export function levelBonus(bonus: LevelBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { eligible } = ctx.qualification;
  let level = 0;
  const path = portion.path;
  if (bonus.compression) {
    // inactive partners do not count: jump from one eligible partner to the next (pathJumps.ts)
    const above = nearestFlaggedAbove(path.sponsor, eligible);
    for (let step = path.nextFlagged(0, path.at(0), eligible, above); step >= 0 && level < bonus.levels.length; ) {
      const p = path.found;
      level++;
      payTier(ctx, bonusIndex, bonus, portion, step, p, bonus.levels[level - 1]!, { level });
      step = path.nextFlagged(step, p, eligible, above);
    }
  } else {
    for (let step = 1; level < bonus.levels.length; step++) {
      const p = path.at(step);
      if (p < 0) break;
      level++;
      payTier(ctx, bonusIndex, bonus, portion, step, p, bonus.levels[level - 1]!, { level });
    }
  }
  for (let missing = level; missing < bonus.levels.length; missing++) {
    ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.levels[missing]!.rate, UNPAID.pathShorter);
  }
}
