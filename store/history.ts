/**
 * The stored history as the engine's `PeriodResult[]` for a run of `period`.
 *
 * What a run reads from its history (semantics §7, runtime/reference/cancellations/*): the
 * previous period's statements (carried balances), the as-of date of every earlier run (is a
 * cancellation after the run that commissioned its order?), and — for after-run cancellations
 * under `previous-rank` and `exact` — the whole run that commissioned the cancelled order (its
 * ledger, ranks and activity). So the store reads those periods in full and passes every other
 * period as its head only (period and as-of, no partners, no ledger): after years of 1M-partner
 * months the history would not fit in memory, and nothing reads it. The three-closes-equal-one-
 * run test pins that the result is the same as with the full history.
 */
import type { Dataset } from "../core/dataModel.ts";
import { periodOf } from "../core/dates.ts";
import type { PeriodResult } from "../core/result.ts";
import type { Fingerprinted, HistoryStore, StoredRun } from "./types.ts";

export function periodsNeeded(runs: StoredRun[], data: Dataset, commissioned: Map<string, Fingerprinted>, period: string): Set<string> {
  const needed = new Set<string>();
  const last = runs[runs.length - 1];
  if (last !== undefined) needed.add(last.period);
  for (const c of data.cancellations) {
    if (periodOf(c.date) !== period) continue;
    const from = commissioned.get(c.order)?.period;
    if (from !== undefined) needed.add(from);
  }
  return needed;
}

export async function readHistory(
  store: HistoryStore,
  runs: StoredRun[],
  data: Dataset,
  commissioned: Map<string, Fingerprinted>,
  period: string,
): Promise<PeriodResult[]> {
  const needed = periodsNeeded(runs, data, commissioned, period);
  const history: PeriodResult[] = [];
  for (const run of runs) history.push(needed.has(run.period) ? await store.readPeriod(run.period) : headOnly(run));
  return history;
}

function headOnly(run: StoredRun): PeriodResult {
  return {
    period: run.period, asOf: run.asOf, final: true, ranks: {}, active: {}, volumes: {}, ledger: [], statements: {},
    breakage: [], unrecovered: [], flags: [], deferred: [], stock: [],
  };
}
