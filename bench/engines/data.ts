/**
 * The engine bench's data sets, generated in-process without JSON: the sample generator's
 * drawing stages (tools/samples) with the Dataset built directly, sharing what repeats, so that
 * a 1M-partner month fits next to the run and the garbage collector has fewer objects to mark
 * while the engine runs: date texts, partner id texts (a sponsor, a customer's partner and an
 * order's buyer reuse the partner's or customer's own id string), line objects per product and
 * quantity, and whole `lines` arrays per sequence of lines (a Dataset is never mutated, and
 * nothing keys on a line array's identity). Same seed, same data as `comp generate` would draw
 * from these stages.
 *
 * Shape: about two orders per partner and month (partners' own orders and 3.5 customers per
 * partner), about 5% of partners as split members, cancellations of 2% of the orders (before- and
 * after-run together; in a one-period run the after-run ones wait for a later period).
 */
import type { Dataset, Order, OrderLine, Partner } from "../../core/dataModel.ts";
import { normalizeDocument } from "../../runtime/data/normalize.ts";
import { formatCents } from "../../tools/samples/amounts.ts";
import { addMonths, dayNumber, firstDay, isoDate, lastDay, parsePeriod } from "../../tools/samples/calendar.ts";
import { drawCancellations } from "../../tools/samples/cancellations.ts";
import { growGenealogy, type GenealogyWindow } from "../../tools/samples/genealogy.ts";
import { cancellationId, customerId, orderId, partnerId } from "../../tools/samples/ids.ts";
import { drawOrders, type DraftOrder } from "../../tools/samples/orders.ts";
import { drawCustomers, drawTerminations, TerminationKind } from "../../tools/samples/people.ts";
import { Rng } from "../../tools/samples/rng.ts";
import { drawSplits } from "../../tools/samples/splits.ts";

export const BENCH_MONTH = "2026-07";

/**
 * `collect` (a full garbage collection, when the caller has one: `--expose-gc`) runs once the
 * drafts are dropped, so their memory is free before the Dataset's objects are made instead of
 * waiting for the collector while they pile up on top.
 */
export function benchData(partners: number, seed = 42, collect: () => void = () => {}): Dataset {
  const firstMonth = parsePeriod(BENCH_MONTH)!;
  const window: GenealogyWindow = {
    historyStart: dayNumber(firstMonth.year - 3, firstMonth.month, 1),
    monthsStart: firstDay(firstMonth),
    monthsEnd: lastDay(addMonths(firstMonth, 0)),
  };
  const genealogy = growGenealogy(partners, new Rng(seed, 1), window);
  const peopleRng = new Rng(seed, 2);
  const terminations = drawTerminations(genealogy, window, peopleRng);
  const customers = drawCustomers(genealogy, terminations, window, 3.5, peopleRng);
  // Every drawing stage has its own random stream, so their order does not change the data. The
  // orders are drawn first, while only typed arrays exist: the generator's drafts (several
  // objects per order, about 700 MB at 1M partners) were the data's peak when they sat beside the
  // partner and customer objects. They are reduced to typed columns and dropped before any
  // Dataset object is made.
  const drafts = drawOrders(
    { genealogy, terminations, customers, firstMonth, months: 1, monthsStart: window.monthsStart, pendingPerMille: 20 },
    new Rng(seed, 3),
  );
  const splits = drawSplits(
    { genealogy, terminations, customers, firstMonth, months: 1, count: Math.round(partners * 0.1), shareMeasures: ["PV", "CV"] },
    new Rng(seed, 4),
  );
  const rawCancellations = drawCancellations(drafts, Math.round(drafts.length * 0.02), new Rng(seed, 5));
  const drafted = compactOrders(drafts);
  drafts.length = 0;
  collect();

  const isoCache = new Map<number, string>();
  const iso = (day: number): string => {
    let text = isoCache.get(day);
    if (text === undefined) {
      text = isoDate(day);
      isoCache.set(day, text);
    }
    return text;
  };
  const partnerIds = Array.from({ length: partners }, (_, i) => partnerId(i));
  const partnerList: Partner[] = new Array(partners);
  for (let i = 0; i < partners; i++) {
    const sponsor = genealogy.sponsor[i] ?? -1;
    const kind = terminations.kind[i];
    partnerList[i] = {
      id: partnerIds[i]!,
      sponsor: sponsor < 0 ? null : partnerIds[sponsor]!,
      joined: iso(genealogy.joined[i] ?? 0),
      status: kind === TerminationKind.None ? "active" : "terminated",
      terminated: kind === TerminationKind.Dated ? iso(terminations.day[i] ?? 0) : null,
    };
  }
  const customerList = Array.from(customers.partner, (partner, c) => ({ id: customerId(c), partner: partnerIds[partner]!, joined: iso(customers.joined[c] ?? 0) }));
  // The generator's agreements are each valid, but together they can close a circle of credit
  // (semantics §3, refused as credit-cycle). Keep only partner members whose supporter sits
  // higher in the genealogy: every credit edge then points to a smaller depth, so no circle.
  const depthOf = (id: string): number => genealogy.depth[Number(id.slice(1)) - 1] ?? 0;
  const acyclicSplits = splits.filter((a) => !a.member.startsWith("P") || depthOf(a.supporter) < depthOf(a.member));
  const orders: Order[] = new Array(drafted.count);
  for (let index = 0; index < drafted.count; index++) {
    const buyer = drafted.buyer[index]!;
    const paid = drafted.paid[index]!;
    const delivered = drafted.delivered[index]!;
    orders[index] = {
      id: orderId(index),
      buyer: buyer >= 0 ? partnerIds[buyer]! : customerList[-1 - buyer]!.id,
      date: iso(drafted.day[index]!),
      paid: paid === NO_DRAFT_DAY ? null : iso(paid),
      delivered: delivered === NO_DRAFT_DAY ? null : iso(delivered),
      lines: drafted.lineArrays[drafted.lines[index]!]!,
    };
  }
  const small = normalizeDocument({
    partners: [], customers: [], orders: [], splits: acyclicSplits,
    cancellations: rawCancellations.map((c, index) => ({
      id: cancellationId(index), order: orderId(c.order), date: iso(c.day), goods: c.goods, ...(c.lines === null ? {} : { lines: c.lines }),
    })),
  });
  return { partners: partnerList, customers: customerList, splits: small.splits, orders, cancellations: small.cancellations };
}

