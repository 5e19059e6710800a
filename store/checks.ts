/**
 * Data that contradicts the closed history is refused before anything runs (docs/STORE.md):
 *
 * - an order a closed period commissioned must still be in the data, unchanged, and must still
 *   count in that period under the plan being used now (a plan change that would move it, e.g. a
 *   longer withdrawal period, would pay it twice or never);
 * - an order that would count in a closed period but was not commissioned there is new or was
 *   changed after the close (it would silently never be paid);
 * - a cancellation the closed history took into account — dated in a closed period, or dated by
 *   the as-of date of the run that commissioned its order — must be there unchanged, and none
 *   may be added there afterwards. Later cancellations are the normal case: the next close
 *   processes them under its policy.
 */
import type { Cancellation, Dataset } from "../core/dataModel.ts";
import { periodOf } from "../core/dates.ts";
import type { Release } from "../runtime/shared/release.ts";
import { cancellationFingerprint, orderFingerprint } from "./fingerprint.ts";
import type { Fingerprinted, StoredRun } from "./types.ts";

export interface HistoryState {
  /** Closed periods, oldest first. */
  runs: StoredRun[];
  orders: Map<string, Fingerprinted>;
  cancellations: Map<string, Fingerprinted>;
}

export function contradictions(data: Dataset, releases: Release[], state: HistoryState): string[] {
  const last = state.runs[state.runs.length - 1];
  if (last === undefined) return [];
  const problems: string[] = [];
  const releaseById = new Map(releases.map((r) => [r.order.id, r] as const));
  for (const stored of state.orders.values()) {
    const release = releaseById.get(stored.id);
    if (release === undefined) {
      problems.push(`order ${stored.id} was commissioned in ${stored.period}, which is closed, and is missing from the data`);
    } else if (orderFingerprint(release.order) !== stored.fingerprint) {
      problems.push(`order ${stored.id} was changed after ${stored.period}, the period that commissioned it, was closed; record a cancellation instead`);
    } else if (release.countsIn !== stored.period) {
      problems.push(
        `order ${stored.id} was commissioned in ${stored.period}; under this plan it would count in ${release.countsIn ?? "no period (pending)"} ` +
          "(did the withdrawal period or the late-canceller hold change?)",
      );
    }
  }
  for (const r of releases) {
    if (r.countsIn === null || r.countsIn > last.period || state.orders.has(r.order.id)) continue;
    problems.push(`order ${r.order.id} (dated ${r.order.date}) would count in ${r.countsIn}, which is already closed: it was added or changed after that close`);
  }
  const asOfOf = new Map(state.runs.map((run) => [run.period, run.asOf] as const));
  const seen = new Set<string>();
  for (const c of data.cancellations) {
    seen.add(c.id);
    const stored = state.cancellations.get(c.id);
    if (stored !== undefined) {
      if (cancellationFingerprint(c) !== stored.fingerprint) problems.push(`cancellation ${c.id} of order ${c.order} was changed after ${stored.period} was closed`);
    } else if (coveredByHistory(c, last.period, state.orders, asOfOf)) {
      problems.push(`cancellation ${c.id} of order ${c.order} (dated ${c.date}) belongs to the closed history but was not in the data when it was closed`);
    }
  }
  for (const stored of state.cancellations.values()) {
    if (!seen.has(stored.id)) problems.push(`cancellation ${stored.id} was taken into account when ${stored.period} was closed and is missing from the data`);
  }
  return problems;
}

/**
 * Whether a cancellation is part of what the closed history (through `lastClosed`) took into
 * account: dated in a closed period, or dated by the as-of date of the closed run that
 * commissioned its order (it reduced the order before that run).
 */
export function coveredByHistory(c: Cancellation, lastClosed: string, orders: Map<string, Fingerprinted>, asOfOf: Map<string, string>): boolean {
  if (periodOf(c.date) <= lastClosed) return true;
  const commissionedIn = orders.get(c.order)?.period;
  const asOf = commissionedIn === undefined ? undefined : asOfOf.get(commissionedIn);
  return asOf !== undefined && c.date <= asOf;
}
