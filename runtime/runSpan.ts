/**
 * How many periods one run may cover, and the last period comp can run. Every engine checks a
 * run's span here before computing anything, so a typo'd year (an order dated 0001-10-05, or
 * `--through 9999-11`) is a refusal that says what to fix instead of hours of empty periods.
 *
 * 1,200 periods = 100 years of monthly periods: far beyond any company's history (a run carries
 * every period's statements, so even this many is a large result), yet small enough to finish.
 */
import { comparePeriods } from "../core/dates.ts";
import type { Dataset } from "../core/dataModel.ts";
import { runError, type RunError } from "../core/runError.ts";

export const MAX_RUN_PERIODS = 1200;
/** A period's run is dated in the month after it, and 9999-12-31 is the last day comp counts. */
export const LAST_RUN_PERIOD = "9999-11";

/** The order dated earliest (document order on a tie); undefined without orders. */
function earliestOrder(data: Dataset): { id: string; date: string } | undefined {
  let first: { id: string; date: string } | undefined;
  for (const o of data.orders) if (first === undefined || o.date < first.date) first = { id: o.id, date: o.date };
  return first;
}

/** null when `first` through `through` can be run; else the refusal, naming the earliest order. */
export function checkRunSpan(data: Dataset, first: string, through: string): RunError | null {
  if (through > LAST_RUN_PERIOD) {
    return runError("period-out-of-range", `comp runs periods up to ${LAST_RUN_PERIOD} (its run is dated in the next month, and ${LAST_RUN_PERIOD.slice(0, 4)}-12-31 is the last day comp counts); got ${through}`);
  }
  const count = comparePeriods(through, first) + 1;
  if (count <= MAX_RUN_PERIODS) return null;
  const earliest = earliestOrder(data);
  return runError(
    "too-many-periods",
    `${first} through ${through} is ${count.toLocaleString("en-US")} periods; one run covers at most ` +
      `${MAX_RUN_PERIODS.toLocaleString("en-US")} (100 years of months)`,
    [
      ...(earliest ? [`the earliest order is ${earliest.id}, dated ${earliest.date}: is its year right?`] : []),
      `or run through an earlier period (at most ${MAX_RUN_PERIODS} periods from ${first})`,
    ],
  );
}
