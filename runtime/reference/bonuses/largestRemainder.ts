/**
 * Splitting a total over share holders so the parts add up exactly to the total rounded to the
 * money unit (semantics §6, pool): each part is total · own shares / all shares rounded toward
 * zero to the unit; the units left over go one each by largest remainder, ties to the ascending
 * holder id (compared as strings).
 *
 * Remainders must compare exactly (1/3 and 2/6 are the same remainder), so the parts are
 * computed with integers: every quantity is scaled to a BigInt and all remainders share one
 * denominator.
 */
import { Decimal } from "../../../core/decimal.ts";
import { roundToUnits, type Money } from "../../../core/money.ts";

export interface ShareHolder {
  id: string;
  shares: Decimal;
}

/** The Decimal as an integer at 10^-scale: scaled(1.5, 2) = 150n. Exact for scale >= its decimals. */
function scaled(value: Decimal, scale: number): bigint {
  return BigInt(value.times(new Decimal(10).pow(scale)).toFixed(0));
}

/**
 * The parts of `total` (same order as `holders`). A negative total is split by its magnitude and
 * the parts negated, so a give-back mirrors the original split. Holders must hold shares > 0 in
 * total; the caller handles "no qualifier".
 */
export function splitByLargestRemainder(total: Decimal, holders: ShareHolder[], money: Money): Decimal[] {
  if (total.isNegative()) return splitByLargestRemainder(total.neg(), holders, money).map((d) => d.neg());
  const scale = Math.max(total.decimalPlaces(), money.unit.decimalPlaces());
  const totalInt = scaled(total, scale);
  const unitInt = scaled(money.unit, scale);
  const shareScale = Math.max(0, ...holders.map((h) => h.shares.decimalPlaces()));
  const shareInts = holders.map((h) => scaled(h.shares, shareScale));
  const allShares = shareInts.reduce((a, b) => a + b, 0n);
  if (allShares <= 0n) throw new Error("splitByLargestRemainder needs holders with shares");
  // part_i in units = totalInt · share_i / (unitInt · allShares)
  const denominator = unitInt * allShares;
  const floors = shareInts.map((s) => (totalInt * s) / denominator);
  const remainders = shareInts.map((s) => (totalInt * s) % denominator);
  const roundedUnits = BigInt(roundToUnits(total, money).toFixed(0));
  const leftover = Number(roundedUnits - floors.reduce((a, b) => a + b, 0n));
  if (leftover < 0 || leftover > holders.length) throw new Error(`largest remainder: ${leftover} units left for ${holders.length} holders`);
  const byRemainder = holders
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const ia = holders[a]!.id;
      const ib = holders[b]!.id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
  const units = [...floors];
  for (let k = 0; k < leftover; k++) units[byRemainder[k]!]! += 1n;
  return units.map((u) => new Decimal(u.toString()).times(money.unit));
}