/** A draft's missing payment or delivery day in the compact columns. */
const NO_DRAFT_DAY = -2147483648;

/** The drafted orders as columns: buyer (partner index, or -1 - customer index), days, and an index into the shared lines arrays. */
interface CompactOrders {
  count: number;
  buyer: Int32Array;
  day: Int32Array;
  paid: Int32Array;
  delivered: Int32Array;
  lines: Int32Array;
  /** One lines array per distinct sequence of (product, quantity): a few hundred for millions of orders. */
  lineArrays: OrderLine[][];
}

function compactOrders(drafts: readonly DraftOrder[]): CompactOrders {
  const count = drafts.length;
  const out: CompactOrders = {
    count, buyer: new Int32Array(count), day: new Int32Array(count), paid: new Int32Array(count), delivered: new Int32Array(count),
    lines: new Int32Array(count), lineArrays: [],
  };
  // Line objects are shared per product and quantity, lines arrays per sequence of them (a
  // Dataset is never mutated, and nothing keys on a line array's identity).
  const lines = new Map<string, OrderLine>();
  const lineOf = (sku: string, qty: number, netCents: number, points: number): OrderLine => {
    const key = `${sku}\u0000${qty}`;
    let line = lines.get(key);
    if (line === undefined) {
      line = { sku, qty: String(qty), figures: { net: formatCents(netCents), points: String(points) } };
      lines.set(key, line);
    }
    return line;
  };
  const sequences = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const o = drafts[index]!;
    out.buyer[index] = o.buyer.kind === "partner" ? o.buyer.index : -1 - o.buyer.index;
    out.day[index] = o.day;
    out.paid[index] = o.paid ?? NO_DRAFT_DAY;
    out.delivered[index] = o.delivered ?? NO_DRAFT_DAY;
    let key = "";
    for (const l of o.lines) key += `${l.product.sku}\u0000${l.qty}\u0001`;
    let sequence = sequences.get(key);
    if (sequence === undefined) {
      sequence = out.lineArrays.length;
      out.lineArrays.push(o.lines.map((l) => lineOf(l.product.sku, l.qty, l.product.netCents, l.product.points)));
      sequences.set(key, sequence);
    }
    out.lines[index] = sequence;
  }
  return out;
}
