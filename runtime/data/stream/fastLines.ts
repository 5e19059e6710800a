/**
 * The common JSON Lines record read straight from its text: a partner, customer or order line
 * written the way `comp generate` (and any compact JSON writer) writes it becomes its normalized
 * record without JSON.parse.
 *
 * Why not JSON.parse: V8's JSON.parse puts every string value of up to 10 characters into its
 * string table (ids like `O2097489`, dates, prices), so at 1M partners the table holds millions
 * of ids, every insertion misses the cache and every full garbage collection walks the table;
 * and each line's parsed object is thrown away at once for its normalized form. Here the values
 * are cut out of the line, and an order's lines are looked up by their raw text (a million
 * orders repeat a few thousand texts), so most lines need no parse at all.
 *
 * Sound, never complete, like fastRecords.ts: a line is taken only when it is, provably, valid
 * JSON without a repeated key whose value the general path (parseValueText, then fastRecords.ts)
 * would turn into this very record. Anything else returns null and the line takes that path,
 * which words every problem exactly as before:
 * - no whitespace between tokens, and no backslash or control character in any string value
 *   taken (so each `"` found delimits a string, and a string's text is its value); a key with
 *   one is no key of the record, and an order's `lines` text not seen before is taken only from
 *   a line without any (a known one was such a text when it was remembered);
 * - `{"type":"partner"|"customer"|"order"` first, then keys of that record, each at most once,
 *   with string or null values (an order's `lines` an array, see below), `}` last;
 * - the checks of fastRecords.ts on the values, word for word.
 * test/data/stream/fastLines.test.ts holds the two paths equal.
 */
import type { Customer, Order, OrderLine, Partner } from "../../../core/dataModel.ts";
import { orderLines, type RecordMemo } from "./fastRecords.ts";
import { parseValueText } from "./recordText.ts";

/** Characters that send a line to the general path: JSON escapes and raw control characters. */
const ESCAPE_OR_CONTROL = /[\u0000-\u001f\\]/;
const BACKSLASH = 92;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** Strings this long or longer are cut as V8 sliced strings, which would keep the whole line alive. */
const SLICED_FROM = 13;
/** Raw `lines` texts remembered at most: odd data (every order different) cannot grow it. */
const LINES_LIMIT = 100_000;

/** `null` in the line: the value null; a string: its text; undefined: neither (not this path's). */
type Scalar = string | null | undefined;

/** The date fields, each with the last date it had (dates come in runs: files are in date order). */
const enum DateField {
  PartnerJoined,
  PartnerTerminated,
  CustomerJoined,
  OrderDate,
  OrderPaid,
  OrderDelivered,
}

export type LineSection = "partners" | "customers" | "orders";

export class FastLineReader {
  /** The section of the record the last successful `read` returned. */
  section: LineSection = "partners";
  private text = "";
  private at = 0;
  private readonly rawLines = new Map<string, OrderLine[]>();
  /** Per DateField, the last valid date it held ("" before the first). */
  private readonly lastDates: string[] = ["", "", "", "", "", ""];

  constructor(private readonly memo: RecordMemo) {}

  /** The normalized record of a line this path can prove, or null (take the general path). */
  read(text: string): Partner | Customer | Order | null {
    this.text = text;
    if (text.startsWith('{"type":"partner"', 0)) {
      this.at = 17;
      this.section = "partners";
      return this.partner();
    }
    if (text.startsWith('{"type":"order"', 0)) {
      this.at = 15;
      this.section = "orders";
      return this.order();
    }
    if (text.startsWith('{"type":"customer"', 0)) {
      this.at = 18;
      this.section = "customers";
      return this.customer();
    }
    return null;
  }

  /**
   * An element of a JSON document's `section` list from its text, `{"id":…}` without a `type`:
   * `read` for the document format (the same record, or null for the general path). The section
   * is the list's, never guessed from the text: an order in `partners` has keys no partner has.
   */
  readElement(section: LineSection, text: string): Partner | Customer | Order | null {
    if (text.charCodeAt(0) !== OPEN_BRACE) return null;
    this.text = text;
    this.at = 0;
    this.section = section;
    switch (section) {
      case "partners":
        return this.partner();
      case "customers":
        return this.customer();
      case "orders":
        return this.order();
      default: {
        const never: never = section;
        throw new Error(`unknown section ${String(never)}`);
      }
    }
  }

