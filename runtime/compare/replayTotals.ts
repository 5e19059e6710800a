/**
 * The sums of one replay that both the policy figures (policyFigures.ts) and the bottom line
 * (bottomLine.ts) read, taken in one pass over the replay's period views: every statement is
 * built once per period, and the replay's views can be dropped as soon as these are taken. In
 * minor units (BigInt): every amount of a result carries exactly the plan's money decimals.
 */
import type { LedgerEntry, Statement } from "../../core/result.ts";
import { compareIds, type PeriodView } from "../../core/resultView.ts";
import type { MinorAmounts } from "./minor.ts";

export interface NegativeBalance {
  partner: string;
  /** The carried-out balance as the statement spells it. */
  amount: string;
  minor: bigint;
}

export interface ReplayTotals {
  /** Σ earned of every statement of every period. */
  earned: bigint;
  /** Σ payout of every statement of every period. */
  payout: bigint;
  /** Each partner's earned over all periods. */
  earnedBy: EarnedByPartner;
  /** Σ of the positive balances carried out of the last period. */
  carriedPositive: bigint;
  /** Negative balances carried out of the last period, most negative first, then partner id. */
  negativeBalances: NegativeBalance[];
  /** Σ of the `unrecovered` amounts of every period (negative or 0). */
  unrecovered: bigint;
}

/**
 * Earned per partner over all periods: `ids` are the last period's partners (id order), `earned`
 * their totals at the same index; a partner listed only earlier (never expected: a partner stays
 * listed once joined) goes to `others`. Arrays instead of one Map keyed by id: at 100k partners
 * and three periods a replay saves 600k map operations.
 */
export interface EarnedByPartner {
  ids: string[];
  earned: bigint[];
  others: Map<string, bigint>;
}

/** Statement i's `field` in minor units: from the view's columns when it offers them, else parsed from the text. */
function minorOf(p: PeriodView, i: number, field: keyof Statement, minor: MinorAmounts): bigint {
  const n = p.statementMinor?.(i, field);
  return n !== undefined && Number.isSafeInteger(n) ? BigInt(n) : minor.of(p.statement(i)[field]);
}

export function replayTotalsOf(periods: readonly PeriodView[], minor: MinorAmounts): ReplayTotals {
  return columnTotalsOf(periods, minor) ?? textTotalsOf(periods, minor);
}

/**
 * replayTotalsOf from the views' minor-unit columns (`statementMinor`), summed as numbers: a
 * BigInt per statement amount (600k per replay at 100k partners) was most of this pass's time.
 * Exact while every amount and every partial sum is a safe integer (a float sum of integers
 * whose true value is below 2^53 is exact, and one at or above it rounds to at least 2^53, so the
 * check cannot miss); null when a view has no columns or a figure leaves that range: the caller
 * then sums the texts as BigInts.
 */
