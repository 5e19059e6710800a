/**
 * A Dataset built record by record, so that a data file can be read as a stream (JSON Lines or a
 * streamed JSON document) and checked in one pass: each record gets its schema check as it
 * arrives and is kept in normalized form (the raw record is dropped), and the checks across
 * records (people and the sponsor forest, splits, orders, cancellations) run at the end over the
 * records that passed. So schema problems no longer hide graph problems: a file gets every
 * problem that can be found at once.
 *
 * A record that failed its schema check is left out of the checks across records; references to
 * its id ("unknown sponsor `P7`") are then not reported, since `P7` exists, it is only broken.
 * Problem paths keep the record's position in its section (`orders[3].buyer`), whatever was left
 * out, so a caller can locate them (a JSON Lines file maps them to lines).
 */
import type { Dataset, DataProblem, Partner, Customer, Order } from "../../../core/dataModel.ts";
import { sortProblems } from "../../../core/problemPath.ts";
import { checkCancellations } from "../cancellationChecks.ts";
import type { CancellationRecord, CustomerRecord, DataDocument, OrderRecord, PartnerRecord, SplitRecord } from "../document.ts";
import { checkPeople } from "../graphChecks.ts";
import { normalizeCancellation, normalizeCustomer, normalizeOrder, normalizePartner, normalizeSplit } from "../normalize.ts";
import { checkOrders } from "../orderChecks.ts";
import { recordSchemaProblems, schemaProblems, type RecordSection } from "../schemaCheck.ts";
import { checkSplits } from "../splitChecks.ts";
import { rememberIndex } from "../datasetIndex.ts";
import { FastLineReader } from "./fastLines.ts";
import { fastCustomer, fastOrder, fastPartner, RecordMemo } from "./fastRecords.ts";

export type { RecordSection };
export const RECORD_SECTIONS: readonly RecordSection[] = ["partners", "customers", "splits", "orders", "cancellations"];

export type BuiltDataset = { ok: true; data: Dataset } | { ok: false; problems: DataProblem[]; overflow: Map<string, number> };

/** `orders[3].lines[0].qty` -> `orders[].lines[].qty`: problems of one kind, for the capped listing. */
export function problemKind(path: string): string {
  return path.replace(/\[\d+\]/g, "[]");
}

