/**
 * Pool bonus (Pool vom Weltumsatz, semantics §6): pool = rate · max(0, sum of the measure over
 * all orders commissioned in the period). Qualified partners (eligible, rank at least the lowest
 * rank in the shares table) hold the shares of the highest listed rank at or below their own;
 * the pool is split by largest remainder. No qualifier: nothing paid, the rounded pool is
 * breakage "no qualifier".
 */
import { Decimal, ZERO } from "../../../core/decimal.ts";
import type { PreparedBonus } from "../plan.ts";
import { roundMoney } from "../../../core/money.ts";
import type { BonusContext } from "./context.ts";
import { splitByLargestRemainder, type ShareHolder } from "./largestRemainder.ts";
import { UNPAID } from "./sink.ts";

type PoolBonus = Extract<PreparedBonus, { kind: "pool" }>;

/** The shares a rank holds: the entry of the highest listed rank at or below it; null = none. */
export function sharesOfRank(bonus: PoolBonus, rank: number): Decimal | null {
  let held: Decimal | null = null;
  for (const entry of bonus.shares) if (entry.rank <= rank) held = entry.shares;
  return held;
}

export function poolBonus(bonus: PoolBonus, bonusIndex: number, measureTotals: Decimal[], ctx: BonusContext): void {
  const base = Decimal.max(ZERO, measureTotals[bonus.measure]!);
  const pool = bonus.rate.times(base);
  if (pool.isZero()) return;
  const { eligible, rank } = ctx.qualification;
  const partners = ctx.structure.partners;
  const qualifiers: { partner: number; holder: ShareHolder }[] = [];
  for (let p = 0; p < partners.length; p++) {
    if (!eligible[p]) continue;
    const shares = sharesOfRank(bonus, rank[p]!);
    if (shares !== null && shares.gt(0)) qualifiers.push({ partner: p, holder: { id: partners[p]!.id, shares } });
  }
  if (qualifiers.length === 0) {
    ctx.sink.unpaidAmount(bonusIndex, bonus, roundMoney(pool, ctx.sink.money), UNPAID.noQualifier);
    return;
  }
  const allShares = qualifiers.reduce((sum, q) => sum.plus(q.holder.shares), ZERO);
  const parts = splitByLargestRemainder(pool, qualifiers.map((q) => q.holder), ctx.sink.money);
  qualifiers.forEach((q, i) => {
    const note = `${q.holder.shares.toFixed()} of ${allShares.toFixed()} shares`;
    ctx.sink.payPoolPart(bonusIndex, bonus, q.partner, base, bonus.rate, parts[i]!, note);
  });
}
