/**
 * Release (semantics §2), the one implementation both engines use: for each order, the month it
 * counts in, the day it is released and its withdrawal deadline, on day numbers.
 *
 * - Commissionable once paid and delivered; the commissionable day is the latest of date, paid
 *   and delivered. It counts in the month of that day. No paid or no delivered day: pending.
 * - A late-canceller hold (§7) moves an order of a flagged buyer, dated on or after the flag day,
 *   to the later of its own counting month and the month of paid + N weeks.
 *
 * The compiled runtime reads these columns directly (runtime/compiled/release.ts); the reference
 * reads them through runtime/shared/release.ts, which turns them back into date strings. Day
 * numbers rather than strings because comparing and adding them is what the compiled runtime's
 * per-order loops need; a date string converts to a day number and back exactly.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { fromDayNumber, toDayNumber } from "../../core/dates.ts";
import { flaggedFrom, lateCancellations } from "./lateCancellers.ts";

/** No date (an order not paid or not delivered yet). */
export const NO_DAY = -2147483648;

/** The orders' dates as day numbers (NO_DAY for a missing paid or delivered date), in document order. */
export interface OrderDays {
  data: Dataset;
  orderIndex: Map<string, number>;
  orderCount: number;
  dateDay: Int32Array;
  paidDay: Int32Array;
  deliveredDay: Int32Array;
}

export interface ReleaseDays {
  /** Month number the order counts in; -1 = pending. */
  countsIn: Int32Array;
  ownMonth: Int32Array;
  releaseDay: Int32Array;
  /** delivered + withdrawal days; NO_DAY when not delivered. */
  deadline: Int32Array;
  /** Day the buyer is flagged from when a hold applies to the order; NO_DAY otherwise. */
  holdFlag: Int32Array;
  /** Orders by the month they count in (ascending document order within a month). */
  byMonth: Map<number, Int32Array>;
}

/** Month number of a day number: year × 12 + month − 1. */
export function monthOfDay(day: number): number {
  const text = fromDayNumber(day);
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
}

export function monthOfPeriod(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** The period ("YYYY-MM") of a month number. */
export function periodOfMonth(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}`;
}

/**
 * `convert` remembered per argument: dates and months repeat a lot (a few hundred distinct days
 * among millions of orders), so each is converted once.
 */
export function remembered<K, V>(convert: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = convert(key);
      seen.set(key, value);
    }
    return value;
  };
}

/** The release of every order: depends on the plan's withdrawal and hold rules and the data only. */
export function releaseDays(ir: PlanIR, c: OrderDays): ReleaseDays {
  const m = c.orderCount;
  const holdWeeks = ir.cancellation.lateCanceller?.holdWeeks ?? null;
  const flags = holdWeeks === null ? new Map<string, string>() : flaggedFrom(lateCancellations(ir, c.data, c.orderIndex));
  const withdrawal = ir.cancellation.withdrawalDays;
  const countsIn = new Int32Array(m);
  const ownMonth = new Int32Array(m);
  const releaseDay = new Int32Array(m);
  const deadline = new Int32Array(m);
  const holdFlag = new Int32Array(m).fill(NO_DAY);
  const month = remembered(monthOfDay);
  const counts = new Map<number, number>();
  for (let o = 0; o < m; o++) {
    const date = c.dateDay[o]!;
    const paid = c.paidDay[o]!;
    const delivered = c.deliveredDay[o]!;
    ownMonth[o] = month(date);
    deadline[o] = delivered === NO_DAY ? NO_DAY : delivered + withdrawal;
    if (paid === NO_DAY || delivered === NO_DAY) {
      countsIn[o] = -1;
      releaseDay[o] = NO_DAY;
      continue;
    }
    const commissionable = Math.max(date, paid, delivered);
    let released = commissionable;
    let counts0 = month(commissionable);
    if (holdWeeks !== null && flags.size > 0) {
      const flag = flags.get(c.data.orders[o]!.buyer);
      if (flag !== undefined) {
        const flagDay = toDayNumber(flag);
        if (date >= flagDay) {
          const until = paid + holdWeeks * 7;
          released = Math.max(commissionable, until);
          counts0 = Math.max(counts0, month(until));
          holdFlag[o] = flagDay;
        }
      }
    }
    countsIn[o] = counts0;
    releaseDay[o] = released;
    counts.set(counts0, (counts.get(counts0) ?? 0) + 1);
  }
  return { countsIn, ownMonth, releaseDay, deadline, holdFlag, byMonth: ordersByMonth(countsIn, counts) };
}

function ordersByMonth(countsIn: Int32Array, counts: Map<number, number>): Map<number, Int32Array> {
  const byMonth = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [mo, n] of counts) {
    byMonth.set(mo, new Int32Array(n));
    fill.set(mo, 0);
  }
  for (let o = 0; o < countsIn.length; o++) {
    const mo = countsIn[o]!;
    if (mo < 0) continue;
    const at = fill.get(mo)!;
    byMonth.get(mo)![at] = o;
    fill.set(mo, at + 1);
  }
  return byMonth;
}
