/**
 * The periods a data set's orders are dated in: where `--through` runs start (every order counts
 * in its own month or later, semantics §2) and the natural last period to run through. One home
 * for the CLI, the playground, the store and both engines.
 */
import type { Dataset } from "./dataModel.ts";
import { periodOf } from "./dates.ts";

/** The first period any order is dated in; null without orders. */
export function firstPeriod(data: Dataset): string | null {
  let first: string | null = null;
  for (const order of data.orders) {
    const p = periodOf(order.date);
    if (first === null || p < first) first = p;
  }
  return first;
}

/** The last period any order is dated in; null without orders. */
export function lastOrderPeriod(data: Dataset): string | null {
  let last: string | null = null;
  for (const order of data.orders) {
    const p = periodOf(order.date);
    if (last === null || p > last) last = p;
  }
  return last;
}
