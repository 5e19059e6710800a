/**
 * The measure summaries quote payout against ("% of CV"): the measure of the plan's first bonus
 * (CV, BV, ...), or the last declared measure of a plan without bonuses. `comp demo` and the
 * playground's KPI tab use it; diff and disclose weigh bonuses instead (analysis/runSummary.ts
 * `mostPaidMeasure`).
 */
import type { PlanIR } from "../../core/ir.ts";

export function commissionMeasure(ir: PlanIR): string {
  const first = ir.bonuses[0];
  return ir.measures[first ? first.measure : ir.measures.length - 1]?.name ?? "";
}
