/**
 * The columnar model of a data set: partner ids interned once into dense indices, the sponsor
 * forest as an Int32Array with children in CSR form, orders as parallel arrays with dates as day
 * numbers. Built once per Dataset object (cached in a WeakMap: callers never mutate a Dataset
 * they run) and shared by every plan and period run on it.
 *
 * Anything the reference evaluator would refuse as inconsistent (a duplicate id, an unknown
 * sponsor or buyer...) is only recorded here: such a data set is run by the reference, which
 * words the refusal.
 */
import type { Dataset, Partner } from "../../core/dataModel.ts";
import { toDayNumber } from "../../core/dates.ts";
import { knownIndex } from "../data/datasetIndex.ts";
import { IdPositions } from "../data/idPositions.ts";
import { decimalsOf, scaledInt } from "./scaled.ts";

/** No date (an order not paid or not delivered yet): the release rule's own marker, one value for both. */
import { NO_DAY } from "../shared/releaseDays.ts";
export { NO_DAY };

export interface ColumnarData {
  data: Dataset;
  /** Set when the reference would refuse the data: the compiled runtime then delegates. */
  inconsistent: boolean;
  partnerCount: number;
  /**
   * Partners are numbered in engine order, not in the Dataset's order: the sponsor forest depth
   * first, every partner right after its recruits' subtrees (engineOrder), so the bottom-up pass
   * and the upward walks read neighbouring memory. Every output goes by id (partnerIds, idOrder),
   * so nothing written depends on the numbering; `positionOf[p]` is p's place in data.partners.
   */
  partnerIds: string[];
  positionOf: Int32Array;
  /** Partner id -> engine index. */
  indexOf: IdIndex;
  /** Partner id -> position in data.partners (the data checks' map when they approved the Dataset). */
  partnerPositions: Map<string, number>;
  sponsor: Int32Array;
  /** Children of p: childList[childStart[p] .. childStart[p + 1]), in document order. */
  childStart: Int32Array;
  childList: Int32Array;
  joinedDay: Int32Array;
  /** 0 active; 1 terminated from terminatedDay; 2 terminated in every period. */
  terminatedKind: Uint8Array;
  terminatedDay: Int32Array;
  /** Partner indices in string order of id (the order of every output). */
  idOrder: Int32Array;
  /** Customer id -> its partner's engine index. */
  customerPartner: IdIndex;
  /** Customer id -> position in data.customers. */
  customerPositions: Map<string, number>;
  orderCount: number;
  orderIndex: Map<string, number>;
  /** Credited partner of each order (buyer, or the customer's partner). */
  credited: Int32Array;
  /** Buyer as a partner index; -1 for a customer. */
  buyerPartner: Int32Array;
  dateDay: Int32Array;
  paidDay: Int32Array;
  deliveredDay: Int32Array;
  /** Per-order sums of qty × figure by figure name, built on first use. */
  figureSums: Map<string, FigureSums>;
}

/** Σ qty × figure per order, as integers at 10^-scale; `exact` false when some order could not be held. */
export interface FigureSums {
  scale: number;
  values: Float64Array;
  /** Orders with a line lacking the figure (the reference refuses such orders when counted). */
  missing: Uint8Array;
  exact: boolean;
}

/** A read-only id lookup (a Map, or EngineIndex over the positions map). */
export interface IdIndex {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** Id -> a value per position (an engine index) through an id -> position map (the checks' map is reused, not copied). */
class EngineIndex implements IdIndex {
  constructor(
    private readonly positions: Map<string, number>,
    private readonly engineOf: Int32Array,
  ) {}
  get(id: string): number | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.engineOf[i];
  }
  has(id: string): boolean {
    return this.positions.has(id);
  }
}

/**
 * Engine order (engine index -> position in data.partners): the sponsor forest depth first in
 * post-order — a partner's recruits (document order) and their downlines come before it — with
 * the top partners in document order. A partner under a sponsor circle (no top partner above it:
 * the data is refused, by the credit order) comes last, in document order. In this order a
 * subtree is one block of indices ending at its head, so the bottom-up pass reads its children
 * just below it, and a credit path's first steps lie close together.
 */
export function engineOrder(sponsorPosition: Int32Array): Int32Array {
  const n = sponsorPosition.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (sponsorPosition[i]! >= 0) start[sponsorPosition[i]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, n);
  const kids = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) if (sponsorPosition[i]! >= 0) kids[fill[sponsorPosition[i]!]!++] = i;
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = start.slice(0, n);
  let out = 0;
  for (let root = 0; root < n; root++) {
    if (sponsorPosition[root]! >= 0) continue;
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < start[v + 1]!) {
        stack[++top] = kids[cursor[v]!++]!;
        continue;
      }
      order[out++] = v;
      placed[v] = 1;
      top--;
    }
  }
  if (out < n) for (let i = 0; i < n; i++) if (placed[i] === 0) order[out++] = i;
  return order;
}

