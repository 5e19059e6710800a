/**
 * The compare view's job: the three cancellation policies side by side, and the two split
 * modes when the plan splits and the data has agreements.
 */
import type { PlanIR } from "../../../compiler/ir.ts";
import type { Dataset } from "../../../runtime/data/model.ts";
import type { CompareReply } from "./protocol.ts";

export function compareAll(ir: PlanIR, data: Dataset, through: string, progress: (stage: string) => void): CompareReply {
  progress(`comparing policies through ${through}…`);
  const splitsSkipped =
    ir.split === null ? "the plan has no split block" : data.splits.length === 0 ? "the data has no split agreements" : null;
  return {
    through,
    policies: {
      ok: false,
      error: { code: "comparison-unavailable", message: "the policy comparison is not part of this build yet", details: [] },
    },
    splits: null,
    splitsSkipped,
  };
}
