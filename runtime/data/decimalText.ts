/**
 * Decimal text of the data document and its canonical form.
 *
 * The data document carries money and volume as decimal strings ("49.90", data.schema.json's
 * pattern `^\d+(\.\d+)?$`) and accepts JSON numbers only when they are exact non-negative
 * integers (a JSON number like 0.1 has already lost its exact value once JSON.parse is done
 * with it). Percentages are strings with `%`, a minus sign allowed so that "-5%" can be
 * reported as a share outside 0–100% rather than as unreadable text.
 */
import { Decimal } from "../../core/decimal.ts";

/** A raw decimal value the schema accepted: a decimal string or a safe non-negative integer. */
export type DecimalValue = string | number;

/**
 * Canonical plain-notation string of an accepted decimal value: "049.90" -> "49.9", 2 -> "2".
 * The same text as core/decimal.ts `canonical`, computed on the text: a data document has
 * hundreds of thousands of figures, and constructing a Decimal for each cost seconds.
 */
export function canonicalDecimal(value: DecimalValue): string {
  if (typeof value === "number") return String(value);
  const point = value.indexOf(".");
  let whole = point === -1 ? value : value.slice(0, point);
  let fraction = point === -1 ? "" : value.slice(point + 1);
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  whole = whole.slice(start);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** The Decimal of an accepted decimal value. */
export function decimalOf(value: DecimalValue): Decimal {
  return new Decimal(typeof value === "number" ? String(value) : value);
}

/** The percentage as a Decimal number of percent: "50%" -> 50. Expects PERCENT_TEXT. */
export function percentOf(text: string): Decimal {
  return new Decimal(text.slice(0, -1));
}

