/**
 * Release (semantics §2) for the compiled runtime: the columns of runtime/shared/releaseDays.ts
 * (the one release implementation, which the reference reads through runtime/shared/release.ts),
 * built once per (plan, data) pair from the columnar model's day numbers, and what the compiled
 * periods derive from them (first period, earliest final as-of day, the `deferred` list).
 */
import type { PlanIR } from "../../core/ir.ts";
import { fromDayNumber, toDayNumber } from "../../core/dates.ts";
import type { Deferred } from "../../core/result.ts";
import { NO_DAY, periodOfMonth, releaseDays, type ReleaseDays } from "../shared/releaseDays.ts";
import type { ColumnarData } from "./columnar.ts";
import { keptIn } from "./keptIn.ts";

export { monthOfDay, monthOfPeriod } from "../shared/releaseDays.ts";
export type ColumnarRelease = ReleaseDays;

const cache = new WeakMap<PlanIR, WeakMap<ColumnarData, ColumnarRelease>>();

export function releaseOf(ir: PlanIR, columnar: ColumnarData): ColumnarRelease {
  const byData = keptIn(cache, ir, () => new WeakMap<ColumnarData, ColumnarRelease>());
  return keptIn(byData, columnar, () => releaseDays(ir, columnar));
}

const firstPeriods = new WeakMap<ColumnarData, string | null>();

/** The period of the earliest order date (the reference's firstPeriod, from day numbers); null without orders. */
export function firstPeriodOf(c: ColumnarData): string | null {
  let first = firstPeriods.get(c);
  if (first === undefined) {
    let min = Infinity;
    for (let o = 0; o < c.orderCount; o++) if (c.dateDay[o]! < min) min = c.dateDay[o]!;
    first = min === Infinity ? null : fromDayNumber(min).slice(0, 7);
    firstPeriods.set(c, first);
  }
  return first;
}

const earliestAsOfDays = new WeakMap<ColumnarRelease, Map<number, number>>();

/**
 * The earliest as-of day of a final run of a month: the day after it, or the latest deadline of
 * its orders. Kept per release and month (a release never changes): every run asks for it twice
 * per period, and at 1M partners each answer read 1.7M deadlines.
 */
export function earliestAsOfDay(release: ColumnarRelease, month: number): number {
  const byMonth = keptIn(earliestAsOfDays, release, () => new Map<number, number>());
  let asOf = byMonth.get(month);
  if (asOf === undefined) {
    asOf = toDayNumber(`${periodOfMonth(month + 1)}-01`);
    const orders = release.byMonth.get(month) ?? new Int32Array(0);
    for (let j = 0; j < orders.length; j++) {
      const d = release.deadline[orders[j]!]!;
      if (d !== NO_DAY && d > asOf) asOf = d;
    }
    byMonth.set(month, asOf);
  }
  return asOf;
}

/** The period's `deferred` list, worded as runtime/reference/deferred.ts words it. */
export function deferredOf(ir: PlanIR, c: ColumnarData, release: ColumnarRelease, month: number, asOfDay: number, final: boolean): Deferred[] {
  const list: Deferred[] = [];
  const period = (mo: number) => (mo < 0 ? null : periodOfMonth(mo));
  const holdWeeks = ir.cancellation.lateCanceller?.holdWeeks ?? 0;
  for (let o = 0; o < c.orderCount; o++) {
    const counts = release.countsIn[o]!;
    if (release.ownMonth[o] === month && counts !== month) {
      list.push({ order: c.data.orders[o]!.id, countsIn: period(counts), reason: reasonOf(c, release, o, holdWeeks) });
    } else if (!final && counts === month && release.releaseDay[o]! > asOfDay) {
      const releaseDate = fromDayNumber(release.releaseDay[o]!);
      list.push({
        order: c.data.orders[o]!.id,
        countsIn: period(counts),
        reason: `commissionable on ${releaseDate}, after this preliminary run's as-of date ${fromDayNumber(asOfDay)}`,
      });
    }
  }
  return list;
}

function reasonOf(c: ColumnarData, release: ColumnarRelease, o: number, holdWeeks: number): string {
  const { paid, delivered } = c.data.orders[o]!;
  if (paid === null && delivered === null) return "pending: not paid and not delivered";
  if (paid === null) return "pending: not paid";
  if (delivered === null) return "pending: not delivered";
  const commissionable = Math.max(c.dateDay[o]!, c.paidDay[o]!, c.deliveredDay[o]!);
  const flag = release.holdFlag[o]!;
  if (flag !== NO_DAY) {
    const until = c.paidDay[o]! + holdWeeks * 7;
    if (until === release.releaseDay[o] && until > commissionable) {
      return `held: the buyer is flagged as a late canceller from ${fromDayNumber(flag)}; held until ${fromDayNumber(until)} (payment on ${paid} plus the hold)`;
    }
  }
  return `commissionable on ${fromDayNumber(commissionable)} (paid ${paid}, delivered ${delivered})`;
}
