/**
 * Release (semantics §2) over the columnar orders: the period each order counts in (as a month
 * number, year × 12 + month − 1), the day it is released and its withdrawal deadline, as the
 * reference's runtime/reference/release.ts computes them. Depends on the plan's withdrawal and
 * hold rules and the data only, so it is built once per (plan, data) pair.
 */
import type { PlanIR } from "../../core/ir.ts";
import { fromDayNumber, toDayNumber } from "../../core/dates.ts";
import { flaggedFrom, lateCancellations } from "../shared/lateCancellers.ts";
import type { Deferred } from "../../core/result.ts";
import { NO_DAY, type ColumnarData } from "./columnar.ts";

export interface ColumnarRelease {
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

const cache = new WeakMap<PlanIR, WeakMap<ColumnarData, ColumnarRelease>>();

export function releaseOf(ir: PlanIR, columnar: ColumnarData): ColumnarRelease {
  let byData = cache.get(ir);
  if (byData === undefined) {
    byData = new WeakMap();
    cache.set(ir, byData);
  }
  let release = byData.get(columnar);
  if (release === undefined) {
    release = buildRelease(ir, columnar);
    byData.set(columnar, release);
  }
  return release;
}

function buildRelease(ir: PlanIR, c: ColumnarData): ColumnarRelease {
  const m = c.orderCount;
  const holdWeeks = ir.cancellation.lateCanceller?.holdWeeks ?? null;
  const flags = holdWeeks === null ? new Map<string, string>() : flaggedFrom(lateCancellations(ir, c.data, c.orderIndex));
  const withdrawal = ir.cancellation.withdrawalDays;
  const countsIn = new Int32Array(m);
  const ownMonth = new Int32Array(m);
  const releaseDay = new Int32Array(m);
  const deadline = new Int32Array(m);
  const holdFlag = new Int32Array(m).fill(NO_DAY);
  // Month numbers of the few hundred distinct days, computed once.
  const months = new Map<number, number>();
  const month = (day: number): number => {
    let v = months.get(day);
    if (v === undefined) {
      v = monthOfDay(day);
      months.set(day, v);
    }
    return v;
  };
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
  const byMonth = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [mo, n] of counts) {
    byMonth.set(mo, new Int32Array(n));
    fill.set(mo, 0);
  }
  for (let o = 0; o < m; o++) {
    const mo = countsIn[o]!;
    if (mo < 0) continue;
    const at = fill.get(mo)!;
    byMonth.get(mo)![at] = o;
    fill.set(mo, at + 1);
  }
  return { countsIn, ownMonth, releaseDay, deadline, holdFlag, byMonth };
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

/** The earliest as-of day of a final run of a month: the day after it, or the latest deadline of its orders. */
export function earliestAsOfDay(release: ColumnarRelease, month: number): number {
  const year = Math.floor((month + 1) / 12);
  const mo = ((month + 1) % 12) + 1;
  let asOf = toDayNumber(`${String(year).padStart(4, "0")}-${String(mo).padStart(2, "0")}-01`);
  for (const o of release.byMonth.get(month) ?? []) {
    const d = release.deadline[o]!;
    if (d !== NO_DAY && d > asOf) asOf = d;
  }
  return asOf;
}

/** The period's `deferred` list, worded as runtime/reference/deferred.ts words it. */
export function deferredOf(ir: PlanIR, c: ColumnarData, release: ColumnarRelease, month: number, asOfDay: number, final: boolean): Deferred[] {
  const list: Deferred[] = [];
  const period = (mo: number) => (mo < 0 ? null : `${String(Math.floor(mo / 12)).padStart(4, "0")}-${String((mo % 12) + 1).padStart(2, "0")}`);
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
