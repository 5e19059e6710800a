/**
 * Release (semantics §2): when an order is commissionable and which period it counts in.
 *
 * - Commissionable once paid and delivered; commissionable date = latest of date, paid, delivered.
 * - It counts in the period of that date (which is the order's own month whenever the
 *   commissionable date falls in it). No paid or no delivered date: pending, never counted.
 * - A late-canceller hold (§7) moves an order of a flagged buyer, dated on or after the flag
 *   date, to the later of its own counting period and the period of paid + N weeks.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, Order } from "../../core/dataModel.ts";
import { addDays, periodOf } from "../../core/dates.ts";
import { flaggedFrom, lateCancellations, withdrawalDeadline } from "./lateCancellers.ts";

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

function later(a: string, b: string): string {
  return a >= b ? a : b;
}

export function releaseOrders(ir: PlanIR, data: Dataset, orderIndex: Map<string, number>): Release[] {
  const holdWeeks = ir.cancellation.lateCanceller?.holdWeeks ?? null;
  const flags = holdWeeks === null ? new Map<string, string>() : flaggedFrom(lateCancellations(ir, data, orderIndex));
  return data.orders.map((order, orderIndex) => {
    const ownPeriod = periodOf(order.date);
    const deadline = withdrawalDeadline(order, ir.cancellation.withdrawalDays);
    if (order.paid === null || order.delivered === null) {
      return { orderIndex, order, ownPeriod, commissionableDate: null, releaseDate: null, countsIn: null, deadline, hold: null };
    }
    const commissionableDate = later(order.date, later(order.paid, order.delivered));
    const flagDate = flags.get(order.buyer);
    if (holdWeeks !== null && flagDate !== undefined && order.date >= flagDate) {
      const until = addDays(order.paid, holdWeeks * 7);
      const releaseDate = later(commissionableDate, until);
      const countsIn = later(periodOf(commissionableDate), periodOf(until));
      return { orderIndex, order, ownPeriod, commissionableDate, releaseDate, countsIn, deadline, hold: { flaggedFrom: flagDate, until } };
    }
    return { orderIndex, order, ownPeriod, commissionableDate, releaseDate: commissionableDate, countsIn: periodOf(commissionableDate), deadline, hold: null };
  });
}
