/**
 * Shape statistics of a data document: what a consultant (or a test) checks to see whether a
 * genealogy looks real — depth, frontline widths, how many recruit nobody, order mix.
 * Works on any raw document with known sponsors; partners whose sponsor chain is broken or
 * cyclic are counted at the depth where the chain stops (validation reports those).
 */
import type { DataDocument } from "./document.ts";

export interface ShapeStatistics {
  partners: number;
  topPartners: number;
  terminated: number;
  customers: number;
  /** Longest sponsor chain below a top partner (a top partner has depth 0). */
  maxDepth: number;
  /** Median depth over all partners (lower median). */
  medianDepth: number;
  /** Median number of direct recruits over all partners (lower median). */
  medianFrontline: number;
  /** Median number of direct recruits over partners who recruited at least one (lower median). */
  medianFrontlineOfRecruiters: number;
  maxFrontline: number;
  /** Partners who recruited nobody. */
  withoutRecruits: number;
  orders: number;
  orderLines: number;
  pendingOrders: number;
  /** Orders paid in a later month than their order date. */
  paidInLaterMonth: number;
  splits: number;
  cancellations: number;
  partialCancellations: number;
}

function lowerMedian(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

export function shapeStatistics(doc: DataDocument): ShapeStatistics {
  const indexById = new Map<string, number>();
  doc.partners.forEach((p, i) => indexById.set(p.id, i));
  const sponsorIndex = doc.partners.map((p) => (p.sponsor === null ? -1 : (indexById.get(p.sponsor) ?? -1)));
  const frontline = new Array<number>(doc.partners.length).fill(0);
  for (const s of sponsorIndex) if (s >= 0) frontline[s] = (frontline[s] ?? 0) + 1;

  // Depth by memoised walk up; a step limit stops on cycles instead of looping forever.
  const depth = new Array<number>(doc.partners.length).fill(-1);
  for (let i = 0; i < doc.partners.length; i++) {
    const chain: number[] = [];
    let p = i;
    while (p >= 0 && depth[p] === -1 && chain.length <= doc.partners.length) {
      chain.push(p);
      p = sponsorIndex[p] ?? -1;
    }
    let d = p >= 0 ? (depth[p] ?? 0) : -1;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k] ?? 0] = ++d;
  }

  const recruiters = frontline.filter((f) => f > 0);
  return {
    partners: doc.partners.length,
    topPartners: doc.partners.filter((p) => p.sponsor === null).length,
    terminated: doc.partners.filter((p) => p.status === "terminated").length,
    customers: doc.customers.length,
    maxDepth: depth.reduce((max, d) => Math.max(max, d), 0),
    medianDepth: lowerMedian(depth),
    medianFrontline: lowerMedian(frontline),
    medianFrontlineOfRecruiters: lowerMedian(recruiters),
    maxFrontline: frontline.reduce((max, f) => Math.max(max, f), 0),
    withoutRecruits: frontline.length - recruiters.length,
    orders: doc.orders.length,
    orderLines: doc.orders.reduce((sum, o) => sum + o.lines.length, 0),
    pendingOrders: doc.orders.filter((o) => o.paid === null || o.delivered === null).length,
    paidInLaterMonth: doc.orders.filter((o) => o.paid !== null && o.paid.slice(0, 7) > o.date.slice(0, 7)).length,
    splits: doc.splits.length,
    cancellations: doc.cancellations.length,
    partialCancellations: doc.cancellations.filter((c) => c.lines !== undefined).length,
  };
}
