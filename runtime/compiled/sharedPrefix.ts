/**
 * Periods shared between runs that differ only in what they do with after-run cancellations
 * (the policy, or leaving them out): the four replays of a policy comparison. Until the first
 * period that has after-run cancellations, such runs compute the very same periods (a period's
 * result depends on the policy only through the after-run cancellations it or an earlier period
 * processes), so the compiled engine keeps the last run's leading cancellation-free periods per
 * (plan, data) and the next run with the same split mode and the same as-of dates takes them
 * instead of computing them again. A period's columns are never changed once computed.
 */
import type { Dataset } from "../../core/dataModel.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { ColumnarPeriod } from "./period.ts";

interface Prefix {
  splitMode: string;
  interpreted: boolean;
  periods: ColumnarPeriod[];
}

const slots = new WeakMap<Dataset, WeakMap<PlanIR, Prefix>>();
/** The prefix a remembered period went into (releasing it forgets it there). */
const prefixOf = new WeakMap<ColumnarPeriod, Prefix>();

export interface PrefixKey {
  ir: PlanIR;
  data: Dataset;
  splitMode: string;
  interpreted: boolean;
}

/** The computed period at `index` of the shared prefix, when it is the same period with the same as-of date and finality. */
export function sharedPeriod(key: PrefixKey, index: number, period: string, asOf: string, final: boolean): ColumnarPeriod | null {
  const prefix = slots.get(key.data)?.get(key.ir);
  if (prefix === undefined || prefix.splitMode !== key.splitMode || prefix.interpreted !== key.interpreted) return null;
  const p = prefix.periods[index];
  return p !== undefined && p.period === period && p.asOf === asOf && p.final === final ? p : null;
}

/**
 * Records a period a run computed at `index`, every earlier period of the run having been taken
 * from or recorded in the prefix. Returns whether the prefix goes on (the period had no
 * after-run cancellations, so the next one may be shared too).
 */
export function rememberPeriod(key: PrefixKey, index: number, computed: ColumnarPeriod): boolean {
  if (computed.afterRun.afterRunCount > 0) return false;
  let byPlan = slots.get(key.data);
  if (byPlan === undefined) slots.set(key.data, (byPlan = new WeakMap()));
  let prefix = byPlan.get(key.ir);
  if (index === 0 || prefix === undefined || prefix.splitMode !== key.splitMode || prefix.interpreted !== key.interpreted) {
    if (index !== 0) return false;
    prefix = { splitMode: key.splitMode, interpreted: key.interpreted, periods: [] };
    byPlan.set(key.ir, prefix);
  }
  if (prefix.periods.length < index) return false;
  prefix.periods.length = index;
  prefix.periods.push(computed);
  prefixOf.set(computed, prefix);
  return true;
}

/** Drops the periods kept for a data set (the engine bench times computing, not taking them). */
export function forgetSharedPeriods(data: Dataset): void {
  slots.delete(data);
}

/** Whether a run may still take `cp` from a shared prefix. */
export function isSharedPeriod(cp: ColumnarPeriod): boolean {
  return prefixOf.get(cp)?.periods.includes(cp) === true;
}

/** Forgets `cp` and every later period of its prefix (a later one is shared only after it): it is being released. */
export function forgetSharedPeriod(cp: ColumnarPeriod): void {
  const prefix = prefixOf.get(cp);
  const at = prefix?.periods.indexOf(cp) ?? -1;
  if (at >= 0) prefix!.periods.length = at;
}
