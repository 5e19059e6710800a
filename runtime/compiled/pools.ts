/**
 * Pools of a compiled period (semantics §6): few per plan and once per period, so they reuse the
 * reference's exact Decimal arithmetic and largest-remainder split; only the qualifiers are read
 * from the columnar standing. Entries are written in string order of recipient id, which is
 * their ledger order.
 */
import { Decimal, ZERO, canonical } from "../../core/decimal.ts";
import { splitByLargestRemainder } from "../reference/bonuses/largestRemainder.ts";
import { sharesOfRank } from "../reference/bonuses/pool.ts";
import type { PreparedPlan } from "../reference/plan.ts";
import { formatBase, formatRate, roundMoney } from "../../core/money.ts";
import type { ColumnarData } from "./columnar.ts";
import { REASON, type LedgerColumns } from "./ledgerColumns.ts";
import type { PlanTables } from "./planTables.ts";
import type { QualifyState } from "./qualify.ts";
import { canonicalText, scaledInt } from "./scaled.ts";

/** Pays every pool; returns a reason to delegate, or null. `totals` are per measure at the figure scale. */
export function payPools(plan: PreparedPlan, tables: PlanTables, c: ColumnarData, state: QualifyState, totals: Float64Array, ledger: LedgerColumns): string | null {
  for (let b = 0; b < plan.bonuses.length; b++) {
    const bonus = plan.bonuses[b]!;
    if (bonus.kind !== "pool") continue;
    const total = new Decimal(canonicalText(totals[bonus.measure]!, tables.figures[bonus.measure]!.scale));
    const base = Decimal.max(ZERO, total);
    const pool = bonus.rate.times(base);
    if (pool.isZero()) continue;
    // The shares of each rank (index rank + 1; -1 = no rank), looked up once per rank: asked per
    // eligible partner, sharesOfRank and its Decimal comparison took ~0.1 s at 1M partners.
    const sharesByRank: (Decimal | null)[] = [];
    for (let r = -1; r < plan.ir.ranks.length; r++) {
      const shares = sharesOfRank(bonus, r);
      sharesByRank.push(shares !== null && shares.gt(0) ? shares : null);
    }
    const qualifiers: number[] = [];
    const holders: { id: string; shares: Decimal }[] = [];
    const { eligible, rank } = state;
    const idOrder = c.idOrder;
    for (let j = 0; j < idOrder.length; j++) {
      const p = idOrder[j]!;
      if (!eligible[p]) continue;
      const shares = sharesByRank[rank[p]! + 1];
      if (shares !== null && shares !== undefined) {
        qualifiers.push(p);
        holders.push({ id: c.partnerIds[p]!, shares });
      }
    }
    if (qualifiers.length === 0) {
      const unpaid = scaledInt(canonical(roundMoney(pool, plan.money)), tables.moneyScale);
      if (Number.isNaN(unpaid)) return "a pool does not fit a safe integer";
      if (unpaid !== 0) ledger.unpaid(b, REASON.noQualifier, unpaid);
      continue;
    }
    const allShares = holders.reduce((sum, h) => sum.plus(h.shares), ZERO);
    const parts = splitByLargestRemainder(pool, holders, plan.money);
    const baseText = formatBase(base, plan.money);
    const rateText = formatRate(bonus.rate);
    for (let i = 0; i < qualifiers.length; i++) {
      const part = parts[i]!;
      if (part.isZero()) continue;
      const amount = scaledInt(canonical(part), tables.moneyScale);
      if (Number.isNaN(amount)) return "a pool part does not fit a safe integer";
      ledger.pushPool(qualifiers[i]!, b, amount, { base: baseText, rate: rateText, note: `${holders[i]!.shares.toFixed()} of ${allShares.toFixed()} shares` });
    }
  }
  return null;
}
