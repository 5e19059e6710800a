/**
 * After-run cancellations (semantics §7 "After the run"): a cancellation dated after the as-of
 * date of the final run that commissioned its order is processed in the final run of the
 * period that contains its date, under the plan's policy.
 *
 * This module finds them (that part is complete) and is the seam where their effects enter a
 * period. Processing them under `simple`, `previous-rank` and `exact` is phase 2; until then a
 * run that meets one refuses with a clear error rather than paying money that should have been
 * clawed back — unless the caller asks to ignore them (`ignoreAfterRunCancellations`, a run
 * "without the after-run cancellations" for comparisons).
 */
import type { Policy } from "../../compiler/ir.ts";
import type { Cancellation, Dataset, Order } from "../data/model.ts";
import { periodOf } from "../dates.ts";
import type { PeriodResult, Unrecovered } from "../result.ts";
import type { EntryDraft } from "./bonuses/sink.ts";
import { refuse, success, type Outcome } from "./errors.ts";
import type { Release } from "./release.ts";
import type { Structure } from "./structure.ts";

export interface AfterRunCancellation {
  cancellation: Cancellation;
  order: Order;
  /** The period whose final run commissioned the order. */
  commissionedIn: string;
  /** That run's as-of date (from the history; the earliest allowed date when it is not there). */
  runAsOf: string;
}

/**
 * Cancellations dated in `period` (and by `asOf`) whose order was commissioned by an earlier
 * period's final run dated before the cancellation.
 */
export function afterRunCancellationsOf(
  data: Dataset,
  structure: Structure,
  releases: Release[],
  period: string,
  asOf: string,
  history: PeriodResult[],
  earliestAsOf: (period: string) => string,
): AfterRunCancellation[] {
  const found: AfterRunCancellation[] = [];
  for (const cancellation of data.cancellations) {
    if (periodOf(cancellation.date) !== period || cancellation.date > asOf) continue;
    const release = releases[structure.orderIndex.get(cancellation.order)!]!;
    const commissionedIn = release.countsIn;
    if (commissionedIn === null || commissionedIn >= period) continue;
    const runAsOf = history.find((h) => h.period === commissionedIn)?.asOf ?? earliestAsOf(commissionedIn);
    if (cancellation.date > runAsOf) found.push({ cancellation, order: release.order, commissionedIn, runAsOf });
  }
  return found;
}

export interface AfterRunEffects {
  /** Clawback entries to add to the period's ledger. */
  entries: EntryDraft[];
  /** Clawbacks charged to partners terminated since (company loss). */
  unrecovered: Unrecovered[];
}

export interface AfterRunSettings {
  policy: Policy;
  ignore: boolean;
}

/**
 * The seam for phase 2: the effects of the period's after-run cancellations. The history is
 * what the policies work from (the original entries to reverse under `exact`, the original
 * ranks and activity under `previous-rank`).
 */
export function processAfterRunCancellations(
  cancellations: AfterRunCancellation[],
  _history: PeriodResult[],
  settings: AfterRunSettings,
): Outcome<AfterRunEffects> {
  if (cancellations.length === 0 || settings.ignore) return success({ entries: [], unrecovered: [] });
  return refuse(
    "after-run-cancellations-unsupported",
    `${cancellations.length} cancellation${cancellations.length === 1 ? "" : "s"} in this period came after the run that ` +
      `commissioned the order; their clawbacks under the \`${settings.policy}\` policy are not implemented yet ` +
      `(the run option \`ignoreAfterRunCancellations\` computes the period without them)`,
    cancellations.map(
      (c) =>
        `cancellation ${c.cancellation.id} of order ${c.order.id} on ${c.cancellation.date}: ` +
        `after the ${c.commissionedIn} run as of ${c.runAsOf}`,
    ),
  );
}
