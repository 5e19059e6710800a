/**
 * After-run cancellations (semantics §7 "After the run"): a cancellation dated after the as-of
 * date of the final run that commissioned its order is processed in the final run of the
 * period that contains its date, under the plan's policy (or the run's override).
 *
 * This module finds them, measures what they cancel, and builds the clawback portions that
 * `simple` and `previous-rank` run the bonus rules on. What each policy then writes lives in
 * simple (runPeriod: the portions join the period), previousRank.ts and exact.ts.
 */
import type { PlanIR } from "../../../core/ir.ts";
import type { Cancellation, Dataset, Order, SplitAgreement } from "../../../core/dataModel.ts";
import { periodOf } from "../../../core/dates.ts";
import type { Decimal } from "../../../core/decimal.ts";
import { refuse, success, type Outcome } from "../../../core/runError.ts";
import { cancellationsInDateOrder } from "../../shared/lateCancellers.ts";
import { measureValues } from "../../shared/measureValues.ts";
import { portionsOf, type Portion } from "../portions.ts";
import type { Structure } from "../structure.ts";
import { quantitiesBeforeRun, type TakesByOrder } from "./takes.ts";

export interface AfterRunCancellation {
  cancellation: Cancellation;
  order: Order;
  orderIndex: number;
  /** The period whose final run commissioned the order. */
  commissionedIn: string;
  /** That run's as-of date (from the history; the earliest allowed date when it is not there). */
  runAsOf: string;
  /** Processing order in the period (date, then document order), counting from 0. */
  sequence: number;
  /** c: per measure, the quantities this cancellation takes times the line figures. */
  cancelled: Decimal[];
  /** Per measure, the order as its run commissioned it (after the cancellations before that run). */
  commissioned: Decimal[];
}

/** Where an order is commissioned and when earlier runs were dated: what finding after-run cancellations reads. */
export interface AfterRunLookups {
  period: string;
  asOf: string;
  /** The period whose final run commissions the order (by index); null when none does. */
  commissionedIn: (orderIndex: number) => string | null;
  /** The as-of date of an earlier period's final run in the history; undefined when it is not there. */
  historyAsOf: (period: string) => string | undefined;
  earliestAsOf: (period: string) => string;
}

/**
 * Cancellations dated in `period` (and by `asOf`) whose order was commissioned by an earlier
 * period's final run dated before the cancellation, in processing order. Shared by both engines
 * (the compiled one scales `cancelled` and `commissioned` to its integers).
 */
export function afterRunCancellationsOf(
  ir: PlanIR,
  data: Dataset,
  orderIndexOf: Map<string, number>,
  takes: TakesByOrder,
  at: AfterRunLookups,
): Outcome<AfterRunCancellation[]> {
  const found: AfterRunCancellation[] = [];
  const missing: string[] = [];
  for (const cancellation of cancellationsInDateOrder(data)) {
    if (periodOf(cancellation.date) !== at.period || cancellation.date > at.asOf) continue;
    const orderIndex = orderIndexOf.get(cancellation.order)!;
    const commissionedIn = at.commissionedIn(orderIndex);
    if (commissionedIn === null || commissionedIn >= at.period) continue;
    const runAsOf = at.historyAsOf(commissionedIn) ?? at.earliestAsOf(commissionedIn);
    if (cancellation.date <= runAsOf) continue;
    const order = data.orders[orderIndex]!;
    const orderTakes = takes.get(orderIndex) ?? [];
    const take = orderTakes.find((t) => t.cancellation === cancellation)!;
    found.push({
      cancellation,
      order,
      orderIndex,
      commissionedIn,
      runAsOf,
      sequence: found.length,
      cancelled: measureValues(ir, order, take.taken, missing),
      commissioned: measureValues(ir, order, quantitiesBeforeRun(order, orderTakes, runAsOf), missing),
    });
  }
  if (missing.length > 0) return refuse("missing-figure", "order lines lack figures the plan's volume measures sum", missing);
  return success(found);
}

/** "cancellation C1 of order O1 on 2026-11-15: after the 2026-10 run as of 2026-11-08". */
export function describeAfterRun(c: AfterRunCancellation): string {
  return `cancellation ${c.cancellation.id} of order ${c.order.id} on ${c.cancellation.date}: after the ${c.commissionedIn} run as of ${c.runAsOf}`;
}

/**
 * The clawback portions of `simple` and `previous-rank`: volume −c of each cancellation on
 * today's credit paths, split by the agreement in force today (volume mode), with fast start
 * evaluated at the cancellation's date.
 */
export function clawbackPortions(
  ir: PlanIR,
  structure: Structure,
  cancellations: AfterRunCancellation[],
  volumeSplits: Map<string, SplitAgreement>,
): Portion[] {
  return cancellations.flatMap((c) =>
    portionsOf(ir, structure, {
      order: c.order,
      orderIndex: c.orderIndex,
      values: c.cancelled.map((v) => v.neg()),
      agreement: volumeSplits.get(c.order.buyer),
      ruleDate: c.cancellation.date,
      clawback: { cancellation: c.cancellation.id, sequence: c.sequence },
    }),
  );
}
