/**
 * Summing result amounts for the comparisons: amounts arrive as strings with the plan's money
 * decimals and leave the same way, exact in between (Decimal, never floating point).
 */
import type { PlanIR } from "../../core/ir.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { formatAmount, moneyOf, type Money } from "../../core/money.ts";

export class Amounts {
  readonly money: Money;

  constructor(ir: PlanIR) {
    this.money = moneyOf(ir.rounding.unit, ir.rounding.mode);
  }

  text(value: Decimal): string {
    return formatAmount(value, this.money);
  }
}

export function sumOf(values: Iterable<string | Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Adds `amount` to the running total of `key`. */
export function addTo(totals: Map<string, Decimal>, key: string, amount: string | Decimal): void {
  totals.set(key, (totals.get(key) ?? ZERO).plus(new Decimal(amount)));
}

/** String order, as in every output document. */
export { compareIds } from "../../core/resultView.ts";
