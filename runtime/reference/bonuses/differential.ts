/**
 * Differential bonus (Differenzbonus, semantics §6): paid = 0; for p0, p1, … in order, an
 * eligible p whose rank's rate is above `paid` gets the difference and raises `paid`; the walk
 * stops when `paid` reaches the highest rate. Ineligible partners are passed over, so the total
 * on a portion is the highest eligible rate on the path.
 */
import type { PreparedBonus } from "../plan.ts";
import type { Portion } from "../portions.ts";
import { Decimal, ZERO } from "../../../core/decimal.ts";
import type { BonusContext, Standing } from "./context.ts";
import { UNPAID } from "./sink.ts";
import { nearestFlaggedAbove, nearestGreaterAbove } from "../pathJumps.ts";

export type DifferentialBonus = Extract<PreparedBonus, { kind: "differential" }>;

/** One partner who earned on the differential walk. */
export interface DifferentialEarner {
  step: number;
  partner: number;
  rank: number;
  /** The rate paid to this partner: its rank's rate minus what was paid below. */
  rate: Decimal;
}

export function rateOfRank(bonus: DifferentialBonus, rank: number): Decimal {
  return rank < 0 ? ZERO : bonus.rates[rank]!;
}

/**
 * The earners of the differential walk along a path. It depends only on ranks and activity,
 * never on the portion's volume, so the equal-rank bonus can follow the same walk whatever its
 * own measure. Eligible partners only; above the path's head it jumps straight to the next
 * eligible partner with a higher rate (pathJumps.ts), so a deep chain costs the earners, not
 * the depth.
 */
export function differentialWalk(bonus: DifferentialBonus, portion: Portion, q: Standing): { earners: DifferentialEarner[]; paid: Decimal } {
  const earners: DifferentialEarner[] = [];
  const path = portion.path;
  const jumps = differentialJumps(bonus, path.sponsor, q);
  let paid = ZERO;
  let paidKey = jumps.zeroKey;
  let step = path.firstFlagged(q.eligible, jumps.eligibleAbove);
  while (step >= 0 && paid.lt(bonus.topRate)) {
    const p = path.found;
    const rate = rateOfRank(bonus, q.rank[p]!);
    if (rate.gt(paid)) {
      earners.push({ step, partner: p, rank: q.rank[p]!, rate: rate.minus(paid) });
      paid = rate;
      paidKey = jumps.key[p]!;
    }
    if (step < path.lastHeadStep) {
      step = path.nextFlagged(step, p, q.eligible, jumps.eligibleAbove);
      continue;
    }
    // on the sponsor chain: the next eligible partner with a rate above what is paid
    let c = jumps.greater[p]!;
    while (c >= 0 && jumps.key[c]! <= paidKey) c = jumps.greater[c]!;
    if (c < 0) break;
    step = path.stepOfAncestor(step, p, c);
    path.found = c;
  }
  return { earners, paid };
}

interface DifferentialJumps {
  rank: Standing["rank"];
  /** Per partner: the position of its rank's rate among the bonus's distinct rates (0 = no rate). */
  key: Int32Array;
  zeroKey: number;
  eligibleAbove: Int32Array;
  greater: Int32Array;
}

const jumpCache = new WeakMap<Uint8Array, Map<DifferentialBonus, DifferentialJumps>>();

function differentialJumps(bonus: DifferentialBonus, sponsor: Int32Array, q: Standing): DifferentialJumps {
  let byBonus = jumpCache.get(q.eligible);
  const cached = byBonus?.get(bonus);
  if (cached && cached.rank === q.rank) return cached;
  const distinct = [ZERO, ...bonus.rates].sort((a, b) => a.comparedTo(b));
  const keyOfRate = (rate: Decimal) => distinct.findIndex((r) => r.eq(rate));
  const rankKey = bonus.rates.map(keyOfRate);
  const zeroKey = keyOfRate(ZERO);
  const key = new Int32Array(sponsor.length);
  for (let p = 0; p < key.length; p++) {
    const r = q.rank[p]!;
    key[p] = r < 0 ? zeroKey : rankKey[r]!;
  }
  const jumps: DifferentialJumps = {
    rank: q.rank,
    key,
    zeroKey,
    eligibleAbove: nearestFlaggedAbove(sponsor, q.eligible),
    greater: nearestGreaterAbove(sponsor, q.eligible, key),
  };
  if (!byBonus) jumpCache.set(q.eligible, (byBonus = new Map()));
  byBonus.set(bonus, jumps);
  return jumps;
}

export function differentialBonus(bonus: DifferentialBonus, bonusIndex: number, portion: Portion, ctx: BonusContext): void {
  if (portion.x[bonus.measure]!.isZero()) return;
  const { earners, paid } = differentialWalk(bonus, portion, ctx.qualification);
  for (const e of earners) ctx.sink.pay(portion, bonusIndex, bonus, e.step, e.partner, e.rate);
  ctx.sink.unpaid(portion, bonusIndex, bonus, bonus.topRate.minus(paid), UNPAID.topRateNotReached);
}
