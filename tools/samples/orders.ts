/**
 * Monthly orders of partners (their own consumption, 75% order in a month, mostly 2–3 lines,
 * so about half reach a typical 50-point activity threshold) and of customers (35%, mostly one
 * line), with realistic release dates. Everything is integer cents, whole points and day numbers until the document is
 * written.
 *
 * Release mix per order: `pendingPerMille` pending (not paid, not delivered, or one of the
 * two), 8% paid late in the next month (then delivered 1–5 days after payment), the rest paid
 * on the order day and delivered 1–5 days later.
 */
import { addMonths, firstDay, lastDay, type Month } from "./calendar.ts";
import { PRODUCTS, STARTER_KIT, type Product } from "./catalogue.ts";
import type { Genealogy } from "./genealogy.ts";
import { TerminationKind, type Customers, type Terminations } from "./people.ts";
import type { Rng } from "./rng.ts";

const PARTNER_ORDER_PER_MILLE = 750;
const CUSTOMER_ORDER_PER_MILLE = 350;
const STARTER_KIT_PER_MILLE = 900;
const LATE_PAYMENT_PER_MILLE = 80;

export interface DraftLine {
  product: Product;
  qty: number;
}

export interface DraftOrder {
  /** Creation sequence: the tie-breaker that makes the date sort deterministic. */
  seq: number;
  buyer: { kind: "partner" | "customer"; index: number };
  day: number;
  paid: number | null;
  delivered: number | null;
  lines: DraftLine[];
}

/** Cumulative percentages for 1, 2 (and else 3) lines: partners reorder more than customers. */
const PARTNER_LINE_MIX = [25, 65] as const;
const CUSTOMER_LINE_MIX = [60, 90] as const;

function drawLines(mix: readonly [number, number], rng: Rng): DraftLine[] {
  const roll = rng.below(100);
  const count = roll < mix[0] ? 1 : roll < mix[1] ? 2 : 3;
  // Distinct products by rejection: with 8 products and at most 3 lines this allocates
  // nothing but the result, which matters at 300k orders.
  const lines: DraftLine[] = [];
  while (lines.length < count) {
    const product = rng.pick(PRODUCTS);
    if (lines.some((line) => line.product === product)) continue;
    const qtyRoll = rng.below(100);
    lines.push({ product, qty: qtyRoll < 75 ? 1 : qtyRoll < 93 ? 2 : 3 });
  }
  return lines;
}

function drawRelease(day: number, month: Month, pendingPerMille: number, rng: Rng): Pick<DraftOrder, "paid" | "delivered"> {
  const roll = rng.below(1000);
  if (roll < pendingPerMille) {
    // Pending: awaiting payment (prepayment), shipped on invoice but unpaid, or paid but not shipped.
    switch (rng.below(3)) {
      case 0:
        return { paid: null, delivered: null };
      case 1:
        return { paid: null, delivered: day + rng.between(1, 5) };
      default:
        return { paid: day, delivered: null };
    }
  }
  if (roll < pendingPerMille + LATE_PAYMENT_PER_MILLE) {
    const paid = firstDay(addMonths(month, 1)) + rng.below(10);
    return { paid, delivered: paid + rng.between(1, 5) };
  }
  return { paid: day, delivered: day + rng.between(1, 5) };
}

export interface OrderInputs {
  genealogy: Genealogy;
  terminations: Terminations;
  customers: Customers;
  firstMonth: Month;
  months: number;
  /** Partners joining on or after this day are "new" and buy a starter kit when they join. */
  monthsStart: number;
  pendingPerMille: number;
}

/** Orders sorted by day (then creation sequence). */
export function drawOrders(inputs: OrderInputs, rng: Rng): DraftOrder[] {
  const { genealogy, terminations, customers } = inputs;
  const orders: DraftOrder[] = [];
  const add = (buyer: DraftOrder["buyer"], day: number, month: Month, lines: DraftLine[]): void => {
    orders.push({ seq: orders.length, buyer, day, ...drawRelease(day, month, inputs.pendingPerMille, rng), lines });
  };

  for (let m = 0; m < inputs.months; m++) {
    const month = addMonths(inputs.firstMonth, m);
    const monthFirst = firstDay(month);
    const monthLast = lastDay(month);

    for (let i = 0; i < genealogy.count; i++) {
      const kind = terminations.kind[i];
      if (kind === TerminationKind.Undated) continue;
      const joined = genealogy.joined[i] ?? 0;
      if (joined > monthLast) break; // join days grow with the index
      const terminatedDay = terminations.day[i] ?? -1;
      const from = Math.max(monthFirst, joined);
      const to = kind === TerminationKind.Dated ? Math.min(monthLast, terminatedDay - 1) : monthLast;
      if (from > to) continue;
      if (joined >= inputs.monthsStart && joined >= monthFirst && rng.chance(STARTER_KIT_PER_MILLE)) {
        add({ kind: "partner", index: i }, joined, month, [{ product: STARTER_KIT, qty: 1 }]);
      }
      if (rng.chance(PARTNER_ORDER_PER_MILLE)) {
        add({ kind: "partner", index: i }, rng.between(from, to), month, drawLines(PARTNER_LINE_MIX, rng));
      }
    }

    for (let c = 0; c < customers.partner.length; c++) {
      const joined = customers.joined[c] ?? 0;
      if (joined > monthLast) break; // customers are in join order
      if (!rng.chance(CUSTOMER_ORDER_PER_MILLE)) continue;
      add({ kind: "customer", index: c }, rng.between(Math.max(monthFirst, joined), monthLast), month, drawLines(CUSTOMER_LINE_MIX, rng));
    }
  }
  orders.sort((a, b) => a.day - b.day || a.seq - b.seq);
  return orders;
}
