/**
 * Nearest-rank percentiles, the method income-disclosure statements use because every
 * reported figure is an amount somebody actually earned (no interpolation between partners):
 * for N values sorted ascending, the P-th percentile (0 < P <= 100) is the value at
 * 1-based position ceil(P/100 × N). P = 100 is the maximum.
 */
import { Decimal } from "../../core/decimal.ts";

/** The 1-based rank of the P-th percentile among n values, computed exactly (no float error at e.g. 0.29 × 100). */
export function nearestRank(percentile: number, n: number): number {
  if (n <= 0) return 0;
  const rank = new Decimal(percentile).times(n).dividedBy(100).ceil().toNumber();
  return Math.min(n, Math.max(1, rank));
}

/** Percentiles of already sorted (ascending) values; zero for an empty list. */
export function nearestRankPercentiles(sortedAscending: readonly Decimal[], percentiles: readonly number[]): Decimal[] {
  return percentiles.map((p) => {
    const rank = nearestRank(p, sortedAscending.length);
    return rank === 0 ? new Decimal(0) : (sortedAscending[rank - 1] ?? new Decimal(0));
  });
}
