/**
 * Explicit comparators, so every list the playground shows has one order whatever the input
 * order was: partner ids naturally (P2 before P10), amounts as exact decimals (no floating
 * point: a comparison of money must not round).
 */

const CHUNK = /(\d+|\D+)/g;

/** Natural order of ids: digit runs compare as numbers, the rest as text; plain text order breaks ties. */
export function compareIds(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const x = left[i] ?? "";
    const y = right[i] ?? "";
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      const xs = x.replace(/^0+(?=\d)/, "");
      const ys = y.replace(/^0+(?=\d)/, "");
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

function parts(text: string): DecimalParts {
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
  const x = parts(a);
  const y = parts(b);
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const magnitude = compareMagnitude(x, y);
  if (magnitude === 0) return 0;
  return x.negative ? -magnitude : magnitude;
}
