/** The analysis requests of the playground worker: plan diff and income disclosure. Plain JSON. */
import type { Disclosure, PlanDiff } from "../../../runtime/surface.ts";

export type AnalysisRequest =
  /** The last run's plan (A) against `planText` (B), on the same data, through and policy. */
  | { type: "diffPlans"; planText: string; label: string }
  | { type: "disclose" };

export type DiffReply = { ok: true; label: string; diff: PlanDiff; currency: string } | { ok: false; message: string };
export type DisclosureReply = { ok: true; disclosure: Disclosure } | { ok: false; message: string };

export interface AnalysisReplyOf {
  diffPlans: DiffReply;
  disclose: DisclosureReply;
}
