/**
 * Step 3 of data validation: the checked document as a Dataset (model.ts) — every optional
 * field filled with its default, decimals canonical, percentages as fractions, JSON numbers as
 * strings. Object-valued maps (line figures, per-measure shares) are rebuilt with sorted keys so
 * the Dataset does not depend on the key order of the input file.
 *
 * Only called on a document that passed the schema and every check.
 */
import { fractionOfPercentText } from "../../core/numbers.ts";
import { canonicalDecimal, type DecimalValue } from "./decimalText.ts";
import type { CancellationRecord, CustomerRecord, DataDocument, OrderLineRecord, OrderRecord, PartnerRecord, SplitRecord } from "./document.ts";
import type { Cancellation, Customer, Dataset, Order, OrderLine, Partner, SplitAgreement } from "../../core/dataModel.ts";
import { compareIds } from "../../core/stringOrder.ts";

function sortedKeys(record: object): string[] {
  return Object.keys(record).sort(compareIds);
}

function normalizeLine(line: OrderLineRecord): OrderLine {
  const names: string[] = [];
  for (const key of Object.keys(line)) if (key !== "sku" && key !== "qty") names.push(key);
  // Most files write the figures in one fixed order; sort only when it is not already sorted.
  let sorted = true;
  for (let i = 1; i < names.length && sorted; i++) sorted = (names[i - 1] as string) < (names[i] as string);
  if (!sorted) names.sort(compareIds);
  const figures: Record<string, string> = {};
  for (const name of names) figures[name] = canonicalDecimal(line[name] as DecimalValue);
  return { sku: line.sku, qty: canonicalDecimal(line.qty), figures };
}

function normalizeSplit(split: SplitRecord, index: number): SplitAgreement {
  const share = split.share;
  const shareByMeasure: Record<string, string> = {};
  if (share !== undefined && typeof share !== "string") {
    for (const measure of sortedKeys(share)) shareByMeasure[measure] = fractionOfPercentText(share[measure] as string);
  }
  return {
    index,
    member: split.member,
    supporter: split.supporter,
    share: typeof share === "string" ? fractionOfPercentText(share) : null,
    shareByMeasure,
    from: split.from ?? null,
    to: split.to ?? null,
  };
}

export function normalizePartner(p: PartnerRecord): Partner {
  return { id: p.id, sponsor: p.sponsor, joined: p.joined, status: p.status ?? "active", terminated: p.terminated ?? null };
}

export function normalizeCustomer(c: CustomerRecord): Customer {
  return { id: c.id, partner: c.partner, joined: c.joined };
}

export function normalizeOrder(o: OrderRecord): Order {
  return { id: o.id, buyer: o.buyer, date: o.date, paid: o.paid ?? null, delivered: o.delivered ?? null, lines: o.lines.map(normalizeLine) };
}

export function normalizeCancellation(c: CancellationRecord): Cancellation {
  return {
    id: c.id,
    order: c.order,
    date: c.date,
    goods: c.goods,
    lines: c.lines === undefined || c.lines === null ? null : c.lines.map((l) => ({ line: l.line, qty: canonicalDecimal(l.qty) })),
  };
}

export { normalizeSplit };

export function normalizeDocument(doc: DataDocument): Dataset {
  return {
    partners: doc.partners.map(normalizePartner),
    customers: (doc.customers ?? []).map(normalizeCustomer),
    splits: (doc.splits ?? []).map(normalizeSplit),
    orders: doc.orders.map(normalizeOrder),
    cancellations: (doc.cancellations ?? []).map(normalizeCancellation),
  };
}
