/**
 * computeKpis: plan KPIs from a result document (data.md "Result document").
 *
 * Decisions where the brief leaves room (also in samples/README.md):
 * - totalPayout is the sum of all ledger amounts (clawbacks included, breakage excluded): the
 *   plan's commission cost. `paidOut` adds what the statements actually paid.
 * - Over several periods a partner counts once: earnings are summed, and the rank
 *   distribution uses each partner's highest paid-as rank in the covered periods.
 * - Rank order comes from `rankOrder` (the plan's ranks, lowest first, e.g.
 *   `ir.ranks.map(r => r.name)`). Without it the order is inferred: ranks whose holders have
 *   the larger average group volume in the CV measure count as higher — right for stairstep
 *   plans, where every rank needs more volume than the one below.
 * - Percentiles are nearest-rank over every partner listed (earning or not), see percentile.ts.
 * - A CV measure the result does not have gives a total CV of zero and "n/a" percentages
 *   (visible in the table, rather than an exception in the middle of a demo).
 */
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { PeriodResult, ResultDocument } from "../../core/result.ts";
import { nearestRankPercentiles } from "./percentile.ts";
import type { BonusKpi, PlanKpis, RankCount } from "./types.ts";
import { compareIds } from "../../core/stringOrder.ts";
import { percentOfWhole } from "../../core/money.ts";

export const EARNINGS_PERCENTILES = [10, 25, 50, 75, 90, 99, 100] as const;

