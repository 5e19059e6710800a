/**
 * What plan diffs and income disclosures read from a run: per partner the earnings over all
 * periods and the paid-as rank of each period, per bonus the amount, and the plan's volume.
 * Read from a ResultView (entry by entry), so a run of 100k partners is never held twice.
 *
 * - Earnings are ledger amounts (a partner's `earned`, clawbacks included), summed over the
 *   periods of the run; balances carried past the last period do not change them.
 * - The plan's volume is the personal volume of its *commission measure* summed over partners
 *   and periods: the measure most of its bonuses pay on (ties: the first declared), e.g. CV.
 */
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { ResultView } from "../../core/resultView.ts";

export interface PartnerRecord {
  id: string;
  earned: Decimal;
  /** Paid-as rank index (in the plan's ranks, −1 = no rank) per period of the run, null where not yet listed. */
  ranks: (number | null)[];
  /** Periods in which the partner was listed (joined by the period's end). */
  periodsListed: number;
  /** Periods in which the partner was not active (inactive or terminated). */
  periodsInactive: number;
}

export interface RunSummary {
  plan: string;
  rankNames: string[];
  periods: string[];
  measure: string;
  volume: Decimal;
  totalEarned: Decimal;
  totalPaidOut: Decimal;
  /** Bonus title -> kind and amount, in the plan's declaration order. */
  bonuses: { bonus: string; kind: string; amount: Decimal }[];
  partners: Map<string, PartnerRecord>;
}

/** The measure most bonuses pay on (ties: the first declared): what diff and disclose quote volume in. */
export function mostPaidMeasure(ir: PlanIR): number {
  const counts = ir.measures.map((_, i) => ir.bonuses.filter((b) => b.measure === i).length);
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]!) best = i;
  });
  return best;
}

export function summariseRun(ir: PlanIR, view: ResultView): RunSummary {
  const measure = ir.measures[mostPaidMeasure(ir)]!.name;
  const rankIndex = new Map(ir.ranks.map((r, i) => [r.name, i]));
  const bonuses = ir.bonuses.map((b) => ({ bonus: b.name, kind: b.kind, amount: ZERO }));
  const bonusIndex = new Map(bonuses.map((b, i) => [b.bonus, i]));
  const partners = new Map<string, PartnerRecord>();
  let volume = ZERO;
  let totalEarned = ZERO;
  let totalPaidOut = ZERO;
  view.periods.forEach((period, k) => {
    for (let i = 0; i < period.partnerCount; i++) {
      const id = period.partnerId(i);
      let record = partners.get(id);
      if (!record) {
        record = { id, earned: ZERO, ranks: view.periods.map(() => null), periodsListed: 0, periodsInactive: 0 };
        partners.set(id, record);
      }
      const rank = period.rank(i);
      record.ranks[k] = rank === null ? -1 : (rankIndex.get(rank) ?? -1);
      record.periodsListed++;
      if (!period.active(i)) record.periodsInactive++;
      const statement = period.statement(i);
      record.earned = record.earned.plus(statement.earned);
      totalEarned = totalEarned.plus(statement.earned);
      totalPaidOut = totalPaidOut.plus(statement.payout);
      const figures = period.volumes(i)[measure];
      if (figures) volume = volume.plus(figures.personal);
    }
    for (let e = 0; e < period.ledgerLength; e++) {
      const entry = period.ledgerEntry(e);
      const b = bonusIndex.get(entry.bonus);
      if (b !== undefined) bonuses[b]!.amount = bonuses[b]!.amount.plus(entry.amount);
    }
  });
  return {
    plan: view.plan, rankNames: ir.ranks.map((r) => r.name), periods: view.periods.map((p) => p.period),
    measure, volume, totalEarned, totalPaidOut, bonuses, partners,
  };
}


/** Money with the plan's decimals, never "-0.00". */
export function moneyText(value: Decimal, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** The decimals of the plan's money unit ("0.01" -> 2). */
export function moneyDecimals(ir: PlanIR): number {
  return new Decimal(ir.rounding.unit).decimalPlaces();
}
