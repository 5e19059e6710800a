/**
 * The sums of one replay that both the policy figures (policyFigures.ts) and the bottom line
 * (bottomLine.ts) read, taken in one pass over the replay's period views: every statement is
 * built once per period, and the replay's views can be dropped as soon as these are taken. In
 * minor units (BigInt): every amount of a result carries exactly the plan's money decimals.
 */
import type { LedgerEntry } from "../../core/result.ts";
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
  earnedBy: Map<string, bigint>;
  /** Σ of the positive balances carried out of the last period. */
  carriedPositive: bigint;
  /** Negative balances carried out of the last period, most negative first, then partner id. */
  negativeBalances: NegativeBalance[];
  /** Σ of the `unrecovered` amounts of every period (negative or 0). */
  unrecovered: bigint;
}

export function replayTotalsOf(periods: readonly PeriodView[], minor: MinorAmounts): ReplayTotals {
  let earned = 0n;
  let payout = 0n;
  const earnedBy = new Map<string, bigint>();
  let unrecovered = 0n;
  for (const p of periods) {
    for (const u of p.unrecovered) unrecovered += minor.of(u.amount);
    for (let i = 0; i < p.partnerCount; i++) {
      const s = p.statement(i);
      payout += minor.of(s.payout);
      const e = minor.of(s.earned);
      earned += e;
      const id = p.partnerId(i);
      earnedBy.set(id, (earnedBy.get(id) ?? 0n) + e);
    }
  }
  let carriedPositive = 0n;
  const negativeBalances: NegativeBalance[] = [];
  const last = periods[periods.length - 1];
  if (last !== undefined) {
    for (let i = 0; i < last.partnerCount; i++) {
      const out = last.statement(i).carriedOut;
      const value = minor.of(out);
      if (value > 0n) carriedPositive += value;
      else if (value < 0n) negativeBalances.push({ partner: last.partnerId(i), amount: out, minor: value });
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
