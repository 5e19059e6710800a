/**
 * The interpreter's per-portion bonus walks (semantics §6), over the columnar model: level,
 * differential, generation, equal rank and fast start, in declaration order, writing ledger
 * columns in ledger order. Mirrors runtime/reference/bonuses/* rule for rule; the generated code
 * (compiler/codegen/) is the same walks specialised to one plan.
 */
import { REASON } from "./ledgerColumns.ts";
import type { PlanTables, ScaledBonus, ScaledTier } from "./planTables.ts";
import { amountOf, buyerAge, type WalkContext } from "./walkContext.ts";

export type BonusKernel = (ctx: WalkContext, portion: number) => void;

type Walk = (ctx: WalkContext, i: number, x: number) => void;

/** Pay or report one share; mirrors sink.pay / sink.unpaid. */
function payTier(ctx: WalkContext, b: number, mult: number, div: number, i: number, x: number, step: number, p: number, tier: ScaledTier, number: number): void {
  if (tier.rate === 0) return;
  if (!ctx.eligible[p]) unpaid(ctx, b, mult, div, i, x, tier.rate, REASON.inactive);
  else if (tier.requires >= 0 && ctx.rank[p]! < tier.requires) unpaid(ctx, b, mult, div, i, x, tier.rate, REASON.belowRank);
  else pay(ctx, b, mult, div, i, x, step, p, tier.rate, number);
}

function pay(ctx: WalkContext, b: number, mult: number, div: number, i: number, x: number, step: number, p: number, rate: number, number: number): void {
  if (rate === 0) return;
  const amount = amountOf(ctx, x, rate, mult, div);
  if (amount !== 0) ctx.ledger.push(p, b, i, step, number, rate, amount);
}

function unpaid(ctx: WalkContext, b: number, mult: number, div: number, _i: number, x: number, rate: number, reason: number): void {
  if (rate === 0) return;
  const amount = amountOf(ctx, x, rate, mult, div);
  if (amount !== 0) ctx.ledger.unpaid(b, reason, amount);
}

/** The partner at step+1 given the partner at `step` (p1 is stored per portion). */
function up(ctx: WalkContext, i: number, step: number, p: number): number {
  return step === 0 ? ctx.portions.p1[i]! : ctx.sponsor[p]!;
}

/**
 * Earners of a differential walk: [step, partner, rank, rate paid] flattened into `earners`
 * (room for one earner per rank: each earner raises the rate); returns how many numbers it wrote.
 */
export function differentialEarners(ctx: WalkContext, i: number, rates: number[], topRate: number, earners: Float64Array): number {
  let count = 0;
  let paid = 0;
  let p = ctx.portions.p0[i]!;
  for (let step = 0; paid < topRate && p >= 0; p = up(ctx, i, step, p), step++) {
    if (!ctx.eligible[p]) continue;
    const r = ctx.rank[p]!;
    const rate = r < 0 ? 0 : rates[r]!;
    if (rate > paid) {
      earners[count] = step;
      earners[count + 1] = p;
      earners[count + 2] = r;
      earners[count + 3] = rate - paid;
      count += 4;
      paid = rate;
    }
  }
  return count;
}

function walkOf(tables: PlanTables, bonus: ScaledBonus, b: number): Walk | null {
  const mult = tables.amountMultiplier[b]!;
  const div = tables.amountDivisor[b]!;
  switch (bonus.kind) {
    case "level": {
      const { levels, compression } = bonus;
      return (ctx, i, x) => {
        let level = 0;
        let p = ctx.portions.p0[i]!;
        for (let step = 0; level < levels.length; ) {
          p = up(ctx, i, step, p);
          step++;
          if (p < 0) break;
          if (compression && !ctx.eligible[p]) continue;
          level++;
          payTier(ctx, b, mult, div, i, x, step, p, levels[level - 1]!, level);
        }
        for (let missing = level; missing < levels.length; missing++) unpaid(ctx, b, mult, div, i, x, levels[missing]!.rate, REASON.pathShorter);
      };
    }
    case "differential": {
      const { rates, topRate } = bonus;
      const earners = new Float64Array(4 * (rates.length + 1));
      return (ctx, i, x) => {
        const count = differentialEarners(ctx, i, rates, topRate, earners);
        let paid = 0;
        for (let e = 0; e < count; e += 4) {
          pay(ctx, b, mult, div, i, x, earners[e]!, earners[e + 1]!, earners[e + 3]!, 0);
          paid += earners[e + 3]!;
        }
        unpaid(ctx, b, mult, div, i, x, topRate - paid, REASON.topRateNotReached);
      };
    }
    case "generation": {
      const { generations } = bonus;
      return (ctx, i, x) => {
        let step = 0;
        let p = ctx.portions.p0[i]!;
        while (p >= 0 && !ctx.manager[p]) {
          p = up(ctx, i, step, p);
          step++;
        }
        if (p < 0) {
          for (const tier of generations) unpaid(ctx, b, mult, div, i, x, tier.rate, REASON.noOwner);
          return;
        }
        let generation = 0;
        while (generation < generations.length) {
          p = up(ctx, i, step, p);
          step++;
          if (p < 0) break;
          if (!ctx.manager[p]) continue;
          generation++;
          payTier(ctx, b, mult, div, i, x, step, p, generations[generation - 1]!, generation);
        }
        for (let missing = generation; missing < generations.length; missing++) unpaid(ctx, b, mult, div, i, x, generations[missing]!.rate, REASON.fewerManagers);
      };
    }
    case "equalrank": {
      const differential = tables.bonuses[bonus.differential]!;
      if (differential.kind !== "differential") throw new Error("equal rank without a differential bonus");
      const { rate, minRank } = bonus;
      const earners = new Float64Array(4 * (differential.rates.length + 1));
      return (ctx, i, x) => {
        const count = differentialEarners(ctx, i, differential.rates, differential.topRate, earners);
        for (let e = 0; e < count; e += 4) {
          const earnerRank = earners[e + 2]!;
          if (earnerRank < minRank) continue;
          let step = earners[e]!;
          let p = earners[e + 1]!;
          for (;;) {
            p = up(ctx, i, step, p);
            step++;
            if (p < 0) break;
            if (!ctx.eligible[p]) continue;
            if (ctx.rank[p] === earnerRank) {
              pay(ctx, b, mult, div, i, x, step, p, rate, 0);
              break;
            }
            if (ctx.rank[p]! > earnerRank) break;
          }
        }
      };
    }
    case "faststart": {
      const { levels, withinDays } = bonus;
      return (ctx, i, x) => {
        const age = buyerAge(ctx, ctx.portions.order[i]!);
        if (!(age <= withinDays)) return;
        let p = ctx.portions.p0[i]!;
        for (let level = 1; level <= levels.length; level++) {
          p = p < 0 ? -1 : up(ctx, i, level - 1, p);
          const tier = levels[level - 1]!;
          if (p < 0) unpaid(ctx, b, mult, div, i, x, tier.rate, REASON.pathShorter);
          else payTier(ctx, b, mult, div, i, x, level, p, tier, level);
        }
      };
    }
    case "pool":
      return null;
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

export function interpretedBonusKernel(tables: PlanTables): BonusKernel {
  const walks: { measure: number; walk: Walk }[] = [];
  tables.bonuses.forEach((bonus, b) => {
    const walk = walkOf(tables, bonus, b);
    if (walk !== null) walks.push({ measure: bonus.measure, walk });
  });
  return (ctx, i) => {
    for (const { measure, walk } of walks) {
      const x = ctx.portions.x[measure]![i]!;
      if (x !== 0) walk(ctx, i, x);
    }
  };
}
