/**
 * The two hot kernels of a compiled period — ranks and activity per partner, bonus walks per
 * portion — as plan-specialised generated code (compiler/codegen/), cached per plan tables, or,
 * where `new Function` is refused (a strict Content-Security-Policy), as the interpreter over the
 * same columnar model. The choice is automatic; tests force the interpreter.
 */
import { generatedKernels } from "../../compiler/codegen/kernels.ts";
import { interpretedBonusKernel, type BonusKernel } from "./interpretBonuses.ts";
import { interpretedRankKernel } from "./interpretConditions.ts";
import type { PlanTables } from "./planTables.ts";
import type { RankKernel } from "./qualify.ts";

export interface Kernels {
  kind: "generated" | "interpreted";
  rank: RankKernel;
  bonuses: BonusKernel;
}

const cache = new WeakMap<PlanTables, Kernels>();
const interpreted = new WeakMap<PlanTables, Kernels>();

export function kernelsFor(tables: PlanTables, forceInterpreter = false): Kernels {
  if (forceInterpreter) {
    let k = interpreted.get(tables);
    if (k === undefined) {
      k = { kind: "interpreted", rank: interpretedRankKernel(tables), bonuses: interpretedBonusKernel(tables) };
      interpreted.set(tables, k);
    }
    return k;
  }
  let kernels = cache.get(tables);
  if (kernels === undefined) {
    const generated = generatedKernels(tables);
    kernels = generated ?? { kind: "interpreted", rank: interpretedRankKernel(tables), bonuses: interpretedBonusKernel(tables) };
    cache.set(tables, kernels);
  }
  return kernels;
}