const SECTION_INDEX = /\b(partners|customers|splits|orders|cancellations)\[(\d+)\]/g;
const UNKNOWN_REFERENCE = /^unknown (?:sponsor|buyer|partner|member|supporter|order) `([^`]*)`/;

/**
 * One string object per distinct short text (dates, SKUs, prices, quantities): JSON.parse makes a
 * new string for every occurrence, and a million orders repeat a few hundred dates and prices.
 * Sharing them saves hundreds of megabytes at 1M partners. Bounded, so odd data cannot grow it.
 */
class Interner {
  private readonly texts = new Map<string, string>();

  of(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < 100_000) this.texts.set(text, text);
    return text;
  }

  orNull(text: string | null): string | null {
    return text === null ? null : this.of(text);
  }
}

function internOrder(order: Order, interner: Interner): Order {
  order.date = interner.of(order.date);
  order.paid = interner.orNull(order.paid);
  order.delivered = interner.orNull(order.delivered);
  for (const line of order.lines) {
    line.sku = interner.of(line.sku);
    line.qty = interner.of(line.qty);
    for (const name in line.figures) line.figures[name] = interner.of(line.figures[name] as string);
  }
  return order;
}

export class DatasetBuilder {
  private readonly interner = new Interner();
  private readonly memo = new RecordMemo();
  private readonly lineReader = new FastLineReader(this.memo);
  private readonly partners: Partner[] = [];
  private readonly customers: Customer[] = [];
  private readonly splits: SplitRecord[] = [];
  private readonly orders: Order[] = [];
  private readonly cancellations: CancellationRecord[] = [];
  /** Per section, the position in the input of each kept record (kept index -> input index). */
  /**
   * Per section, the position in the input of each kept record (kept index -> input index); null
   * while no record was dropped, when the two are the same (no array of millions to fill).
   */
  private positions: Record<RecordSection, number[]> | null = null;
  private readonly counts: Record<RecordSection, number> = { partners: 0, customers: 0, splits: 0, orders: 0, cancellations: 0 };
  private readonly brokenIds = new Set<string>();
  private readonly problems: DataProblem[] = [];
  private readonly overflow = new Map<string, number>();
  private dropped = false;

  /** `storeLimit`: problems kept in full; beyond it only counted per kind (a broken 1M-line file). */
  constructor(private readonly storeLimit = Number.POSITIVE_INFINITY) {}

  /** Records read so far, per section. */
  count(section: RecordSection): number {
    return this.counts[section];
  }

  /** The top level of a document with its sections' lists left empty: missing or unknown sections, wrong types. */
  topLevel(skeleton: unknown): void {
    for (const p of schemaProblems(skeleton)) this.report(p);
  }

  /** A problem found outside the record checks (a line that is not JSON, a record of unknown type). */
  report(problem: DataProblem): void {
    if (this.problems.length < this.storeLimit) this.problems.push(problem);
    else this.overflow.set(problemKind(problem.path), (this.overflow.get(problemKind(problem.path)) ?? 0) + 1);
  }

  /** The index the next record of `section` gets. */
  nextIndex(section: RecordSection): number {
    return this.count(section);
  }

  /** Counts a record that could not be read at all (its problem is reported by the caller). */
  skip(section: RecordSection): void {
    this.counts[section]++;
    this.drop();
  }

  /**
   * One record of `section`. `typeKey`: it still has the `type` key of a JSON Lines line, which
   * the general path removes before the schema check (the fast path just allows it).
   */
  add(section: RecordSection, record: unknown, typeKey = false): void {
    const index = this.count(section);
    this.counts[section] = index + 1;
    if (this.addChecked(section, record, typeKey)) {
      this.positions?.[section].push(index);
      return;
    }
    if (typeKey) delete (record as Record<string, unknown>)["type"];
    const problems = recordSchemaProblems(section, index, record);
    if (problems.length > 0) {
      for (const p of problems) this.report(p);
      this.drop();
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id === "string") this.brokenIds.add(id);
      return;
    }
    this.positions?.[section].push(index);
    switch (section) {
      case "partners":
        {
          const partner = normalizePartner(record as PartnerRecord);
          partner.joined = this.interner.of(partner.joined);
          partner.terminated = this.interner.orNull(partner.terminated);
          this.partners.push(partner);
        }
        break;
      case "customers":
        {
          const customer = normalizeCustomer(record as CustomerRecord);
          customer.joined = this.interner.of(customer.joined);
          this.customers.push(customer);
        }
        break;
      case "splits":
        this.splits.push(record as SplitRecord);
        break;
      case "orders":
        this.orders.push(internOrder(normalizeOrder(record as OrderRecord), this.interner));
        break;
      case "cancellations":
        this.cancellations.push(record as CancellationRecord);
        break;
      default: {
        const never: never = section;
        throw new Error(`unknown section ${String(never)}`);
      }
    }
  }

  /**
   * A JSON Lines line read straight from its text (fastLines.ts) when it can be proven to be a
   * valid partner, customer or order: its section, the record kept as `add` would keep it. Null:
   * nothing was read or counted; the caller parses the line and calls `add`.
   */
  addLine(text: string): RecordSection | null {
    const record = this.lineReader.read(text);
    return record === null ? null : this.keepRead(record);
  }

  /**
   * An element of a JSON document's `section` list read straight from its text (fastLines.ts
   * readElement), kept as `add` would keep it: true; false: nothing was read or counted, the
   * caller parses the text and calls `add`. Splits and cancellations always take `add`.
   */
  addElement(section: RecordSection, text: string): boolean {
    if (section !== "partners" && section !== "customers" && section !== "orders") return false;
    const record = this.lineReader.readElement(section, text);
    if (record === null) return false;
    this.keepRead(record);
    return true;
  }

  /** A record the fast line reader proved, in its section (`lineReader.section`). */
  private keepRead(record: Partner | Customer | Order): RecordSection {
    const section = this.lineReader.section;
    const index = this.count(section);
    this.counts[section] = index + 1;
    this.positions?.[section].push(index);
    switch (section) {
      case "partners":
        this.partners.push(record as Partner);
        break;
      case "customers":
        this.customers.push(record as Customer);
        break;
      case "orders":
        this.orders.push(record as Order);
        break;
      default: {
        const never: never = section;
        throw new Error(`unknown section ${String(never)}`);
      }
    }
    return section;
  }

  /** The fast path (fastRecords.ts): true when the record was proven valid and kept. */
  private addChecked(section: RecordSection, record: unknown, typeKey: boolean): boolean {
    switch (section) {
      case "partners": {
        const partner = fastPartner(record, this.memo, typeKey);
        if (partner !== null) this.partners.push(partner);
        return partner !== null;
      }
      case "customers": {
        const customer = fastCustomer(record, this.memo, typeKey);
        if (customer !== null) this.customers.push(customer);
        return customer !== null;
      }
      case "orders": {
        const order = fastOrder(record, this.memo, typeKey);
        if (order !== null) this.orders.push(order);
        return order !== null;
      }
      case "splits":
      case "cancellations":
        // Few, and with shapes (shares, cancelled lines) the general path handles well enough.
        return false;
      default: {
        const never: never = section;
        throw new Error(`unknown section ${String(never)}`);
      }
    }
  }

  /** A record was dropped: from now on kept and input positions differ. */
  private drop(): void {
    if (this.positions === null) {
      // Until this record every record read was kept: each kept index is its input index.
      const identity = (kept: readonly unknown[]) => Array.from({ length: kept.length }, (_, i) => i);
      this.positions = {
        partners: identity(this.partners),
        customers: identity(this.customers),
        splits: identity(this.splits),
        orders: identity(this.orders),
        cancellations: identity(this.cancellations),
      };
    }
    this.dropped = true;
  }

  /** The checks across records, then the Dataset or every problem (sorted by position). */
  finish(): BuiltDataset {
    // Normalized partners, customers and orders have every field the checks read of the raw records.
    const doc = {
      partners: this.partners,
      customers: this.customers,
      splits: this.splits,
      orders: this.orders,
      cancellations: this.cancellations,
    } as unknown as DataDocument;
    const { problems: peopleProblems, people } = checkPeople(doc);
    const { problems: orderProblems, orders } = checkOrders(doc, people);
    const across = [...peopleProblems, ...checkSplits(doc, people), ...orderProblems, ...checkCancellations(doc, orders)];
    for (const p of across) {
      const reference = UNKNOWN_REFERENCE.exec(p.message);
      if (reference !== null && this.brokenIds.has(reference[1] as string)) continue;
      this.report(this.dropped ? this.toInputPositions(p) : p);
    }
    if (this.problems.length > 0 || this.overflow.size > 0) {
      return { ok: false, problems: sortProblems(this.problems), overflow: this.overflow };
    }
    const data: Dataset = {
      partners: this.partners,
      customers: this.customers,
      splits: this.splits.map(normalizeSplit),
      orders: this.orders,
      cancellations: this.cancellations.map(normalizeCancellation),
    };
    // Every id is unique now: the checks' maps are the compiled runtime's (datasetIndex.ts).
    rememberIndex(data, { partners: people.partnerIndex, orders: orders.positions });
    return { ok: true, data };
  }

  /** Paths and messages of the checks across records name kept positions; the input's are wanted. */
  private toInputPositions(p: DataProblem): DataProblem {
    const remap = (text: string) =>
      text.replace(SECTION_INDEX, (whole, section: RecordSection, index: string) => {
        const position = this.positions?.[section][Number(index)];
        return position === undefined ? whole : `${section}[${position}]`;
      });
    return { ...p, path: remap(p.path), message: remap(p.message) };
  }
}
