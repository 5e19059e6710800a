/** What every bonus rule reads: ranks and activity, the structure, and the sink. */
import type { PreparedPlan } from "../plan.ts";
import type { Qualification } from "../qualification.ts";
import type { Structure } from "../structure.ts";
import type { LedgerSink } from "./sink.ts";

/**
 * The ranks and activity a bonus walk pays by: the period's own (qualify), or — for a
 * `previous-rank` clawback — those of the run that paid the cancelled order.
 */
export type Standing = Pick<Qualification, "rank" | "manager" | "eligible">;

export interface BonusContext {
  plan: PreparedPlan;
  structure: Structure;
  qualification: Standing;
  sink: LedgerSink;
}