/** A number in the result document that is not a decimal string. */
export class KpiInputError extends Error {
  constructor(readonly path: string, readonly value: unknown) {
    super(`result document: ${path} is not a decimal number: ${JSON.stringify(value)}`);
    this.name = "KpiInputError";
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalAt(value: unknown, path: string): Decimal {
  if (typeof value !== "string" || !DECIMAL.test(value)) throw new KpiInputError(path, value);
  return new Decimal(value);
}

/** Fixed decimals without a "-0.00". */
function fixed(value: Decimal, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** The plan's money decimals, read off the amounts (data.md: they always carry exactly that many). */
function moneyDecimals(periods: readonly PeriodResult[]): number {
  for (const p of periods) {
    const sample = p.ledger[0]?.amount ?? Object.values(p.statements)[0]?.earned;
    if (typeof sample === "string") {
      const dot = sample.indexOf(".");
      return dot < 0 ? 0 : sample.length - dot - 1;
    }
  }
  return 2;
}

function sumCv(periods: readonly PeriodResult[], cvMeasure: string): Decimal {
  let total = ZERO;
  for (const p of periods) {
    for (const partner of Object.keys(p.volumes).sort(compareIds)) {
      const figures = p.volumes[partner]?.[cvMeasure];
      if (figures) total = total.plus(decimalAt(figures.personal, `${p.period}.volumes.${partner}.${cvMeasure}.personal`));
    }
  }
  return total;
}

function perBonus(
  periods: readonly PeriodResult[],
  totalCv: Decimal,
  decimals: number,
  planBonuses: readonly { name: string; kind: string }[],
): BonusKpi[] {
  const sums = new Map<string, { bonus: string; kind: string; amount: Decimal }>();
  // Every bonus the plan declares gets a row, so a bonus that paid nothing reads as 0.00% rather
  // than being missing from the table.
  for (const b of planBonuses) sums.set(`${b.name}\u0000${b.kind}`, { bonus: b.name, kind: b.kind, amount: ZERO });
  for (const p of periods) {
    p.ledger.forEach((entry, i) => {
      const key = `${entry.bonus}\u0000${entry.kind}`;
      const sum = sums.get(key) ?? { bonus: entry.bonus, kind: entry.kind, amount: ZERO };
      sum.amount = sum.amount.plus(decimalAt(entry.amount, `${p.period}.ledger[${i}].amount`));
      sums.set(key, sum);
    });
  }
  return [...sums.values()]
    .sort((a, b) => b.amount.comparedTo(a.amount) || compareIds(a.bonus, b.bonus) || compareIds(a.kind, b.kind))
    .map((s) => ({ bonus: s.bonus, kind: s.kind, amount: fixed(s.amount, decimals), percentOfCv: percentOfWhole(s.amount, totalCv) }));
}

/** Rank names, highest first (see the module comment for the order without `rankOrder`). */
function ranksHighestFirst(periods: readonly PeriodResult[], cvMeasure: string, rankOrder?: readonly string[]): string[] {
  const seen = new Map<string, { total: Decimal; holders: number }>();
  for (const p of periods) {
    for (const partner of Object.keys(p.ranks).sort(compareIds)) {
      const rank = p.ranks[partner];
      if (rank === null || rank === undefined) continue;
      const stat = seen.get(rank) ?? { total: ZERO, holders: 0 };
      const group = p.volumes[partner]?.[cvMeasure]?.group;
      stat.total = stat.total.plus(group === undefined ? ZERO : decimalAt(group, `${p.period}.volumes.${partner}.${cvMeasure}.group`));
      stat.holders += 1;
      seen.set(rank, stat);
    }
  }
  if (rankOrder) {
    const declared = rankOrder.slice().reverse();
    // Ranks the caller did not list (a mismatched plan) still appear, after the declared ones.
    const extra = [...seen.keys()].filter((r) => !declared.includes(r)).sort(compareIds);
    return [...declared, ...extra];
  }
  const mean = (r: string): Decimal => {
    const s = seen.get(r);
    return s ? s.total.dividedBy(s.holders) : ZERO;
  };
  return [...seen.keys()].sort((a, b) => mean(b).comparedTo(mean(a)) || compareIds(a, b));
}

function rankDistribution(periods: readonly PeriodResult[], order: readonly string[]): RankCount[] {
  const level = new Map(order.map((r, i) => [r, order.length - i]));
  const best = new Map<string, string | null>();
  for (const p of periods) {
    for (const partner of Object.keys(p.ranks)) {
      const rank = p.ranks[partner] ?? null;
      const current = best.get(partner);
      const better = current === undefined || (rank !== null && (current === null || (level.get(rank) ?? 0) > (level.get(current) ?? 0)));
      if (better) best.set(partner, rank);
    }
  }
  const counts = new Map<string | null, number>();
  for (const rank of best.values()) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  const out: RankCount[] = order.map((rank) => ({ rank, count: counts.get(rank) ?? 0 }));
  out.push({ rank: null, count: counts.get(null) ?? 0 });
  return out;
}

function earningsByPartner(periods: readonly PeriodResult[]): Decimal[] {
  const earned = new Map<string, Decimal>();
  for (const p of periods) {
    for (const partner of Object.keys(p.ranks)) if (!earned.has(partner)) earned.set(partner, ZERO);
    for (const partner of Object.keys(p.statements).sort(compareIds)) {
      const value = decimalAt(p.statements[partner]?.earned, `${p.period}.statements.${partner}.earned`);
      earned.set(partner, (earned.get(partner) ?? ZERO).plus(value));
    }
  }
  return [...earned.values()].sort((a, b) => a.comparedTo(b));
}

/**
 * KPIs over one period of the result, or over all of them when `period` is omitted.
 * `planBonuses` (the IR's bonuses) adds a 0.00 row for every declared bonus that paid nothing.
 * Throws KpiInputError only for a result whose numbers are not decimal strings (a result from
 * the runtime, or one that passed validateResult, never does).
 */
export function computeKpis(
  result: ResultDocument,
  cvMeasure: string,
  period?: string,
  rankOrder?: readonly string[],
  planBonuses: readonly { name: string; kind: string }[] = [],
): PlanKpis {
  const periods = period === undefined ? result.periods : result.periods.filter((p) => p.period === period);
  const decimals = moneyDecimals(periods);
  const totalCv = sumCv(periods, cvMeasure);
  const bonuses = perBonus(periods, totalCv, decimals, planBonuses);
  const totalPayout = periods.reduce(
    (sum, p) => p.ledger.reduce((s, e, i) => s.plus(decimalAt(e.amount, `${p.period}.ledger[${i}].amount`)), sum),
    ZERO,
  );
  let paidOut = ZERO;
  for (const p of periods) {
    for (const partner of Object.keys(p.statements).sort(compareIds)) {
      paidOut = paidOut.plus(decimalAt(p.statements[partner]?.payout, `${p.period}.statements.${partner}.payout`));
    }
  }
  const earnings = earningsByPartner(periods);
  const percentiles = nearestRankPercentiles(earnings, EARNINGS_PERCENTILES);
  return {
    periods: periods.map((p) => p.period),
    // Volumes are exact and never rounded; show at least the money decimals so CV reads like money.
    totalCv: fixed(totalCv, Math.max(decimals, totalCv.decimalPlaces())),
    totalPayout: fixed(totalPayout, decimals),
    payoutPercentOfCv: percentOfWhole(totalPayout, totalCv),
    paidOut: fixed(paidOut, decimals),
    perBonus: bonuses,
    rankDistribution: rankDistribution(periods, ranksHighestFirst(periods, cvMeasure, rankOrder)),
    earnings: EARNINGS_PERCENTILES.map((percentile, i) => ({ percentile, amount: fixed(percentiles[i] ?? ZERO, decimals) })),
    earnersCount: earnings.filter((e) => e.greaterThan(0)).length,
    partnersCount: earnings.length,
  };
}
