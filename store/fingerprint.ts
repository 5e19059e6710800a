/**
 * Fingerprints of the data a closed period depended on: an order a final run commissioned, a
 * cancellation the closed history took into account. Each is the sha-256 of the record's
 * canonical JSON (the validated, normalised form, keys in the data model's order), so a changed
 * quantity, price, buyer or date is noticed and a reformatted data file is not.
 */
import { createHash } from "node:crypto";
import type { Cancellation, Order } from "../core/dataModel.ts";
import { compareIds } from "../core/stringOrder.ts";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function orderFingerprint(o: Order): string {
  const lines = o.lines.map((l) => ({ sku: l.sku, qty: l.qty, figures: Object.fromEntries(Object.entries(l.figures).sort(([a], [b]) => compareIds(a, b))) }));
  return sha256(JSON.stringify({ id: o.id, buyer: o.buyer, date: o.date, paid: o.paid, delivered: o.delivered, lines }));
}

export function cancellationFingerprint(c: Cancellation): string {
  return sha256(JSON.stringify({ id: c.id, order: c.order, date: c.date, goods: c.goods, lines: c.lines }));
}
