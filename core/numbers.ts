/**
 * Exact conversions between the numbers as written in a plan and the canonical decimal strings
 * of the IR. Everything goes through core/decimal.ts: never a JavaScript float.
 */
import { Decimal, canonical } from "./decimal.ts";

/** The lexer only produces `\d+(\.\d+)?`; anything else is not a plan number. */
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/** The exact value of a number literal's text, or null if the text is not a plain number. */
export function decimalOf(text: string): Decimal | null {
  return PLAIN_NUMBER.test(text) ? new Decimal(text) : null;
}

/** "10.00" -> "10", "0.010" -> "0.01". Callers pass only checked literal text. */
export function canonicalNumber(text: string): string {
  return canonical(new Decimal(text));
}

/** "5" (from `5%`) -> "0.05"; "2.5" -> "0.025". Dividing by 100 is exact in decimal. */
export function percentToFraction(text: string): string {
  return canonical(new Decimal(text).div(100));
}

/** "0.05" -> "5"; the inverse of percentToFraction, for printing. */
export function fractionToPercent(fraction: Decimal | string): string {
  return canonical(new Decimal(fraction).times(100));
}

/** "0.015" -> "1.5%": a plan rate (text or an exact sum of rates) as people write it, exactly (no floating point). */
export function percentText(fraction: Decimal | string): string {
  return `${fractionToPercent(fraction)}%`;
}

/**
 * "1.5%" -> "0.015", "50%" -> "0.5": percent text with its sign — a split share as the data file
 * writes it, a rate as the result document writes it (core/money.ts formatRate) — as a fraction.
 */
export function fractionOfPercentText(text: string): string {
  return percentToFraction(text.endsWith("%") ? text.slice(0, -1) : text);
}
