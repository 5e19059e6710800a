/**
 * Release (semantics §2) as the reference evaluator reads it: one `Release` per order, on date
 * strings. The rule itself is computed once, on day numbers, by runtime/shared/releaseDays.ts —
 * the same function the compiled runtime uses — and this module only converts the dates in and
 * the answers out (a valid date converts to a day number and back exactly).
 *
 * - Commissionable once paid and delivered; commissionable date = latest of date, paid, delivered.
 * - It counts in the period of that date. No paid or no delivered date: pending, never counted.
 * - A late-canceller hold (§7) moves an order of a flagged buyer, dated on or after the flag
 *   date, to the later of its own counting period and the period of paid + N weeks.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, Order } from "../../core/dataModel.ts";
import { fromDayNumber, periodOf, toDayNumber } from "../../core/dates.ts";
import { NO_DAY, periodOfMonth, releaseDays, remembered, type OrderDays } from "./releaseDays.ts";

export interface Release {
  orderIndex: number;
  order: Order;
  /** The period of the order's own date. */
  ownPeriod: string;
  /** Latest of date, paid and delivered; null while pending. */
  commissionableDate: string | null;
  /** The day the order can first be counted: the commissionable date or the end of a hold. */
  releaseDate: string | null;
  /** The period the order counts in; null = pending. */
  countsIn: string | null;
  /** delivered + withdrawal days: a final run of `countsIn` may not be earlier. */
  deadline: string | null;
  /** Set when a late-canceller hold applies to the order. */
  hold: { flaggedFrom: string; until: string } | null;
}

/** The orders' dates as day numbers (also what the policy comparison reads release from). */
export function orderDays(data: Dataset, orderIndex: Map<string, number>): OrderDays {
  const m = data.orders.length;
  const known = remembered(toDayNumber);
  const day = (date: string | null): number => (date === null ? NO_DAY : known(date));
  const dateDay = new Int32Array(m);
  const paidDay = new Int32Array(m);
  const deliveredDay = new Int32Array(m);
  data.orders.forEach((order, o) => {
    dateDay[o] = day(order.date);
    paidDay[o] = day(order.paid);
    deliveredDay[o] = day(order.delivered);
  });
  return { data, orderIndex, orderCount: m, dateDay, paidDay, deliveredDay };
}

export function releaseOrders(ir: PlanIR, data: Dataset, orderIndex: Map<string, number>): Release[] {
  const days = orderDays(data, orderIndex);
  const release = releaseDays(ir, days);
  const holdDays = (ir.cancellation.lateCanceller?.holdWeeks ?? 0) * 7;
  const date = remembered(fromDayNumber);
  return data.orders.map((order, orderIndex) => {
    const ownPeriod = periodOf(order.date);
    const deadlineDay = release.deadline[orderIndex]!;
    const deadline = deadlineDay === NO_DAY ? null : date(deadlineDay);
    const countsIn = release.countsIn[orderIndex]!;
    if (countsIn < 0) {
      return { orderIndex, order, ownPeriod, commissionableDate: null, releaseDate: null, countsIn: null, deadline, hold: null };
    }
    const commissionableDate = date(Math.max(days.dateDay[orderIndex]!, days.paidDay[orderIndex]!, days.deliveredDay[orderIndex]!));
    const flag = release.holdFlag[orderIndex]!;
    const hold = flag === NO_DAY ? null : { flaggedFrom: date(flag), until: date(days.paidDay[orderIndex]! + holdDays) };
    return { orderIndex, order, ownPeriod, commissionableDate, releaseDate: date(release.releaseDay[orderIndex]!), countsIn: periodOfMonth(countsIn), deadline, hold };
  });
}
