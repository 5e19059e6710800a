/**
 * The compare view's job: the three cancellation policies side by side (runtime/compare) with
 * their bottom line, and the two split modes when the plan splits and the data has agreements to
 * split. Progress names the replay (policy or mode) and the period.
 */
import { bottomLinesOf, compareSplitModes, comparisonOf, type Dataset, type Engine, type PlanIR, replayPolicies } from "../../../runtime/surface.ts";
import type { CompareReply } from "./protocol.ts";

export type Progress = (stage: string, fraction?: number | null) => void;

export function compareAll(ir: PlanIR, data: Dataset, through: string, progress: Progress, engine: Engine): CompareReply {
  const splitsSkipped =
    ir.split === null ? "the plan has no split block" : data.splits.length === 0 ? "the data has no split agreements" : null;
  // The policy replays are 4 runs; the split modes 2 more.
  const total = splitsSkipped === null ? 6 : 4;
  const replayed = replayPolicies(ir, data, through, (run, i, _runs, period, p, periods) =>
    progress(`comparing: ${run} (replay ${i + 1} of ${total}) · period ${period} (${p + 1} of ${periods})`, (i + p / periods) / total),
    engine,
  );
  const policies = replayed.ok ? { ok: true as const, comparison: comparisonOf(ir, data, through, replayed.runs) } : replayed;
  const bottom = replayed.ok ? bottomLinesOf(ir, data, replayed.runs) : null;
  if (splitsSkipped !== null) return { through, policies, bottom, splits: null, splitsSkipped };
  progress(`comparing: volume and commission split modes (replays 5–6 of ${total}) through ${through}`, 4 / total);
  return { through, policies, bottom, splits: compareSplitModes(ir, data, through, engine), splitsSkipped: null };
}
