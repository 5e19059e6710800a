/**
 * Code generation for the compiled runtime's kernels. Filled in below; returns null when the
 * environment refuses `new Function`.
 */
import type { BonusKernel } from "../../runtime/compiled/interpretBonuses.ts";
import type { PlanTables } from "../../runtime/compiled/planTables.ts";
import type { RankKernel } from "../../runtime/compiled/qualify.ts";

export function generatedKernels(_tables: PlanTables): { kind: "generated"; rank: RankKernel; bonuses: BonusKernel } | null {
  return null;
}
