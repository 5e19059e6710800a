/**
 * The two hot kernels of a compiled period — ranks and activity per partner, bonus walks per
 * portion — as plan-specialised generated code (compiler/codegen/), cached per plan, or, where
 * `new Function` is refused (a strict Content-Security-Policy), as the interpreter over the same
 * columnar model. The choice is automatic; tests force the interpreter.
 */
import { instantiate, kernelSources } from "../../compiler/codegen/kernels.ts";
import { differentialEarners, interpretedBonusKernel, type BonusKernel } from "./interpretBonuses.ts";
import { interpretedRankKernel } from "./interpretConditions.ts";
import type { PlanTables } from "./planTables.ts";
import { frontlineAtLeast, groupWithLegCap, legsAtLeast, type RankKernel } from "./qualify.ts";
import { amountOf, type WalkContext } from "./walkContext.ts";

/** The bonus walks of portions from..to-1, in ledger order. */
export type BonusRangeKernel = (ctx: WalkContext, from: number, to: number) => void;

export interface Kernels {
  kind: "generated" | "interpreted";
  rank: RankKernel;
  /** The walks of one portion. */
  bonuses: BonusKernel;
  /** The walks of a range of portions: one call per period (the generated loop keeps its locals hot). */
  bonusRange: BonusRangeKernel;
}

const HELPERS = { amountOf, differentialEarners, groupWithLegCap, legsAtLeast, frontlineAtLeast };

const generatedCache = new WeakMap<PlanTables, Kernels | null>();
const interpretedCache = new WeakMap<PlanTables, Kernels>();

function interpreted(tables: PlanTables): Kernels {
  let k = interpretedCache.get(tables);
  if (k === undefined) {
    const bonuses = interpretedBonusKernel(tables);
    const bonusRange: BonusRangeKernel = (ctx, from, to) => {
      for (let i = from; i < to; i++) bonuses(ctx, i);
    };
    k = { kind: "interpreted", rank: interpretedRankKernel(tables), bonuses, bonusRange };
    interpretedCache.set(tables, k);
  }
  return k;
}

function generated(tables: PlanTables): Kernels | null {
  if (!generatedCache.has(tables)) {
    const sources = kernelSources(tables);
    const rank = instantiate<RankKernel>(sources.rank, HELPERS);
    const bonusRange = instantiate<BonusRangeKernel>(sources.bonuses, HELPERS);
    const bonuses: BonusKernel = (ctx, i) => bonusRange?.(ctx, i, i + 1);
    generatedCache.set(tables, rank !== null && bonusRange !== null ? { kind: "generated", rank, bonuses, bonusRange } : null);
  }
  return generatedCache.get(tables)!;
}

export function kernelsFor(tables: PlanTables, forceInterpreter = false): Kernels {
  if (forceInterpreter) return interpreted(tables);
  return generated(tables) ?? interpreted(tables);
}
