/**
 * Decimal text of the data document: the shapes the schema accepts and their canonical form.
 *
 * The data document carries money and volume as decimal strings ("49.90") and accepts JSON
 * numbers only when they are exact non-negative integers (a JSON number like 0.1 has already
 * lost its exact value when JSON.parse is done with it). Percentages are strings with `%`.
 */
import { Decimal, canonical } from "../decimal.ts";

/** Non-negative decimal string: digits, optionally a point and more digits. */
export const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/**
 * Percentage string. A minus sign is accepted by the shape so that "-5%" is reported as a
 * share outside 0–100% rather than as unreadable text.
 */
export const PERCENT_TEXT = /^-?\d+(\.\d+)?%$/;

/** A raw decimal value the schema accepted: a decimal string or a safe non-negative integer. */
export type DecimalValue = string | number;

export function isDecimalValue(value: unknown): value is DecimalValue {
  if (typeof value === "string") return DECIMAL_TEXT.test(value);
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Canonical plain-notation string of an accepted decimal value: "049.90" -> "49.9", 2 -> "2". */
export function canonicalDecimal(value: DecimalValue): string {
  return canonical(new Decimal(typeof value === "number" ? String(value) : value));
}

/** The Decimal of an accepted decimal value. */
export function decimalOf(value: DecimalValue): Decimal {
  return new Decimal(typeof value === "number" ? String(value) : value);
}

/** The percentage as a Decimal number of percent: "50%" -> 50. Expects PERCENT_TEXT. */
export function percentOf(text: string): Decimal {
  return new Decimal(text.slice(0, -1));
}

/** The percentage as a canonical fraction: "50%" -> "0.5", "2.5%" -> "0.025". */
export function percentToFraction(text: string): string {
  return canonical(percentOf(text).div(100));
}
