/**
 * The common case of a record, checked and normalized by hand: a partner, customer or order that
 * certainly fits data.schema.json becomes its normalized form (normalize.ts) in one step, without
 * ajv and without the intermediate objects of the general path. At 1M partners (4M records) ajv
 * and normalization were a fifth of reading.
 *
 * Sound, never complete: anything these checks do not prove valid (an unknown key, a bad value,
 * an odd prototype, a key they do not know) returns null, and the record takes the general path
 * (ajv, then normalize.ts), which words every problem exactly as before. So messages cannot
 * change; only valid records are sped up. test/data/stream/fastRecords.test.ts holds the two
 * paths equal on valid and invalid records.
 *
 * Repeated texts (dates, SKUs, quantities and figures) are checked once and shared: a memo maps
 * each raw text seen to its checked, canonical, interned form. Repeated order lines and lists
 * of lines are shared too (orderLines).
 */
import type { Customer, Order, OrderLine, Partner } from "../../../core/dataModel.ts";
import { isValidDate } from "../../../core/dates.ts";
import { canonicalDecimal } from "../decimalText.ts";

/** data.schema.json's `decimal` pattern: digits, an optional fraction, at most 30 digits. */
const DECIMAL_TEXT = /^(?!(?:\.?\d){31})\d+(\.\d+)?$/;
/** data.schema.json's figure names (orderLine `propertyNames`). */
const FIGURE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Memo entries kept at most per kind: odd data (every price different) cannot grow them. */
const MEMO_LIMIT = 100_000;

/** Checked texts, each mapped to the one string object the Dataset keeps. */
export class RecordMemo {
  private readonly dates = new Map<string, string>();
  private readonly decimals = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly figureNames = new Set<string>();
  private readonly lines = new Map<string, OrderLine>();
  private readonly lineLists = new Map<string, OrderLine[]>();

  /** A valid calendar date (interned), or undefined. */
  date(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    const known = this.dates.get(value);
    if (known !== undefined) return known;
    if (!isValidDate(value)) return undefined;
    if (this.dates.size < MEMO_LIMIT) this.dates.set(value, value);
    return value;
  }

  /** The canonical text of a valid `decimal` (interned), or undefined. */
  decimal(value: unknown): string | undefined {
    if (typeof value === "number") {
      return Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? canonicalDecimal(value) : undefined;
    }
    if (typeof value !== "string") return undefined;
    const known = this.decimals.get(value);
    if (known !== undefined) return known;
    if (!DECIMAL_TEXT.test(value)) return undefined;
    const canonical = this.text(canonicalDecimal(value));
    if (this.decimals.size < MEMO_LIMIT) this.decimals.set(value, canonical);
    return canonical;
  }

  /** One string object per distinct short text (SKUs): JSON.parse makes a new one each time. */
  text(value: string): string {
    const known = this.texts.get(value);
    if (known !== undefined) return known;
    if (this.texts.size < MEMO_LIMIT) this.texts.set(value, value);
    return value;
  }

  /** The one line object for a line key (see lineKey), made by `make` the first time. */
  line(key: string, make: () => OrderLine): OrderLine {
    let line = this.lines.get(key);
    if (line === undefined) {
      line = make();
      if (this.lines.size < MEMO_LIMIT) this.lines.set(key, line);
    }
    return line;
  }

  /** The one lines array for a list of line keys joined, made by `make` the first time. */
  lineList(key: string, make: () => OrderLine[]): OrderLine[] {
    let list = this.lineLists.get(key);
    if (list === undefined) {
      list = make();
      if (this.lineLists.size < MEMO_LIMIT) this.lineLists.set(key, list);
    }
    return list;
  }

  figureName(name: string): boolean {
    if (this.figureNames.has(name)) return true;
    if (!FIGURE_NAME.test(name)) return false;
    if (this.figureNames.size < MEMO_LIMIT) this.figureNames.add(name);
    return true;
  }
}

