/**
 * The `deferred` list of a period: orders of the period's own month that do not count in it —
 * those counting in a later period (released after the month, or held as a late canceller's
 * order) and pending ones (countsIn null). A preliminary run also lists the orders that count in
 * the period but are not commissionable yet on its as-of date.
 */
import type { Deferred } from "../../core/result.ts";
import type { Release } from "../shared/release.ts";

export function deferredOrders(releases: Release[], period: string, asOf: string, final: boolean): Deferred[] {
  const list: Deferred[] = [];
  for (const r of releases) {
    if (r.ownPeriod === period && r.countsIn !== period) {
      list.push({ order: r.order.id, countsIn: r.countsIn, reason: reasonOf(r) });
    } else if (!final && r.countsIn === period && r.releaseDate! > asOf) {
      list.push({
        order: r.order.id,
        countsIn: r.countsIn,
        reason: `commissionable on ${r.releaseDate}, after this preliminary run's as-of date ${asOf}`,
      });
    }
  }
  return list;
}

function reasonOf(r: Release): string {
  const { paid, delivered } = r.order;
  if (paid === null && delivered === null) return "pending: not paid and not delivered";
  if (paid === null) return "pending: not paid";
  if (delivered === null) return "pending: not delivered";
  if (r.hold !== null && r.hold.until === r.releaseDate && r.hold.until > r.commissionableDate!) {
    return `held: the buyer is flagged as a late canceller from ${r.hold.flaggedFrom}; held until ${r.hold.until} (payment on ${paid} plus the hold)`;
  }
  return `commissionable on ${r.commissionableDate} (paid ${paid}, delivered ${delivered})`;
}
