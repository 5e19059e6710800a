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

type LevelBonus = Extract<PreparedBonus, { kind: "level" }>;

export function levelBonus(bonus: LevelBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { eligible } = ctx.qualification;
  let level = 0;
  for (let step = 1; level < bonus.levels.length; step++) {
    const p = portion.path.at(step);
    if (p < 0) break;
    if (bonus.compression && !eligible[p]) continue;
    level++;
    const tier = bonus.levels[level - 1]!;
    payTier(ctx, bonusIndex, bonus, portion, step, p, tier, { level });
  }
  for (let missing = level; missing < bonus.levels.length; missing++) {
    ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.levels[missing]!.rate, UNPAID.pathShorter);
  }
}