function columnTotalsOf(periods: readonly PeriodView[], minor: MinorAmounts): ReplayTotals | null {
  const safe = (n: number) => Math.abs(n) <= Number.MAX_SAFE_INTEGER;
  let earned = 0;
  let payout = 0;
  let unrecovered = 0n;
  const last = periods[periods.length - 1];
  const ids: string[] = [];
  if (last !== undefined) for (let i = 0; i < last.partnerCount; i++) ids.push(last.partnerId(i));
  const earnedByIndex = new Float64Array(ids.length);
  const others = new Map<string, number>();
  for (const p of periods) {
    const amount = p.statementMinor;
    if (amount === undefined) return null;
    for (const u of p.unrecovered) unrecovered += minor.of(u.amount);
    let j = 0;
    for (let i = 0; i < p.partnerCount; i++) {
      const paid = amount(i, "payout");
      const e = amount(i, "earned");
      payout += paid;
      earned += e;
      // Number.isSafeInteger on each amount also refuses NaN, fractions and infinities.
      if (!Number.isSafeInteger(paid) || !Number.isSafeInteger(e) || !safe(payout) || !safe(earned)) return null;
      const id = p === last ? ids[i]! : p.partnerId(i);
      // As in textTotalsOf: both listings in id order, mostly the same partner at the same place.
      while (j < ids.length && ids[j] !== id && compareIds(ids[j]!, id) < 0) j++;
      let sum: number;
      if (j < ids.length && ids[j] === id) sum = earnedByIndex[j] = earnedByIndex[j]! + e;
      else others.set(id, (sum = (others.get(id) ?? 0) + e));
      if (!safe(sum)) return null;
    }
  }
  let carriedPositive = 0;
  const negativeBalances: NegativeBalance[] = [];
  if (last !== undefined) {
    const amount = last.statementMinor!;
    for (let i = 0; i < last.partnerCount; i++) {
      const value = amount(i, "carriedOut");
      if (!Number.isSafeInteger(value)) return null;
      if (value > 0) {
        carriedPositive += value;
        if (!safe(carriedPositive)) return null;
      } else if (value < 0) {
        const big = BigInt(value);
        negativeBalances.push({ partner: ids[i]!, amount: minor.text(big), minor: big });
      }
    }
  }
  negativeBalances.sort((a, b) => (a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : compareIds(a.partner, b.partner)));
  const earnedBy: EarnedByPartner = { ids, earned: Array.from(earnedByIndex, (n) => BigInt(n)), others: new Map([...others].map(([id, n]) => [id, BigInt(n)])) };
  return { earned: BigInt(earned), payout: BigInt(payout), earnedBy, carriedPositive: BigInt(carriedPositive), negativeBalances, unrecovered };
}

/** replayTotalsOf from each statement's amount, as BigInts: for views without columns, and amounts beyond 2^53. */
function textTotalsOf(periods: readonly PeriodView[], minor: MinorAmounts): ReplayTotals {
  let earned = 0n;
  let payout = 0n;
  let unrecovered = 0n;
  const last = periods[periods.length - 1];
  const ids: string[] = [];
  if (last !== undefined) for (let i = 0; i < last.partnerCount; i++) ids.push(last.partnerId(i));
  const earnedBy: EarnedByPartner = { ids, earned: new Array<bigint>(ids.length).fill(0n), others: new Map() };
  for (const p of periods) {
    for (const u of p.unrecovered) unrecovered += minor.of(u.amount);
    // Both listings are in id order: walk them together.
    let j = 0;
    for (let i = 0; i < p.partnerCount; i++) {
      payout += minorOf(p, i, "payout", minor);
      const e = minorOf(p, i, "earned", minor);
      earned += e;
      const id = p === last ? ids[i]! : p.partnerId(i);
      // Mostly the same partner at the same place (a partner stays listed once joined): an
      // equality test, the string order only to step over partners the period does not list.
      while (j < ids.length && ids[j] !== id && compareIds(ids[j]!, id) < 0) j++;
      if (j < ids.length && ids[j] === id) earnedBy.earned[j] = earnedBy.earned[j]! + e;
      else earnedBy.others.set(id, (earnedBy.others.get(id) ?? 0n) + e);
    }
  }
  let carriedPositive = 0n;
  const negativeBalances: NegativeBalance[] = [];
  if (last !== undefined) {
    for (let i = 0; i < last.partnerCount; i++) {
      const value = minorOf(last, i, "carriedOut", minor);
      if (value > 0n) carriedPositive += value;
      else if (value < 0n) negativeBalances.push({ partner: ids[i]!, amount: minor.text(value), minor: value });
    }
  }
  negativeBalances.sort((a, b) => (a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : compareIds(a.partner, b.partner)));
  return { earned, payout, earnedBy, carriedPositive, negativeBalances, unrecovered };
}

/** −Σ of each partner's cancellation-linked entries (what it pays back), for every partner charged any. */
export function paidBackOf(clawbacks: readonly LedgerEntry[], minor: MinorAmounts): Map<string, bigint> {
  const paidBack = new Map<string, bigint>();
  for (const e of clawbacks) paidBack.set(e.recipient, (paidBack.get(e.recipient) ?? 0n) - minor.of(e.amount));
  return paidBack;
}
