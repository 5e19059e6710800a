/**
 * Explicit comparators, so every list the playground shows has one order whatever the input
 * order was: partner ids naturally (P2 before P10), amounts as exact decimals (no floating
 * point: a comparison of money must not round).
 */

/** Natural order of ids (P2 before P10): the one shared with the CLI's listings. */
export { compareIdsNaturally as compareIds } from "../../../runtime/surface.ts";

/**
 * An id cut once into what compareIdsNaturally compares (runtime/explain/naturalOrder.ts): digit
 * runs without leading zeros, other runs as they are. Sorting 100k ids with compareIdsNaturally
 * cuts both ids with a regular expression at every one of the 1.7M comparisons; with keys each
 * id is cut once. compareNaturalKeys gives the very same order (a test checks it on random ids).
 */
export interface NaturalKey {
  text: string;
  chunks: string[];
  /** Per chunk: a digit run, then the chunk without its leading zeros (as compared). */
  digits: boolean[];
  stripped: string[];
}

const CHUNK = /(\d+|\D+)/g;

export function naturalKey(text: string): NaturalKey {
  const chunks = text.match(CHUNK) ?? [];
  const digits = chunks.map((c) => /^\d/.test(c));
  const stripped = chunks.map((c, i) => (digits[i] ? c.replace(/^0+(?=\d)/, "") : c));
  return { text, chunks, digits, stripped };
}

export function compareNaturalKeys(a: NaturalKey, b: NaturalKey): number {
  const n = Math.min(a.chunks.length, b.chunks.length);
  for (let i = 0; i < n; i++) {
    const x = a.chunks[i]!;
    const y = b.chunks[i]!;
    if (x === y) continue;
    if (a.digits[i] && b.digits[i]) {
      const xs = a.stripped[i]!;
      const ys = b.stripped[i]!;
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (a.chunks.length !== b.chunks.length) return a.chunks.length - b.chunks.length;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** Each id's place in natural order (0 first): sorting by it gives compareIds' order with integer comparisons. */
export function naturalPlaces(ids: readonly string[]): Map<string, number> {
  const keys = ids.map(naturalKey).sort(compareNaturalKeys);
  const places = new Map<string, number>();
  keys.forEach((k, i) => places.set(k.text, i));
  return places;
}

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
