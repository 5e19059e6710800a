/**
 * Dates near the end of the calendar comp counts with (9999-12-31, the last four-digit year).
 * The runtime derives later dates from the data's — delivered + the withdrawal period, paid +
 * a late canceller's hold, and every period is run as of a day in the month after it — so an
 * order dated 9999-12-31 used to end in "internal error: period outside the years 0001–9999".
 * A date that leaves no room for those is bad data (almost always a placeholder such as
 * 9999-12-31 for "never"), reported here with the latest date this plan can take.
 */
import type { PlanIR } from "../../core/ir.ts";
import { fromDayNumber, toDayNumber } from "../../core/dates.ts";
import type { Dataset, DataProblem } from "../../core/dataModel.ts";
import { formatPath } from "../../core/problemPath.ts";

/** The last day comp can count with. */
export const LAST_DATE = "9999-12-31";

/** Days the plan may add to an order's dates, plus the month a period's run waits for. */
function marginDays(ir: PlanIR): number {
  const hold = ir.cancellation.lateCanceller?.holdWeeks ?? 0;
  return Math.max(ir.cancellation.withdrawalDays, hold * 7) + 31;
}

export function latestDataDate(ir: PlanIR): string {
  return fromDayNumber(toDayNumber(LAST_DATE) - marginDays(ir));
}

export function checkDateHorizon(ir: PlanIR, data: Dataset, problems: DataProblem[]): void {
  const latest = latestDataDate(ir);
  const report = (path: (string | number)[], id: string, date: string) => {
    problems.push({
      path: formatPath(path),
      id,
      message:
        `${date} is too late: comp counts dates up to ${LAST_DATE}, and this plan needs ${marginDays(ir)} days ` +
        `after an order's dates (withdrawal period, hold, the run after the period); the latest date it can take is ${latest}`,
    });
  };
  data.orders.forEach((order, i) => {
    for (const field of ["date", "paid", "delivered"] as const) {
      const date = order[field];
      if (date !== null && date > latest) report(["orders", i, field], order.id, date);
    }
  });
  data.cancellations.forEach((c, i) => {
    if (c.date > latest) report(["cancellations", i, "date"], c.id, c.date);
  });
}
