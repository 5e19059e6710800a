/**
 * Scaled integers: an exact decimal held as an integer count of 10^-scale, in a Float64 that
 * stays a safe integer (|n| <= 2^53 - 1). Every operation here either returns an exact result or
 * NaN, and callers treat NaN as "cannot be held exactly": they fall back to exact arithmetic
 * (BigInt) for one value, or hand the whole period to the reference evaluator. A wrong cent is
 * never an option.
 */
import type { RoundingMode } from "../../core/ir.ts";

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

/** 10^n as a Number for n in 0..15 (exact); NaN beyond the safe range. */
export function pow10(n: number): number {
  return n >= 0 && n <= 15 ? POW10[n]! : NaN;
}

/** Decimal places of a canonical decimal string ("12.50" -> 2, "3" -> 0). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The decimal string as an integer at 10^-scale: scaledInt("12.5", 2) = 1250. NaN when the
 * string has more decimals than `scale`, is not a plain decimal, or the result is not a safe
 * integer.
 */
export function scaledInt(text: string, scale: number): number {
  let negative = false;
  let i = 0;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let n = 0;
  let frac = -1;
  let digits = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (frac >= 0) return NaN;
      frac = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
    digits++;
    if (frac >= 0) frac++;
  }
  if (digits === 0 || digits > 15) return NaN;
  const places = frac < 0 ? 0 : frac;
  if (places > scale) {
    // Trailing zeros beyond the scale are harmless ("1.50" at scale 1).
    const drop = pow10(places - scale);
    if (n % drop !== 0) return NaN;
    n = n / drop;
  } else {
    n = n * pow10(scale - places);
  }
  if (!Number.isSafeInteger(n)) return NaN;
  return negative ? -n : n;
}

/** n × 10^k, exact, or NaN. */
export function rescale(n: number, k: number): number {
  const r = n * pow10(k);
  return Number.isSafeInteger(r) ? r : NaN;
}

/** The scaled integer as canonical decimal text: no exponent, no trailing zeros ("-0" -> "0"). */
export function canonicalText(n: number, scale: number): string {
  if (n === 0) return "0";
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    const cut = digits.length - scale;
    let frac = digits.slice(cut);
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    digits = frac.length > 0 ? `${digits.slice(0, cut)}.${frac}` : digits.slice(0, cut);
  }
  return negative ? `-${digits}` : digits;
}

/**
 * The scaled integer n × 10^-scale with exactly `places` decimals, as the reference writes a
 * Decimal (core/money.ts formatAmount and formatBase: decimal.js `toFixed(places)` under the
 * project's rounding, half away from zero, then "-" dropped from a zero value). Callers pass
 * places >= the value's significant decimals (money at the money scale, a base padded to at least
 * the money scale), where nothing is rounded; a value with more decimals is rounded as the
 * reference would round it, never cut: -10 at scale 8 with 5 places is "-0.00000" (a negative
 * value that rounds to zero keeps its sign in the reference, only zero itself has none) and
 * 5 at scale 6 with 5 places is "0.00001".
 */
export function fixedText(n: number, scale: number, places: number): string {
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (places > scale) digits += "0".repeat(places - scale);
  else if (places < scale) digits = roundedDropping(digits, scale - places);
  if (places > 0) {
    if (digits.length <= places) digits = "0".repeat(places - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * The magnitude's digits with the last `drop` digits removed, rounded half away from zero on
 * the first removed digit ("0" when every digit goes: "10" dropping 3 is 0.010 -> "0", and
 * dropping 2 is 0.10 -> "0"; "50" dropping 2 is 0.50 -> "1").
 */
function roundedDropping(digits: string, drop: number): string {
  const keep = digits.length - drop;
  // The first removed digit; when every digit goes and more, it is a leading zero.
  const roundsUp = keep >= 0 && digits.charCodeAt(keep) >= 53; // "5"
  let kept = keep > 0 ? digits.slice(0, keep) : "0";
  if (!roundsUp) return kept;
  // Add one to the kept digits, carrying through nines ("99" -> "100").
  let i = kept.length - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57) i--; // "9"
  kept = i < 0 ? `1${"0".repeat(kept.length)}` : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + "0".repeat(kept.length - i - 1);
  return kept;
}

/** Significant decimal places of a scaled integer (trailing zeros dropped). */
export function significantDecimals(n: number, scale: number): number {
  if (n === 0) return 0;
  let places = scale;
  let m = n < 0 ? -n : n;
  while (places > 0 && m % 10 === 0) {
    m /= 10;
    places--;
  }
  return places;
}

/**
 * Whether a magnitude with remainder r (0 <= r < d) rounds away from zero under the plan's mode:
 * `half` compares 2r with d (-1 below, 0 at, 1 above the half); shared by the Float64 and the
 * BigInt division so the two cannot disagree.
 */
function roundsAway(mode: RoundingMode, half: number, hasRemainder: boolean, quotientOdd: boolean): boolean {
  switch (mode) {
    case "half-up":
      return half >= 0;
    case "half-down":
      return half > 0;
    case "half-even":
      return half > 0 || (half === 0 && quotientOdd);
    case "up":
      return hasRemainder;
    case "down":
      return false;
    default: {
      const never: never = mode;
      throw new Error(`unknown rounding mode ${String(never)}`);
    }
  }
}

/**
 * numerator / denominator rounded to an integer with the plan's mode (denominator > 0). Half-up
 * is half away from zero, "up" away from zero, "down" toward zero (semantics §6). Exact for safe
 * integer inputs: the quotient and remainder of two safe integers are exact in Float64.
 */
export function roundDiv(numerator: number, denominator: number, mode: RoundingMode): number {
  const negative = numerator < 0;
  const a = negative ? -numerator : numerator;
  const q = Math.floor(a / denominator);
  // Math.floor of a Float64 quotient can be off by one for large operands: correct it exactly.
  let quotient = q;
  let r = a - quotient * denominator;
  if (r < 0) {
    quotient--;
    r += denominator;
  } else if (r >= denominator) {
    quotient++;
    r -= denominator;
  }
  const twice = 2 * r; // exact: r is a safe integer below the denominator
  const up = roundsAway(mode, twice > denominator ? 1 : twice === denominator ? 0 : -1, r > 0, quotient % 2 === 1);
  const magnitude = up ? quotient + 1 : quotient;
  return negative ? -magnitude : magnitude;
}

/** roundDiv in BigInt: the exact fallback when a product leaves the safe range. */
export function roundDivBig(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const a = negative ? -numerator : numerator;
  const quotient = a / denominator;
  const r = a % denominator;
  const twice = 2n * r;
  const up = roundsAway(mode, twice > denominator ? 1 : twice === denominator ? 0 : -1, r > 0n, quotient % 2n === 1n);
  const magnitude = up ? quotient + 1n : quotient;
  return negative ? -magnitude : magnitude;
}