/** Engine indices in string order of id; no sort when the Dataset already lists its partners in that order. */
function idOrderOf(data: Dataset, engineOf: Int32Array): Int32Array {
  const n = engineOf.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = data.partners[i - 1]!.id < data.partners[i]!.id;
  const positions = Int32Array.from({ length: n }, (_, i) => i);
  if (!sorted) {
    positions.sort((a, b) => {
      const ia = data.partners[a]!.id;
      const ib = data.partners[b]!.id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
  }
  for (let j = 0; j < n; j++) positions[j] = engineOf[positions[j]!]!;
  return positions;
}

const listingCache = new WeakMap<ColumnarData, { partners: Partner[]; indexOf: Map<string, number> }>();

/**
 * The partners in engine order with an id -> engine index Map: the listing the reference's
 * clawback code reads a run's standing and recipients by (runtime/reference/cancellations), built
 * once per data set when a `previous-rank` or `exact` clawback first needs it.
 */
export function partnerListing(c: ColumnarData): { partners: Partner[]; indexOf: Map<string, number> } {
  let listing = listingCache.get(c);
  if (listing === undefined) {
    const partners = Array.from(c.positionOf, (i) => c.data.partners[i]!);
    listing = { partners, indexOf: new Map(partners.map((p, e) => [p.id, e])) };
    listingCache.set(c, listing);
  }
  return listing;
}

const cache = new WeakMap<Dataset, ColumnarData>();

export function columnarOf(data: Dataset): ColumnarData {
  let columnar = cache.get(data);
  if (columnar === undefined) {
    columnar = buildColumnar(data);
    cache.set(data, columnar);
  }
  return columnar;
}

function buildColumnar(data: Dataset): ColumnarData {
  let inconsistent = false;
  const n = data.partners.length;
  // Dates repeat a lot (a few hundred distinct days): convert each text once.
  const days = new Map<string, number>();
  const day = (text: string): number => {
    let d = days.get(text);
    if (d === undefined) {
      d = toDayNumber(text);
      days.set(text, d);
    }
    return d;
  };
  // A Dataset the data checks approved comes with their id maps (unique ids): reused, not rebuilt.
  // Otherwise the same kind of map the checks build (IdPositions: a prefix-and-counter id's
  // position in a typed array, about 4 bytes an id instead of a hash table entry of about 30 on
  // the heap; at 1M partners the three maps hold 6.2M ids).
  const index = knownIndex(data);
  const partnerPositions = (index?.partners as Map<string, number> | undefined) ?? new IdPositions();
  if (index === undefined) {
    for (let i = 0; i < n; i++) {
      const id = data.partners[i]!.id;
      if (partnerPositions.has(id)) inconsistent = true;
      partnerPositions.set(id, i);
    }
  }
  const sponsorPosition = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const s = data.partners[i]!.sponsor;
    if (s === null) continue;
    const si = partnerPositions.get(s);
    if (si === undefined) inconsistent = true;
    else sponsorPosition[i] = si;
  }
  const positionOf = engineOrder(sponsorPosition);
  const engineOf = new Int32Array(n);
  for (let e = 0; e < n; e++) engineOf[positionOf[e]!] = e;
  const indexOf = new EngineIndex(partnerPositions, engineOf);

  const partnerIds = new Array<string>(n);
  const joinedDay = new Int32Array(n);
  const terminatedKind = new Uint8Array(n);
  const terminatedDay = new Int32Array(n);
  const sponsor = new Int32Array(n).fill(-1);
  for (let e = 0; e < n; e++) {
    const i = positionOf[e]!;
    const p = data.partners[i]!;
    partnerIds[e] = p.id;
    joinedDay[e] = day(p.joined);
    if (p.status === "terminated") {
      terminatedKind[e] = p.terminated === null ? 2 : 1;
      if (p.terminated !== null) terminatedDay[e] = day(p.terminated);
    }
    const s = sponsorPosition[i]!;
    if (s >= 0) sponsor[e] = engineOf[s]!;
  }
  const childCount = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) if (sponsor[e]! >= 0) childCount[sponsor[e]!]!++;
  const childStart = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) childStart[e + 1] = childStart[e]! + childCount[e]!;
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(childStart[n]!);
  // Recruits in document order (in engine order too, when the sponsor links form a forest).
  for (let i = 0; i < n; i++) {
    const e = engineOf[i]!;
    const s = sponsor[e]!;
    if (s >= 0) childList[fill[s]!++] = e;
  }
  const idOrder = idOrderOf(data, engineOf);

  // One map for customers (id -> position), their partners in an array: the buyer slots
  // (portions.ts) number customers by the same positions instead of a second 3.5M-entry map.
  const customerPositions: Map<string, number> = new IdPositions();
  const partnerOfCustomer = new Int32Array(data.customers.length).fill(-1);
  for (let i = 0; i < data.customers.length; i++) {
    const c = data.customers[i]!;
    const p = indexOf.get(c.partner);
    if (p === undefined || indexOf.has(c.id) || customerPositions.has(c.id)) inconsistent = true;
    else {
      customerPositions.set(c.id, i);
      partnerOfCustomer[i] = p;
    }
  }
  const customerPartner = new EngineIndex(customerPositions, partnerOfCustomer);

  const m = data.orders.length;
  const orderIndex = (index?.orders as Map<string, number> | undefined) ?? new IdPositions();
  const credited = new Int32Array(m);
  const buyerPartner = new Int32Array(m);
  const dateDay = new Int32Array(m);
  const paidDay = new Int32Array(m);
  const deliveredDay = new Int32Array(m);
  for (let o = 0; o < m; o++) {
    const order = data.orders[o]!;
    if (index === undefined) {
      if (orderIndex.has(order.id)) inconsistent = true;
      orderIndex.set(order.id, o);
    }
    const own = indexOf.get(order.buyer);
    buyerPartner[o] = own ?? -1;
    const c = own ?? customerPartner.get(order.buyer);
    if (c === undefined) inconsistent = true;
    credited[o] = c ?? -1;
    dateDay[o] = day(order.date);
    paidDay[o] = order.paid === null ? NO_DAY : day(order.paid);
    deliveredDay[o] = order.delivered === null ? NO_DAY : day(order.delivered);
  }
  for (const c of data.cancellations) if (!orderIndex.has(c.order)) inconsistent = true;
  for (const a of data.splits) {
    if (!indexOf.has(a.supporter)) inconsistent = true;
    if (!indexOf.has(a.member) && !customerPartner.has(a.member)) inconsistent = true;
  }
  return {
    data, inconsistent, partnerCount: n, partnerIds, partnerPositions, positionOf, indexOf, sponsor, childStart, childList, joinedDay,
    terminatedKind, terminatedDay, idOrder, customerPartner, customerPositions, orderCount: m, orderIndex, credited, buyerPartner,
    dateDay, paidDay, deliveredDay, figureSums: new Map(),
  };
}

