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
 * each raw text seen to its checked, canonical, interned form.
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

function fastLine(line: unknown, memo: RecordMemo): OrderLine | null {
  if (!plainObject(line)) return null;
  const sku = line.sku;
  if (!nonEmptyText(sku)) return null;
  const qty = memo.decimal(line.qty);
  if (qty === undefined) return null;
  const names: string[] = [];
  let sorted = true;
  for (const key in line) {
    if (key === "sku" || key === "qty") continue;
    if (!memo.figureName(key)) return null;
    if (names.length > 0 && (names[names.length - 1] as string) >= key) sorted = false;
    names.push(key);
  }
  // The Dataset keeps figures with sorted keys (normalize.ts), whatever the file's key order.
  if (!sorted) names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const figures: Record<string, string> = {};
  for (const name of names) {
    const value = memo.decimal(line[name]);
    if (value === undefined) return null;
    figures[name] = value;
  }
  return { sku: memo.text(sku), qty, figures };
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
  const normalized = new Array<OrderLine>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = fastLine(lines[i], memo);
    if (line === null) return null;
    normalized[i] = line;
  }
  return { id, buyer, date, paid, delivered, lines: normalized };
}
