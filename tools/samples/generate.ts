/**
 * Seeded sample data documents (data.md shape) of any size, from a dozen partners to 100k.
 * Same options, byte-identical JSON: every draw comes from a seeded generator and every list
 * is sorted with explicit comparators. Each part of the document draws from its own stream, so
 * e.g. asking for more cancellations leaves the genealogy and the orders unchanged.
 */
import { addMonths, dayNumber, firstDay, isoDate, lastDay, periodName } from "./calendar.ts";
import { formatCents } from "./amounts.ts";
import { drawCancellations } from "./cancellations.ts";
import type { DataDocument, RawCustomer, RawOrder, RawPartner } from "./document.ts";
import { growGenealogy, type Genealogy, type GenealogyWindow } from "./genealogy.ts";
import { cancellationId, customerId, orderId, partnerId } from "./ids.ts";
import { resolveOptions, type GenerateOptions, type OptionProblem, type ResolvedOptions } from "./options.ts";
import { drawOrders, type DraftOrder } from "./orders.ts";
import { drawCustomers, drawTerminations, TerminationKind, type Customers, type Terminations } from "./people.ts";
import { Rng } from "./rng.ts";
import { drawSplits } from "./splits.ts";

export type { GenerateOptions, OptionProblem } from "./options.ts";
export type { DataDocument } from "./document.ts";

/** Thrown by generateData for options that make no sense; `problems` lists each one. */
export class SampleOptionsError extends Error {
  constructor(readonly problems: OptionProblem[]) {
    super(`invalid sample options: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "SampleOptionsError";
  }
}

/** One stream per part of the document (see the module comment). */
const STREAM = { genealogy: 1, people: 2, orders: 3, splits: 4, cancellations: 5 } as const;

/** The company started three years before the first generated month. */
const HISTORY_YEARS = 3;

/** Day number -> ISO text, shared: 300k orders use a few hundred distinct days. */
function isoDateCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = isoDate(day);
      cache.set(day, text);
    }
    return text;
  };
}

function partnersOf(genealogy: Genealogy, terminations: Terminations, iso: (day: number) => string): RawPartner[] {
  const partners: RawPartner[] = [];
  for (let i = 0; i < genealogy.count; i++) {
    const sponsor = genealogy.sponsor[i] ?? -1;
    const partner: RawPartner = {
      id: partnerId(i),
      sponsor: sponsor < 0 ? null : partnerId(sponsor),
      joined: iso(genealogy.joined[i] ?? 0),
    };
    const kind = terminations.kind[i];
    if (kind === TerminationKind.Dated) {
      partner.status = "terminated";
      partner.terminated = iso(terminations.day[i] ?? 0);
    } else if (kind === TerminationKind.Undated) {
      partner.status = "terminated";
    }
    partners.push(partner);
  }
  return partners;
}

function customersOf(customers: Customers, iso: (day: number) => string): RawCustomer[] {
  return Array.from(customers.partner, (partner, c) => ({
    id: customerId(c),
    partner: partnerId(partner),
    joined: iso(customers.joined[c] ?? 0),
  }));
}

function ordersOf(orders: readonly DraftOrder[], iso: (day: number) => string): RawOrder[] {
  return orders.map((order, index) => ({
    id: orderId(index),
    buyer: order.buyer.kind === "partner" ? partnerId(order.buyer.index) : customerId(order.buyer.index),
    date: iso(order.day),
    paid: order.paid === null ? null : iso(order.paid),
    delivered: order.delivered === null ? null : iso(order.delivered),
    lines: order.lines.map((line) => ({
      sku: line.product.sku,
      qty: line.qty,
      net: formatCents(line.product.netCents),
      points: String(line.product.points),
    })),
  }));
}

function generateResolved(options: ResolvedOptions): DataDocument {
  const { firstMonth, months } = options;
  const window: GenealogyWindow = {
    historyStart: dayNumber(firstMonth.year - HISTORY_YEARS, firstMonth.month, 1),
    monthsStart: firstDay(firstMonth),
    monthsEnd: lastDay(addMonths(firstMonth, months - 1)),
  };
  const genealogy = growGenealogy(options.partners, new Rng(options.seed, STREAM.genealogy), window);
  const peopleRng = new Rng(options.seed, STREAM.people);
  const terminations = drawTerminations(genealogy, window, peopleRng);
  const customers = drawCustomers(genealogy, terminations, window, options.customersPerPartner, peopleRng);
  const orders = drawOrders(
    { genealogy, terminations, customers, firstMonth, months, monthsStart: window.monthsStart, pendingPerMille: options.pendingPerMille },
    new Rng(options.seed, STREAM.orders),
  );
  const splits = drawSplits(
    { genealogy, terminations, customers, firstMonth, months, count: options.splits, shareMeasures: options.shareMeasures },
    new Rng(options.seed, STREAM.splits),
  );
  const cancellations = drawCancellations(orders, options.cancellations, new Rng(options.seed, STREAM.cancellations));

  const iso = isoDateCache();
  return {
    partners: partnersOf(genealogy, terminations, iso),
    customers: customersOf(customers, iso),
    splits,
    orders: ordersOf(orders, iso),
    cancellations: cancellations.map((c, index) => ({
      id: cancellationId(index),
      order: orderId(c.order),
      date: iso(c.day),
      goods: c.goods,
      ...(c.lines === null ? {} : { lines: c.lines }),
    })),
  };
}

export type GenerateOutcome = { ok: true; document: DataDocument } | { ok: false; problems: OptionProblem[] };

/** Like generateData, but bad options come back as problems instead of an exception. */
export function tryGenerateData(options: GenerateOptions): GenerateOutcome {
  const resolved = resolveOptions(options);
  if ("problems" in resolved) return { ok: false, problems: resolved.problems };
  return { ok: true, document: generateResolved(resolved.options) };
}

/** A valid data document (data.md) from the options; throws SampleOptionsError on bad options. */
export function generateData(options: GenerateOptions): DataDocument {
  const outcome = tryGenerateData(options);
  if (!outcome.ok) throw new SampleOptionsError(outcome.problems);
  return outcome.document;
}

/** The periods a document generated with these options covers, e.g. ["2026-07", "2026-08"]. */
export function generatedPeriods(firstMonth: string, months: number): string[] {
  const start = resolveOptions({ partners: 1, seed: 0, months, firstMonth });
  if ("problems" in start) return [];
  return Array.from({ length: months }, (_, m) => periodName(addMonths(start.options.firstMonth, m)));
}