/** A plain JSON object (what JSON.parse makes), not an array, null or a class instance. */
function plainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function nonEmptyText(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/**
 * `typeKey`: the record came from a JSON Lines file and still has its `type` key (already read
 * by the caller); it is then the one key allowed beyond the schema's.
 */
export function fastPartner(record: unknown, memo: RecordMemo, typeKey: boolean): Partner | null {
  if (!plainObject(record)) return null;
  for (const key in record) {
    switch (key) {
      case "id":
      case "sponsor":
      case "joined":
      case "status":
      case "terminated":
        break;
      case "type":
        if (!typeKey) return null;
        break;
      default:
        return null;
    }
  }
  const { id, sponsor, status, terminated } = record;
  if (!nonEmptyText(id)) return null;
  if (sponsor !== null && !nonEmptyText(sponsor)) return null;
  const joined = memo.date(record.joined);
  if (joined === undefined) return null;
  if (status !== undefined && status !== "active" && status !== "terminated") return null;
  let terminatedDate: string | null = null;
  if (terminated !== undefined && terminated !== null) {
    const t = memo.date(terminated);
    if (t === undefined) return null;
    terminatedDate = t;
  }
  return { id, sponsor: sponsor as string | null, joined, status: status ?? "active", terminated: terminatedDate };
}

export function fastCustomer(record: unknown, memo: RecordMemo, typeKey: boolean): Customer | null {
  if (!plainObject(record)) return null;
  for (const key in record) {
    switch (key) {
      case "id":
      case "partner":
      case "joined":
        break;
      case "type":
        if (!typeKey) return null;
        break;
      default:
        return null;
    }
  }
  const { id, partner } = record;
  if (!nonEmptyText(id) || !nonEmptyText(partner)) return null;
  const joined = memo.date(record.joined);
  if (joined === undefined) return null;
  return { id, partner, joined };
}

/**
 * A line proven valid, as a text that determines its normalized form and nothing else: the SKU
 * with its length before it (any text), the canonical quantity, then each figure in sorted name
 * order as `name=value;` (names are letters, digits and `_`, values decimal text). Equal keys,
 * equal normalized lines; null when the line is not proven valid.
 */
function lineKey(line: unknown, memo: RecordMemo): string | null {
  if (!plainObject(line)) return null;
  const sku = line.sku;
  if (!nonEmptyText(sku)) return null;
  const qty = memo.decimal(line.qty);
  if (qty === undefined) return null;
  const names = figureNames(line, memo);
  if (names === null) return null;
  let key = sku.length + "~" + sku + qty + ";";
  for (const name of names) {
    const value = memo.decimal(line[name]);
    if (value === undefined) return null;
    key += name + "=" + value + ";";
  }
  return key;
}

/** A line's figure names, checked, in the sorted order the Dataset keeps (normalize.ts). */
function figureNames(line: Record<string, unknown>, memo: RecordMemo): string[] | null {
  const names: string[] = [];
  let sorted = true;
  for (const key in line) {
    if (key === "sku" || key === "qty") continue;
    if (!memo.figureName(key)) return null;
    if (names.length > 0 && (names[names.length - 1] as string) >= key) sorted = false;
    names.push(key);
  }
  if (!sorted) names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names;
}

/** The normalized form of a line lineKey proved valid. */
function normalizedLine(line: Record<string, unknown>, memo: RecordMemo): OrderLine {
  const figures: Record<string, string> = {};
  for (const name of figureNames(line, memo) as string[]) figures[name] = memo.decimal(line[name]) as string;
  return { sku: memo.text(line.sku as string), qty: memo.decimal(line.qty) as string, figures };
}

/**
 * An order's lines, normalized; one shared array (and line objects) for every order with the
 * same lines. A million orders repeat a few thousand line lists of a few dozen lines, and each
 * list was 4–6 objects that every garbage collection walks. Sharing is safe because nothing
 * mutates a Dataset's lines or tells them apart by identity (test/data/stream/sharedLines.test.ts
 * runs both engines on frozen shared lines).
 */
export function orderLines(lines: unknown[], memo: RecordMemo): OrderLine[] | null {
  const keys = new Array<string>(lines.length);
  let listKey = "";
  for (let i = 0; i < lines.length; i++) {
    const key = lineKey(lines[i], memo);
    if (key === null) return null;
    keys[i] = key;
    listKey += key;
  }
  return memo.lineList(listKey, () => keys.map((key, i) => memo.line(key, () => normalizedLine(lines[i] as Record<string, unknown>, memo))));
}

export function fastOrder(record: unknown, memo: RecordMemo, typeKey: boolean): Order | null {
  if (!plainObject(record)) return null;
  for (const key in record) {
    switch (key) {
      case "id":
      case "buyer":
      case "date":
      case "paid":
      case "delivered":
      case "lines":
        break;
      case "type":
        if (!typeKey) return null;
        break;
      default:
        return null;
    }
  }
  const { id, buyer, lines } = record;
  if (!nonEmptyText(id) || !nonEmptyText(buyer)) return null;
  const date = memo.date(record.date);
  if (date === undefined) return null;
  let paid: string | null = null;
  if (record.paid !== undefined && record.paid !== null) {
    const d = memo.date(record.paid);
    if (d === undefined) return null;
    paid = d;
  }
  let delivered: string | null = null;
  if (record.delivered !== undefined && record.delivered !== null) {
    const d = memo.date(record.delivered);
    if (d === undefined) return null;
    delivered = d;
  }
  if (!Array.isArray(lines) || lines.length === 0) return null;
  const normalized = orderLines(lines, memo);
  if (normalized === null) return null;
  return { id, buyer, date, paid, delivered, lines: normalized };
}