  /**
   * The next key: after `,"` (or after the `{` that opens an element's text, readElement), up to
   * `":`; null at the closing `}` (the end of the line), and undefined when the text is anything else.
   */
  private key(): string | null | undefined {
    const text = this.text;
    const c = text.charCodeAt(this.at);
    if (c === CLOSE_BRACE) return this.at === text.length - 1 ? null : undefined;
    // Position 0 is reached only by readElement: a line's first key is `type`, read by `read`.
    if ((c !== COMMA && (c !== OPEN_BRACE || this.at !== 0)) || text.charCodeAt(this.at + 1) !== QUOTE) return undefined;
    const start = this.at + 2;
    const end = text.indexOf('"', start);
    if (end === -1 || text.charCodeAt(end + 1) !== COLON) return undefined;
    this.at = end + 2;
    return text.slice(start, end);
  }

  /** A string or null value at the current place. */
  private scalar(): Scalar {
    const text = this.text;
    const c = text.charCodeAt(this.at);
    if (c === QUOTE) {
      const start = this.at + 1;
      const end = text.indexOf('"', start);
      if (end === -1) return undefined;
      // A backslash (an escape) or a control character: the general path words or decodes it.
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 32 || c === BACKSLASH) return undefined;
      }
      this.at = end + 1;
      // A short cut is copied; a long one is parsed (a copy too) so it does not keep the line.
      return end - start < SLICED_FROM ? text.slice(start, end) : (JSON.parse(text.slice(start - 1, end + 1)) as string);
    }
    if (text.startsWith("null", this.at)) {
      this.at += 4;
      return null;
    }
    return undefined;
  }

  /**
   * A date field's value: a valid date (the memo's one string), null, or undefined when it is
   * neither (the record takes the general path). The field's last date is compared in place
   * first, so a run of equal dates makes no string and no lookup.
   */
  private date(field: DateField): Scalar {
    const text = this.text;
    const last = this.lastDates[field] as string;
    const at = this.at;
    if (last !== "" && text.charCodeAt(at) === QUOTE && text.charCodeAt(at + 1 + last.length) === QUOTE && text.startsWith(last, at + 1)) {
      this.at = at + 2 + last.length;
      return last;
    }
    const value = this.scalar();
    if (value === null || value === undefined) return value;
    const date = this.memo.date(value);
    if (date !== undefined) this.lastDates[field] = date;
    return date;
  }

  private partner(): Partner | null {
    let id: Scalar;
    let sponsor: Scalar;
    let joined: Scalar;
    let status: Scalar;
    let terminated: Scalar;
    let seen = 0;
    for (let key = this.key(); key !== null; key = this.key()) {
      const bit = key === "id" ? 1 : key === "sponsor" ? 2 : key === "joined" ? 4 : key === "status" ? 8 : key === "terminated" ? 16 : 0;
      if (bit === 0 || (seen & bit) !== 0) return null;
      seen |= bit;
      // Dates are checked as they are read (this.date): a date field holds a valid date or null.
      const value = bit === 4 ? this.date(DateField.PartnerJoined) : bit === 16 ? this.date(DateField.PartnerTerminated) : this.scalar();
      if (value === undefined) return null;
      if (bit === 1) id = value;
      else if (bit === 2) sponsor = value;
      else if (bit === 4) joined = value;
      else if (bit === 8) status = value;
      else terminated = value;
    }
    // fastPartner's checks (fastRecords.ts), on the same values.
    if (typeof id !== "string" || id.length === 0) return null;
    if (sponsor !== null && (typeof sponsor !== "string" || sponsor.length === 0)) return null;
    if (typeof joined !== "string") return null;
    if (status !== undefined && status !== "active" && status !== "terminated") return null;
    return { id, sponsor, joined, status: status ?? "active", terminated: terminated ?? null };
  }

  private customer(): Customer | null {
    let id: Scalar;
    let partner: Scalar;
    let joined: Scalar;
    let seen = 0;
    for (let key = this.key(); key !== null; key = this.key()) {
      const bit = key === "id" ? 1 : key === "partner" ? 2 : key === "joined" ? 4 : 0;
      if (bit === 0 || (seen & bit) !== 0) return null;
      seen |= bit;
      const value = bit === 4 ? this.date(DateField.CustomerJoined) : this.scalar();
      if (value === undefined) return null;
      if (bit === 1) id = value;
      else if (bit === 2) partner = value;
      else joined = value;
    }
    if (typeof id !== "string" || id.length === 0 || typeof partner !== "string" || partner.length === 0) return null;
    if (typeof joined !== "string") return null;
    return { id, partner, joined };
  }

  private order(): Order | null {
    let id: Scalar;
    let buyer: Scalar;
    let date: Scalar;
    let paid: Scalar;
    let delivered: Scalar;
    let lines: OrderLine[] | null = null;
    let seen = 0;
    for (let key = this.key(); key !== null; key = this.key()) {
      const bit = key === "id" ? 1 : key === "buyer" ? 2 : key === "date" ? 4 : key === "paid" ? 8 : key === "delivered" ? 16 : key === "lines" ? 32 : 0;
      if (bit === 0 || (seen & bit) !== 0) return null;
      seen |= bit;
      if (bit === 32) {
        lines = this.lines();
        if (lines === null) return null;
        continue;
      }
      const value =
        bit === 4 ? this.date(DateField.OrderDate) : bit === 8 ? this.date(DateField.OrderPaid) : bit === 16 ? this.date(DateField.OrderDelivered) : this.scalar();
      if (value === undefined) return null;
      if (bit === 1) id = value;
      else if (bit === 2) buyer = value;
      else if (bit === 4) date = value;
      else if (bit === 8) paid = value;
      else delivered = value;
    }
    // fastOrder's checks (fastRecords.ts), on the same values (dates checked as read).
    if (typeof id !== "string" || id.length === 0 || typeof buyer !== "string" || buyer.length === 0) return null;
    if (typeof date !== "string") return null;
    if (lines === null) return null;
    return { id, buyer, date, paid: paid ?? null, delivered: delivered ?? null, lines };
  }

  /**
   * An order's `lines` value: its extent found by brackets outside strings (in a line without a
   * backslash every `"` opens or closes a string), then its raw text looked up; a text not seen
   * before is parsed with the general path's strict reader and checked by fastRecords.ts's
   * orderLines. The same text always gives the same lines, so the lookup is exact.
   */
  private lines(): OrderLine[] | null {
    const text = this.text;
    const start = this.at;
    if (text.charCodeAt(start) !== OPEN_BRACKET) return null;
    // `lines` last (the usual order): the rest of the line but its `}` is a known text, which
    // was a whole JSON array when it was remembered, so no scan is needed.
    if (text.charCodeAt(text.length - 1) === CLOSE_BRACE) {
      const known = this.rawLines.get(text.slice(start, text.length - 1));
      if (known !== undefined) {
        this.at = text.length - 1;
        return known;
      }
    }
    // A text not seen before is scanned by brackets and quotes, which holds only without escapes.
    if (ESCAPE_OR_CONTROL.test(text)) return null;
    let depth = 0;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = text.indexOf('"', i + 1);
        if (i === -1) return null;
      } else if (c === OPEN_BRACKET || c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        depth--;
        if (depth === 0) break;
      } else if (Number.isNaN(c)) return null;
      i++;
    }
    if (text.charCodeAt(i) !== CLOSE_BRACKET) return null;
    this.at = i + 1;
    const raw = text.slice(start, i + 1);
    const known = this.rawLines.get(raw);
    if (known !== undefined) return known;
    const parsed = parseValueText(raw);
    if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return null;
    const lines = orderLines(parsed.value, this.memo);
    // Remembered as a copy: `raw` is a slice of the line, itself a slice of the 1 MB chunk of
    // the file it came in, which the key would keep alive (V8 slices share their parent).
    if (lines !== null && this.rawLines.size < LINES_LIMIT) this.rawLines.set((" " + raw).slice(1), lines);
    return lines;
  }
}
