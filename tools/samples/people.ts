/**
 * Terminations and customers on top of a grown genealogy.
 *
 * Realism rules kept here (beyond what validation requires):
 * - a partner is terminated only after their last recruit joined and at least 30 days after
 *   joining; undated terminations (terminated in every period) only for partners whose whole
 *   recruiting happened before the generated months;
 * - customers join on or after their partner and never after the partner's termination;
 * - good recruiters also win more customers: a partner's expected customer count is the
 *   requested average scaled by (1 + recruits) / 2, which keeps the overall average near the
 *   request (the average partner has about one recruit) and gives stage speakers customers too.
 */
import type { Genealogy, GenealogyWindow } from "./genealogy.ts";
import type { Rng } from "./rng.ts";

const TERMINATED_PER_MILLE = 40;
const MAX_CUSTOMERS_PER_PARTNER = 60;

/** Codes stored in `Terminations.kind` (a typed array keeps 100k partners compact). */
export const TerminationKind = { None: 0, Dated: 1, Undated: 2 } as const;

export interface Terminations {
  kind: Uint8Array;
  /** Termination day for `Dated`; -1 otherwise. */
  day: Int32Array;
}

export interface Customers {
  /** Sponsoring partner's index, per customer (customers are in join order). */
  partner: Int32Array;
  joined: Int32Array;
}

export function drawTerminations(genealogy: Genealogy, window: GenealogyWindow, rng: Rng): Terminations {
  const kind = new Uint8Array(genealogy.count);
  const day = new Int32Array(genealogy.count).fill(-1);
  for (let i = genealogy.roots; i < genealogy.count; i++) {
    if (!rng.chance(TERMINATED_PER_MILLE)) continue;
    const joined = genealogy.joined[i] ?? 0;
    const lastRecruit = genealogy.lastRecruitJoined[i] ?? -1;
    const quietBeforeMonths = joined < window.monthsStart && lastRecruit < window.monthsStart;
    if (quietBeforeMonths && rng.chance(500)) {
      kind[i] = TerminationKind.Undated;
      continue;
    }
    // Dated terminations fall near or inside the generated months, where they matter.
    const earliest = Math.max(joined + 30, lastRecruit + 1, window.monthsStart - 60);
    if (earliest > window.monthsEnd) continue;
    kind[i] = TerminationKind.Dated;
    day[i] = rng.between(earliest, window.monthsEnd);
  }
  return { kind, day };
}

/** Geometric count with the given mean, as a per-mille continuation chance (no logarithms). */
function continuationPerMille(mean: number): number {
  return Math.round((1000 * mean) / (1 + mean));
}

export function drawCustomers(
  genealogy: Genealogy,
  terminations: Terminations,
  window: GenealogyWindow,
  customersPerPartner: number,
  rng: Rng,
): Customers {
  const partners: number[] = [];
  const joinedDays: number[] = [];
  for (let i = 0; i < genealogy.count; i++) {
    if (terminations.kind[i] === TerminationKind.Undated) continue;
    const from = genealogy.joined[i] ?? 0;
    const terminatedDay = terminations.day[i] ?? -1;
    const to = terminatedDay >= 0 ? Math.min(window.monthsEnd, terminatedDay - 1) : window.monthsEnd;
    const perMille = continuationPerMille((customersPerPartner * (1 + (genealogy.frontline[i] ?? 0))) / 2);
    let count = 0;
    while (count < MAX_CUSTOMERS_PER_PARTNER && rng.chance(perMille)) count++;
    for (let k = 0; k < count; k++) {
      partners.push(i);
      joinedDays.push(rng.between(from, to));
    }
  }
  // Customer ids follow join order; ties keep the partner order they were drawn in.
  const order = partners.map((_, k) => k);
  order.sort((a, b) => (joinedDays[a] ?? 0) - (joinedDays[b] ?? 0) || a - b);
  return {
    partner: Int32Array.from(order, (k) => partners[k] ?? 0),
    joined: Int32Array.from(order, (k) => joinedDays[k] ?? 0),
  };
}
