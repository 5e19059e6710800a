/**
 * Releasing computed periods: a caller that has written a run's view and will not read it again
 * releases it (`compiledEngine.release`), and the periods' columns (ledger, portions, volumes and
 * ranks, statements) go back to the array pool (arrayPool.ts) for the next run, which then
 * allocates almost nothing and so starts no full garbage collection.
 *
 * A period can be in more than one view (a policy comparison's replays share their leading
 * periods, sharedPrefix.ts): it goes back only when every view that holds it is released, and
 * it is forgotten by the shared prefix then, so no later run takes it. A released period's view
 * refuses to read (view.ts), so a caller that releases too early gets an error, never another
 * run's numbers.
 */
import { giveBack, type PoolArray } from "./arrayPool.ts";
import type { ColumnarPeriod } from "./period.ts";
import { portionArrays } from "./portions.ts";
import type { QualifyState } from "./qualify.ts";
import { forgetSharedPeriod, isSharedPeriod } from "./sharedPrefix.ts";

/** Views holding each period (a period no view holds counts as held once). */
const holders = new WeakMap<ColumnarPeriod, number>();

/** A view of `cp` was handed to a caller. */
export function holdPeriod(cp: ColumnarPeriod): void {
  holders.set(cp, (holders.get(cp) ?? 0) + 1);
}

/** One holder lets `cp` go; when none is left, its arrays go back to the pool. */
export function releasePeriod(cp: ColumnarPeriod): void {
  const left = (holders.get(cp) ?? 1) - 1;
  if (left > 0) {
    holders.set(cp, left);
    return;
  }
  holders.delete(cp);
  if (cp.released) return;
  cp.released = true;
  forgetSharedPeriod(cp);
  giveBack(...cp.ledger.arrays(), ...portionArrays(cp.portions), ...stateArrays(cp.state), cp.carriedIn, cp.payout, cp.carriedOut, cp.listed);
}

/** A period that only its run read (materialised into documents, not kept for later runs): its arrays go back now. */
export function releaseUnshared(cp: ColumnarPeriod): void {
  if (!holders.has(cp) && !isSharedPeriod(cp)) releasePeriod(cp);
}

/** The state's own arrays: not the columnar model's children, which the state only points to. */
function stateArrays(s: QualifyState): PoolArray[] {
  return [
    ...s.personal, ...s.group, ...s.open, ...s.diverted,
    s.rank, s.manager, s.eligible, s.joined, s.subtreeRank, s.supporterOf, s.memberStart, s.memberList,
  ];
}
