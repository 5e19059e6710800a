/** What every bonus rule reads: the period's ranks and activity, the structure, and the sink. */
import type { PreparedPlan } from "../plan.ts";
import type { Qualification } from "../qualification.ts";
import type { Structure } from "../structure.ts";
import type { LedgerSink } from "./sink.ts";

export interface BonusContext {
  plan: PreparedPlan;
  structure: Structure;
  qualification: Qualification;
  sink: LedgerSink;
}
