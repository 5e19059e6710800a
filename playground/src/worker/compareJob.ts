/**
 * The compare view's job: the three cancellation policies side by side (runtime/compare), and
 * the two split modes when the plan splits and the data has agreements to split.
 */
import type { PlanIR } from "../../../core/ir.ts";
import { comparePolicies, compareSplitModes } from "../../../runtime/compare/index.ts";
import type { Dataset } from "../../../core/dataModel.ts";
import type { CompareReply } from "./protocol.ts";

export function compareAll(ir: PlanIR, data: Dataset, through: string, progress: (stage: string) => void): CompareReply {
  progress(`replaying the run under simple, previous-rank and exact through ${through}…`);
  const policies = comparePolicies(ir, data, through);
  const splitsSkipped =
    ir.split === null ? "the plan has no split block" : data.splits.length === 0 ? "the data has no split agreements" : null;
  if (splitsSkipped !== null) return { through, policies, splits: null, splitsSkipped };
  progress(`replaying the run in volume and commission split mode through ${through}…`);
  return { through, policies, splits: compareSplitModes(ir, data, through), splitsSkipped: null };
}
