/**
 * As-of dates of final runs (semantics §2): a final run of period P is dated after the end of P
 * and no earlier than the withdrawal deadline (delivered + withdrawal days) of every order that
 * counts in P. Which orders count in P does not depend on cancellations (a cancellation only
 * reduces an order), so the earliest as-of date is a function of the data and the plan alone.
 */
import { firstDayOf, lastDayOf, nextPeriod } from "../../core/dates.ts";
import { runError, type RunError } from "../../core/runError.ts";
import type { Release } from "../shared/release.ts";

export interface EarliestAsOf {
  asOf: string;
  /** Orders counted in the period whose deadline is after the first day of the next period. */
  blocking: Release[];
}

function byDeadlineThenDocument(a: Release, b: Release): number {
  const da = a.deadline!;
  const db = b.deadline!;
  return da < db ? -1 : da > db ? 1 : a.orderIndex - b.orderIndex;
}

export function earliestAsOfFrom(releases: Release[], period: string): EarliestAsOf {
  const dayAfter = firstDayOf(nextPeriod(period));
  let asOf = dayAfter;
  const blocking: Release[] = [];
  for (const r of releases) {
    if (r.countsIn !== period || r.deadline === null) continue;
    if (r.deadline > dayAfter) blocking.push(r);
    if (r.deadline > asOf) asOf = r.deadline;
  }
  return { asOf, blocking: blocking.sort(byDeadlineThenDocument) };
}

/** Null when a final run of `period` may be dated `asOf`; otherwise the refusal. */
export function finalAsOfProblem(releases: Release[], period: string, asOf: string): RunError | null {
  const last = lastDayOf(period);
  if (asOf <= last) {
    return runError(
      "as-of-too-early",
      `a final run of ${period} must be dated after the end of the period (${last}); as-of ${asOf} is too early`,
      [`earliest allowed as-of date: ${earliestAsOfFrom(releases, period).asOf}`],
    );
  }
  const earliest = earliestAsOfFrom(releases, period);
  if (asOf >= earliest.asOf) return null;
  const blocking = earliest.blocking.filter((r) => r.deadline! > asOf);
  return runError(
    "as-of-too-early",
    `a final run of ${period} as of ${asOf} is refused: ${blocking.length} order${blocking.length === 1 ? "" : "s"} ` +
      `counted in ${period} ${blocking.length === 1 ? "is" : "are"} still inside the withdrawal period; ` +
      `the earliest allowed as-of date is ${earliest.asOf}`,
    [
      ...blocking.map((r) => `order ${r.order.id}: delivered ${r.order.delivered}, withdrawal deadline ${r.deadline}`),
      `earliest allowed as-of date: ${earliest.asOf}`,
    ],
  );
}
