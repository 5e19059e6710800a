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

type GenerationBonus = Extract<PreparedBonus, { kind: "generation" }>;

export function generationBonus(bonus: GenerationBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { manager } = ctx.qualification;
  let step = 0;
  for (; ; step++) {
    const p = portion.path.at(step);
    if (p < 0) {
      for (const tier of bonus.generations) ctx.sink.unpaid(portion, bonusIndex, bonus, tier.rate, UNPAID.noOwner);
      return;
    }
    if (manager[p]) break;
  }
  let generation = 0;
  for (step++; generation < bonus.generations.length; step++) {
    const p = portion.path.at(step);
    if (p < 0) break;
    if (!manager[p]) continue;
    generation++;
    const tier = bonus.generations[generation - 1]!;
    payTier(ctx, bonusIndex, bonus, portion, step, p, tier, { generation });
  }
  for (let missing = generation; missing < bonus.generations.length; missing++) {
    ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.generations[missing]!.rate, UNPAID.fewerManagers);
  }
}