/** Σ qty × figure of every order (whole quantities), as scaled integers; cached per figure name. */
export function figureSumsOf(columnar: ColumnarData, figure: string): FigureSums {
  let sums = columnar.figureSums.get(figure);
  if (sums === undefined) {
    sums = buildFigureSums(columnar.data, figure);
    columnar.figureSums.set(figure, sums);
  }
  return sums;
}

function buildFigureSums(data: Dataset, figure: string): FigureSums {
  let scale = 0;
  for (const order of data.orders) {
    for (const line of order.lines) {
      const f = line.figures[figure];
      if (f !== undefined) scale = Math.max(scale, decimalsOf(line.qty) + decimalsOf(f));
    }
  }
  const m = data.orders.length;
  const values = new Float64Array(m);
  const missing = new Uint8Array(m);
  let exact = scale <= 15;
  for (let o = 0; o < m && exact; o++) {
    let sum = 0;
    for (const line of data.orders[o]!.lines) {
      const f = line.figures[figure];
      if (f === undefined) {
        missing[o] = 1;
        continue;
      }
      const qd = decimalsOf(line.qty);
      const q = scaledInt(line.qty, qd);
      const v = scaledInt(f, scale - qd);
      const product = q * v;
      sum += product;
      if (!Number.isSafeInteger(product) || !Number.isSafeInteger(sum)) exact = false;
    }
    values[o] = sum;
  }
  return { scale, values, missing, exact };
}
