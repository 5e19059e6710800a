/**
 * What each cancellation takes from its order, and the before-run reduction (semantics §7).
 *
 * Cancellations take quantity in date order (then document order): a cancellation without
 * lines takes all quantity not yet cancelled at that point. A cancellation dated on or before
 * the as-of date of the run that commissions its order reduces the order before that run.
 * Returned goods are stock movements of the period that contains the cancellation's date.
 */
import type { Cancellation, Dataset, Order } from "../../../core/dataModel.ts";
import { periodOf } from "../../../core/dates.ts";
import { Decimal, ZERO, canonical } from "../../../core/decimal.ts";
import type { StockMovement } from "../../../core/result.ts";
import { cancellationsInDateOrder } from "../../shared/lateCancellers.ts";
import type { Structure } from "../structure.ts";

export interface CancellationTake {
  cancellation: Cancellation;
  order: Order;
  /** Quantity taken per line index of the order (zero where the cancellation takes nothing). */
  taken: Decimal[];
}

/** Order index -> its cancellations' takes, in date order. */
export type TakesByOrder = Map<number, CancellationTake[]>;

export function cancellationTakes(data: Dataset, structure: Structure): TakesByOrder {
  const byOrder: TakesByOrder = new Map();
  const cancelledSoFar = new Map<number, Decimal[]>();
  for (const cancellation of cancellationsInDateOrder(data)) {
    const orderIdx = structure.orderIndex.get(cancellation.order)!;
    const order = data.orders[orderIdx]!;
    const soFar = cancelledSoFar.get(orderIdx) ?? order.lines.map(() => ZERO);
    const taken = order.lines.map((line, i) => {
      const left = Decimal.max(ZERO, new Decimal(line.qty).minus(soFar[i]!));
      if (cancellation.lines === null) return left;
      const asked = cancellation.lines
        .filter((l) => l.line === i)
        .reduce((sum, l) => sum.plus(l.qty), ZERO);
      // The validator refuses more than is left; the clamp only keeps a bad document from
      // producing negative quantities.
      return Decimal.min(asked, left);
    });
    cancelledSoFar.set(orderIdx, soFar.map((q, i) => q.plus(taken[i]!)));
    const list = byOrder.get(orderIdx) ?? [];
    list.push({ cancellation, order, taken });
    byOrder.set(orderIdx, list);
  }
  return byOrder;
}

/**
 * Line quantities left after the cancellations dated on or before `asOf` (the before-run ones
 * for the run that commissions the order).
 */
export function quantitiesBeforeRun(order: Order, takes: CancellationTake[] | undefined, asOf: string): Decimal[] {
  const qty = order.lines.map((l) => new Decimal(l.qty));
  for (const take of takes ?? []) {
    if (take.cancellation.date > asOf) continue;
    take.taken.forEach((t, i) => (qty[i] = qty[i]!.minus(t)));
  }
  return qty;
}

/** Returned goods of cancellations dated in the period (and by the as-of date). */
export function stockMovements(takes: TakesByOrder, period: string, asOf: string): StockMovement[] {
  const all: CancellationTake[] = [...takes.values()].flat();
  all.sort((a, b) => {
    const da = a.cancellation.date;
    const db = b.cancellation.date;
    if (da !== db) return da < db ? -1 : 1;
    return a.cancellation.id < b.cancellation.id ? -1 : a.cancellation.id > b.cancellation.id ? 1 : 0;
  });
  const movements: StockMovement[] = [];
  for (const take of all) {
    const c = take.cancellation;
    if (c.goods !== "returned" || periodOf(c.date) !== period || c.date > asOf) continue;
    take.taken.forEach((qty, line) => {
      if (qty.isZero()) return;
      movements.push({ cancellation: c.id, order: take.order.id, sku: take.order.lines[line]!.sku, qty: canonical(qty) });
    });
  }
  return movements;
}
