/**
 * Money rounding and the text forms of numbers in the result document.
 *
 * Every ledger entry is computed exactly and rounded once, to the plan's money unit with the
 * plan's mode (semantics §6 "Rounding"). Amount strings always carry exactly the unit's decimals.
 */
import type { RoundingMode } from "./ir.ts";
import type { Decimal as DecimalJs } from "decimal.js";
import { Decimal, canonical } from "./decimal.ts";

export interface Money {
  unit: Decimal;
  /** Decimal places of the unit: 2 for 0.01, 0 for 1. */
  decimals: number;
  mode: RoundingMode;
  /** The unit is 1, 0.1, 0.01, …: rounding to it is rounding to `decimals` places. */
  powerOfTen: boolean;
}

export function moneyOf(unit: string, mode: RoundingMode): Money {
  const u = new Decimal(unit);
  const decimals = u.decimalPlaces();
  return { unit: u, decimals, mode, powerOfTen: u.eq(new Decimal(10).pow(-decimals)) };
}

/** decimal.js rounding constant for a plan rounding mode ("half-up" = half away from zero). */
export function decimalRounding(mode: RoundingMode): DecimalJs.Rounding {
  switch (mode) {
    case "half-up":
      return Decimal.ROUND_HALF_UP;
    case "half-even":
      return Decimal.ROUND_HALF_EVEN;
    case "half-down":
      return Decimal.ROUND_HALF_DOWN;
    case "up":
      return Decimal.ROUND_UP;
    case "down":
      return Decimal.ROUND_DOWN;
    default: {
      const never: never = mode;
      throw new Error(`unknown rounding mode ${String(never)}`);
    }
  }
}

/** The exact value rounded to a whole number of money units, as units (an integer Decimal). */
export function roundToUnits(value: Decimal, money: Money): Decimal {
  return value.div(money.unit).toDecimalPlaces(0, decimalRounding(money.mode));
}

/** The exact value rounded to the money unit. */
export function roundMoney(value: Decimal, money: Money): Decimal {
  // Same result, one operation instead of three: this runs once per ledger entry.
  if (money.powerOfTen) return value.toDecimalPlaces(money.decimals, decimalRounding(money.mode));
  return roundToUnits(value, money).times(money.unit);
}

/** "12.5" -> "12.50" for a 0.01 unit; never "-0.00". */
export function formatAmount(value: Decimal, money: Money): string {
  const text = value.toFixed(money.decimals);
  return value.isZero() ? text.replace(/^-/, "") : text;
}

/** Exact base: never rounded, but padded to at least the unit's decimals ("99.8" -> "99.80"). */
export function formatBase(value: Decimal, money: Money): string {
  const text = value.toFixed(Math.max(money.decimals, value.decimalPlaces()));
  return value.isZero() ? text.replace(/^-/, "") : text;
}

/** A fraction as a percentage string: 0.05 -> "5%", 0.025 -> "2.5%". */
export function formatRate(fraction: Decimal): string {
  return `${canonical(fraction.times(100))}%`;
}

/** Volumes are exact and never rounded (semantics §4): canonical plain notation. */
export function formatVolume(value: Decimal): string {
  return canonical(value);
}

/**
 * part / whole as a percentage with two decimals, never "-0.00" ("n/a" when the whole is zero):
 * payout as a share of volume in the KPIs, the plan diff and the disclosure.
 */
export function percentOfWhole(part: Decimal, whole: Decimal): string {
  if (whole.isZero()) return "n/a";
  const text = part.times(100).div(whole).toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}
