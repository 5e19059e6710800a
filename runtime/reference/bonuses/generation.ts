/**
 * Generation bonus (Generations-/Managerbonus, semantics §6). The owner p_j of a portion's open
 * volume is the first manager (rank >= breakaway) on its path. Going up from p_j, the 1st
 * manager strictly above is generation 1, the next generation 2, … Managers count by rank alone:
 * an inactive or terminated manager is still a generation but is not paid. Generation g gets
 * rate_g · x if eligible and its rank meets that generation's required rank. No owner, no bonus.
 */
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import type { BonusContext } from "./context.ts";
import { payTier, UNPAID } from "./sink.ts";
import { nearestFlaggedAbove } from "../pathJumps.ts";

type GenerationBonus = Extract<PreparedBonus, { kind: "generation" }>;

export function generationBonus(bonus: GenerationBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { manager } = ctx.qualification;
  const path = portion.path;
  // managers are found by jumping from one to the next (pathJumps.ts), not by stepping
  const above = nearestFlaggedAbove(path.sponsor, manager);
  let step = path.firstFlagged(manager, above);
  if (step < 0) {
    for (const tier of bonus.generations) ctx.sink.unpaid(portion, bonusIndex, bonus, tier.rate, UNPAID.noOwner);
    return;
  }
  let generation = 0;
  for (step = path.nextFlagged(step, path.found, manager, above); step >= 0 && generation < bonus.generations.length; ) {
    const p = path.found;
    generation++;
    payTier(ctx, bonusIndex, bonus, portion, step, p, bonus.generations[generation - 1]!, { generation });
    step = path.nextFlagged(step, p, manager, above);
  }
  for (let missing = generation; missing < bonus.generations.length; missing++) {
    ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.generations[missing]!.rate, UNPAID.fewerManagers);
  }
}
