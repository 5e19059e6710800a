/**
 * Explicit comparators, so every list the playground shows has one order whatever the input
 * order was: partner ids naturally (P2 before P10), amounts as exact decimals (no floating
 * point: a comparison of money must not round).
 */

/** Natural order of ids (P2 before P10): the one shared with the CLI's listings. */
export { compareIdsNaturally as compareIds } from "../../../runtime/surface.ts";
/** The same order with each id cut once (sort keys for 100k ids): runtime/explain/naturalOrder.ts. */
export { compareNaturalKeys, naturalKey, naturalPlaces, type NaturalKey } from "../../../runtime/surface.ts";

export interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

/** A decimal cut once into what compareDecimalText compares (sort keys: each amount parsed once, not at every comparison). */
export function parts(text: string): DecimalParts {
  const negative = text.startsWith("-");
  const unsigned = negative || text.startsWith("+") ? text.slice(1) : text;
  const [integerPart = "", fractionPart = ""] = unsigned.split(".");
  const integer = integerPart.replace(/^0+/, "");
  const fraction = fractionPart.replace(/0+$/, "");
  const zero = integer === "" && fraction === "";
  return { negative: negative && !zero, integer, fraction };
}

function compareMagnitude(a: DecimalParts, b: DecimalParts): number {
  if (a.integer.length !== b.integer.length) return a.integer.length - b.integer.length;
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  // Same integer part: fractions compare as text once padded to the same length.
  const width = Math.max(a.fraction.length, b.fraction.length);
  const x = a.fraction.padEnd(width, "0");
  const y = b.fraction.padEnd(width, "0");
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact order of plain decimal strings such as "-12.50", "0.00", "1000". */
export function compareDecimalText(a: string, b: string): number {
  return compareDecimalParts(parts(a), parts(b));
}

export function compareDecimalParts(x: DecimalParts, y: DecimalParts): number {
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const magnitude = compareMagnitude(x, y);
  if (magnitude === 0) return 0;
  return x.negative ? -magnitude : magnitude;
}
