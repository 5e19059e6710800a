/**
 * The one decimal type of the project. Money and volume are exact: every figure enters as a
 * decimal string and is computed with decimal.js at a precision far above any real plan's
 * needs (a 20-digit amount times a 10-digit rate fits with room to spare), so the only rounding
 * that ever happens is the plan's own rounding of ledger entries.
 */
// The named export: under `moduleResolution: "nodenext"` a user's TypeScript reads decimal.js's types as
// CommonJS, where the default import is the whole module, not the class (test/package/pack.test.ts).
import { Decimal as DecimalJs } from "decimal.js";

export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Canonical plain-notation string: no exponent, no trailing zeros ("0.05", "50", "-2.5"). */
export function canonical(d: Decimal): string {
  const s = d.toFixed();
  return s === "-0" ? "0" : s;
}
