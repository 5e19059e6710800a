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
import type { Dataset } from "../../core/dataModel.ts";
import { toDayNumber } from "../../core/dates.ts";
import { knownIndex } from "../data/datasetIndex.ts";
import { decimalsOf, scaledInt } from "./scaled.ts";

/** No date (an order not paid or not delivered yet): the release rule's own marker, one value for both. */
import { NO_DAY } from "../shared/releaseDays.ts";
export { NO_DAY };

export interface ColumnarData {
  data: Dataset;
  /** Set when the reference would refuse the data: the compiled runtime then delegates. */
  inconsistent: boolean;
  partnerCount: number;
  partnerIds: string[];
  indexOf: Map<string, number>;
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
  customerPartner: Map<string, number>;
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
  const partnerIds = new Array<string>(n);
  const joinedDay = new Int32Array(n);
  const terminatedKind = new Uint8Array(n);
  const terminatedDay = new Int32Array(n);
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
  const index = knownIndex(data);
  const indexOf = (index?.partners as Map<string, number> | undefined) ?? new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = data.partners[i]!;
    partnerIds[i] = p.id;
    if (index === undefined) {
      if (indexOf.has(p.id)) inconsistent = true;
      indexOf.set(p.id, i);
    }
    joinedDay[i] = day(p.joined);
    if (p.status === "terminated") {
      terminatedKind[i] = p.terminated === null ? 2 : 1;
      if (p.terminated !== null) terminatedDay[i] = day(p.terminated);
    }
  }
  const sponsor = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const s = data.partners[i]!.sponsor;
    if (s === null) continue;
    const si = indexOf.get(s);
    if (si === undefined) {
      inconsistent = true;
      continue;
    }
    sponsor[i] = si;
    childCount[si]!++;
  }
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + childCount[i]!;
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(childStart[n]!);
  for (let i = 0; i < n; i++) {
    const s = sponsor[i]!;
    if (s >= 0) childList[fill[s]!++] = i;
  }
  const idOrder = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ia = partnerIds[a]!;
    const ib = partnerIds[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });

  const customerPartner = new Map<string, number>();
  for (const c of data.customers) {
    const p = indexOf.get(c.partner);
    if (p === undefined || indexOf.has(c.id) || customerPartner.has(c.id)) inconsistent = true;
    else customerPartner.set(c.id, p);
  }

  const m = data.orders.length;
  const orderIndex = (index?.orders as Map<string, number> | undefined) ?? new Map<string, number>();
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
    data, inconsistent, partnerCount: n, partnerIds, indexOf, sponsor, childStart, childList, joinedDay,
    terminatedKind, terminatedDay, idOrder, customerPartner, orderCount: m, orderIndex, credited, buyerPartner,
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
