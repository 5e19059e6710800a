/**
 * Late cancellers (semantics §7 "Late cancellers"). A cancellation dated after its order's
 * withdrawal deadline (delivered + withdrawal days) flags the order's buyer from the
 * cancellation's date. Whether a cancellation is late depends only on the data (dates and the
 * plan's withdrawal period), not on any run, so flags and holds are computed from the data alone.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Cancellation, Dataset, Order } from "../../core/dataModel.ts";
import { addDays, periodOf } from "../../core/dates.ts";
import type { Flag } from "../../core/result.ts";

export interface LateCancellation {
  cancellation: Cancellation;
  order: Order;
  /** The order's withdrawal deadline the cancellation came after. */
  deadline: string;
}

/** Cancellations sorted by date, then document order: the order in which they take quantity. */
export function cancellationsInDateOrder(data: Dataset): Cancellation[] {
  return data.cancellations
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i))
    .map((x) => x.c);
}

/** The withdrawal deadline of an order; null while it is not delivered (nothing runs yet). */
export function withdrawalDeadline(order: Order, withdrawalDays: number): string | null {
  return order.delivered === null ? null : addDays(order.delivered, withdrawalDays);
}

/** Every late cancellation, in date order (then document order). */
export function lateCancellations(ir: PlanIR, data: Dataset, orderIndex: Map<string, number>): LateCancellation[] {
  const late: LateCancellation[] = [];
  for (const cancellation of cancellationsInDateOrder(data)) {
    const index = orderIndex.get(cancellation.order);
    if (index === undefined) continue; // unknown order: refused by the structure checks
    const order = data.orders[index]!;
    const deadline = withdrawalDeadline(order, ir.cancellation.withdrawalDays);
    if (deadline !== null && cancellation.date > deadline) late.push({ cancellation, order, deadline });
  }
  return late;
}

/** Buyer id -> the earliest date the buyer is flagged from. */
export function flaggedFrom(late: LateCancellation[]): Map<string, string> {
  const from = new Map<string, string>();
  for (const l of late) {
    const current = from.get(l.order.buyer);
    if (current === undefined || l.cancellation.date < current) from.set(l.order.buyer, l.cancellation.date);
  }
  return from;
}

/**
 * The flags listed in a period: late cancellations dated in the period and known by the as-of
 * date (a final run's as-of is after the period, so that is all of them).
 */
export function flagsOf(ir: PlanIR, late: LateCancellation[], period: string, asOf: string): Flag[] {
  const rule = ir.cancellation.lateCanceller;
  return late
    .filter((l) => periodOf(l.cancellation.date) === period && l.cancellation.date <= asOf)
    .map((l) => {
      const flag: Flag = {
        buyer: l.order.buyer,
        from: l.cancellation.date,
        cancellation: l.cancellation.id,
        order: l.order.id,
        reason: `cancellation ${l.cancellation.id} of order ${l.order.id} on ${l.cancellation.date} came after the withdrawal deadline ${l.deadline}`,
      };
      if (rule !== null) flag.hold = { weeks: rule.holdWeeks ?? 0, prepaymentOnly: rule.prepaymentOnly };
      return flag;
    });
}
