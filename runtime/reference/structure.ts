/**
 * Indexes over the data document that every step of a run needs: partners by position, the
 * sponsor forest as parent and child arrays, customers to their partners. Built once per run.
 *
 * The Dataset is validated before it reaches the evaluator (runtime/data/validate.ts); the few
 * reference checks here only turn a document that skipped validation into a RunError instead
 * of an exception deep inside a bonus walk.
 */
import type { Dataset, Order, Partner } from "../../core/dataModel.ts";
import { refuse, success, type Outcome } from "../../core/runError.ts";

export interface Structure {
  partners: Partner[];
  /** Partner id -> index into `partners`. */
  indexOf: Map<string, number>;
  /** Sponsor index per partner; -1 for a top partner. */
  sponsor: Int32Array;
  /** Direct children (frontline) per partner, in document order. */
  children: number[][];
  /** Customer id -> index of the partner the customer is attached to. */
  customerPartner: Map<string, number>;
  /** Order id -> index into data.orders. */
  orderIndex: Map<string, number>;
}

export function buildStructure(data: Dataset): Outcome<Structure> {
  const problems: string[] = [];
  const indexOf = new Map<string, number>();
  data.partners.forEach((p, i) => {
    if (indexOf.has(p.id)) problems.push(`partner id ${p.id} appears twice`);
    indexOf.set(p.id, i);
  });
  const sponsor = new Int32Array(data.partners.length).fill(-1);
  const children: number[][] = data.partners.map(() => []);
  data.partners.forEach((p, i) => {
    if (p.sponsor === null) return;
    const s = indexOf.get(p.sponsor);
    if (s === undefined) {
      problems.push(`partner ${p.id}: sponsor ${p.sponsor} is not a partner`);
      return;
    }
    sponsor[i] = s;
    children[s]!.push(i);
  });
  const customerPartner = new Map<string, number>();
  for (const c of data.customers) {
    const p = indexOf.get(c.partner);
    if (p === undefined) problems.push(`customer ${c.id}: partner ${c.partner} is not a partner`);
    else if (indexOf.has(c.id) || customerPartner.has(c.id)) problems.push(`customer id ${c.id} is not unique`);
    else customerPartner.set(c.id, p);
  }
  const orderIndex = new Map<string, number>();
  data.orders.forEach((o, i) => {
    if (orderIndex.has(o.id)) problems.push(`order id ${o.id} appears twice`);
    orderIndex.set(o.id, i);
    if (!indexOf.has(o.buyer) && !customerPartner.has(o.buyer)) problems.push(`order ${o.id}: buyer ${o.buyer} is neither a partner nor a customer`);
  });
  for (const c of data.cancellations) {
    if (!orderIndex.has(c.order)) problems.push(`cancellation ${c.id}: order ${c.order} does not exist`);
  }
  for (const a of data.splits) {
    if (!indexOf.has(a.supporter)) problems.push(`split agreement ${a.index}: supporter ${a.supporter} is not a partner`);
    if (!indexOf.has(a.member) && !customerPartner.has(a.member)) problems.push(`split agreement ${a.index}: member ${a.member} is unknown`);
  }
  if (problems.length > 0) return refuse("invalid-data", "the data document is inconsistent (was it validated?)", problems);
  return success({ partners: data.partners, indexOf, sponsor, children, customerPartner, orderIndex });
}

/** The partner credited with an order: the buyer, or the customer's partner. */
export function creditedPartner(structure: Structure, order: Order): number {
  const own = structure.indexOf.get(order.buyer);
  if (own !== undefined) return own;
  return structure.customerPartner.get(order.buyer)!;
}

/** Joined by the end of the period: listed in ranks, active, volumes and statements. */
export function hasJoinedBy(partner: Partner, lastDay: string): boolean {
  return partner.joined <= lastDay;
}

/**
 * Terminated in a period: status terminated and no date, or a date on or before the period's
 * last day (semantics §1: "terminated in every period that ends on or after that date").
 */
export function isTerminatedIn(partner: Partner, lastDay: string): boolean {
  if (partner.status !== "terminated") return false;
  return partner.terminated === null || partner.terminated <= lastDay;
}

/**
 * An object keyed by ids from the data. Ids are arbitrary text, so the object has no prototype:
 * an id like "__proto__" or "constructor" is then an ordinary key, not a hook into Object.
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
