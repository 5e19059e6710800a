/**
 * `previous-rank` (Komplexere Lösung, semantics §7): the clawback is what the bonus rules give
 * for a portion of volume −c on today's credit paths (today's split agreements), paid by the
 * ranks AND the activity of the run that paid the order. The period's volumes and ranks are
 * untouched; the pool base is lowered by c (runPeriod does that); fast start is evaluated at the
 * cancellation's date (the clawback portion carries it).
 */
import type { PlanIR } from "../../../core/ir.ts";
import { runOrderBonuses } from "../bonuses/allBonuses.ts";
import type { Standing } from "../bonuses/context.ts";
import type { LedgerSink } from "../bonuses/sink.ts";
import { success, type Outcome } from "../../../core/runError.ts";
import type { PreparedPlan } from "../plan.ts";
import type { Portion } from "../portions.ts";
import type { Structure } from "../structure.ts";
import type { AfterRunCancellation } from "./afterRun.ts";
import type { OriginalRuns } from "./history.ts";

/**
 * Writes the clawback entries of the portions to the sink and returns the standing each
 * cancellation (by sequence) was clawed back with — a commission-mode transfer of a clawback
 * asks the same standing whether the supporter was eligible.
 */
export function previousRankClawbacks(
  ir: PlanIR,
  plan: PreparedPlan,
  structure: Structure,
  portions: Portion[],
  cancellations: AfterRunCancellation[],
  runs: OriginalRuns,
  sink: LedgerSink,
): Outcome<Map<number, Standing>> {
  const bySequence = new Map<number, Standing>();
  for (const c of cancellations) {
    const read = runs.get(c.commissionedIn)!.standingFor(ir, structure);
    if (!read.ok) return read;
    bySequence.set(c.sequence, read.value);
  }
  for (const portion of portions) {
    const standing = bySequence.get(portion.clawback!.sequence)!;
    runOrderBonuses(portion, { plan, structure, qualification: standing, sink });
  }
  return success(bySequence);
}
