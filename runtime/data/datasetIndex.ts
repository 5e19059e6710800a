/**
 * The id maps the data checks build, kept for the Dataset they approved, so the compiled
 * runtime's columnar model (runtime/compiled/columnar.ts) does not build them a second time: at
 * 1M partners and 2M orders that is three million map insertions and their memory, twice.
 *
 * Only a Dataset that passed every check is remembered: its partner and order ids are unique,
 * so "first position of each id" is "the position of each id". The lengths are kept too, and an
 * index whose lengths no longer match (a caller changed the arrays, which the contract forbids)
 * is not used.
 */
import type { Dataset } from "../../core/dataModel.ts";

export interface DatasetIndex {
  /** Partner id -> position in `partners`. */
  partners: ReadonlyMap<string, number>;
  /** Order id -> position in `orders`. */
  orders: ReadonlyMap<string, number>;
}

const known = new WeakMap<Dataset, DatasetIndex & { partnerCount: number; orderCount: number }>();

export function rememberIndex(data: Dataset, index: DatasetIndex): void {
  known.set(data, { ...index, partnerCount: data.partners.length, orderCount: data.orders.length });
}

/** The checks' id maps of a Dataset they approved, or undefined. */
export function knownIndex(data: Dataset): DatasetIndex | undefined {
  const index = known.get(data);
  if (index === undefined) return undefined;
  const fits = index.partnerCount === data.partners.length && index.orderCount === data.orders.length &&
    index.partners.size === data.partners.length && index.orders.size === data.orders.length;
  return fits ? index : undefined;
}
