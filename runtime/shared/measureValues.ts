/**
 * The measures of an order (semantics §2: sum of quantity × figure per line): engine-independent, so the reference, the
 * compiled runtime and the comparisons compute an order's volume the same way.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Order } from "../../core/dataModel.ts";
import { type Decimal, ZERO } from "../../core/decimal.ts";

/**
 * Every measure of an order for the given line quantities (sum of qty × figure). A line that
 * lacks a figure a measure needs is reported in `missing` and counts 0.
 */
export function measureValues(ir: PlanIR, order: Order, qty: Decimal[], missing: string[]): Decimal[] {
  return ir.measures.map((m) => {
    let v = ZERO;
    order.lines.forEach((line, i) => {
      const figure = line.figures[m.figure];
      if (figure === undefined) missing.push(`order ${order.id} line ${i} (${line.sku}) has no "${m.figure}" figure for measure ${m.name}`);
      else v = v.plus(qty[i]!.times(figure));
    });
    return v;
  });
}
