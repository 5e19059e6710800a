/**
 * Where bonus rules write: paid shares become ledger entries (each computed exactly, then rounded
 * to the money unit: semantics §6 "Rounding"), unpaid shares become breakage.
 *
 * - A zero base or a zero rate writes nothing (not an entry, not breakage).
 * - An entry whose rounded amount is zero is not written: it pays nothing and there is nothing
 *   to reverse later.
 * - Breakage per (bonus, reason) is the sum of the unpaid shares, each rounded exactly as the
 *   entry would have been had it been paid: "what the plan would have paid on top".
 * - A clawback portion (after-run cancellation under `simple` or `previous-rank`) writes entries
 *   tagged with its cancellation and no breakage: breakage reports what the plan left unpaid on
 *   the period's orders, and a clawback that reclaims less than was paid is not an unpaid share.
 */
import type { BonusKind } from "../../../core/ir.ts";
import { Decimal, ZERO } from "../../../core/decimal.ts";
import type { PreparedBonus } from "../plan.ts";
import type { ClawbackOf, Portion, PortionKind } from "../portions.ts";
import { roundMoney, type Money } from "../../../core/money.ts";
import type { BonusContext } from "./context.ts";

export const UNPAID = {
  inactive: "recipient not active",
  belowRank: "recipient below the required rank",
  pathShorter: "credit path shorter than the levels",
  topRateNotReached: "top rate not reached on the credit path",
  noOwner: "no open-volume owner (no manager on the credit path)",
  fewerManagers: "fewer managers above the owner than generations",
  noQualifier: "no qualifier",
} as const;

export type UnpaidReason = (typeof UNPAID)[keyof typeof UNPAID];

export interface EntryDraft {
  recipient: number;
  bonusIndex: number;
  bonus: string;
  kind: BonusKind;
  /** Absent for pool entries. */
  orderIndex?: number;
  order?: string;
  portion?: PortionKind;
  step?: number;
  level?: number;
  generation?: number;
  /** Absent on exact reversals and commission transfers, whose amount is not base × rate. */
  base?: Decimal;
  rate?: Decimal;
  /** Rounded to the money unit. */
  amount: Decimal;
  /** Every clawback entry: the after-run cancellation it belongs to. */
  clawback?: ClawbackOf;
  /** Exact reversal: the id of the reversed entry (an earlier period's). */
  reverses?: string;
  /** Exact reversal: position among the reversals of its cancellation (the ledger order). */
  reversalSeq?: number;
  /** Commission transfer: the entry of the same period whose supporter share moves. */
  transferOf?: EntryDraft;
  note?: string;
}

export interface BreakageDraft {
  bonusIndex: number;
  bonus: string;
  reason: UnpaidReason;
  /** Sum of rounded unpaid shares. */
  amount: Decimal;
}

export class LedgerSink {
  readonly entries: EntryDraft[] = [];
  private readonly unpaidByKey = new Map<string, BreakageDraft>();

  constructor(readonly money: Money) {}

  /** A share of a portion: rate × the portion's volume in the bonus's measure. */
  pay(
    portion: Portion,
    bonusIndex: number,
    bonus: PreparedBonus,
    step: number,
    recipient: number,
    rate: Decimal,
    numbering: { level?: number; generation?: number } = {},
  ): void {
    const base = portion.x[bonus.measure]!;
    if (base.isZero() || rate.isZero()) return;
    const amount = roundMoney(base.times(rate), this.money);
    if (amount.isZero()) return;
    const entry: EntryDraft = {
      recipient, bonusIndex, bonus: bonus.name, kind: bonus.kind,
      orderIndex: portion.orderIndex, order: portion.order.id, portion: portion.kind, step,
      ...numbering, base, rate, amount,
    };
    if (portion.clawback !== null) entry.clawback = portion.clawback;
    this.entries.push(entry);
  }

  /** A pool part, already rounded by the pool's largest-remainder rule. */
  payPoolPart(bonusIndex: number, bonus: PreparedBonus, recipient: number, base: Decimal, rate: Decimal, amount: Decimal, note: string): void {
    if (amount.isZero()) return;
    this.entries.push({ recipient, bonusIndex, bonus: bonus.name, kind: bonus.kind, base, rate, amount, note });
  }

  /** An unpaid share of a portion (rate × x), reported as breakage. */
  unpaid(portion: Portion, bonusIndex: number, bonus: PreparedBonus, rate: Decimal, reason: UnpaidReason): void {
    const base = portion.x[bonus.measure]!;
    if (base.isZero() || rate.isZero() || portion.clawback !== null) return;
    this.unpaidAmount(bonusIndex, bonus, roundMoney(base.times(rate), this.money), reason);
  }

  /** An unpaid amount already rounded to the money unit. */
  unpaidAmount(bonusIndex: number, bonus: PreparedBonus, amount: Decimal, reason: UnpaidReason): void {
    if (amount.isZero()) return;
    const key = `${bonusIndex}\u0000${reason}`;
    const current = this.unpaidByKey.get(key);
    if (current === undefined) this.unpaidByKey.set(key, { bonusIndex, bonus: bonus.name, reason, amount });
    else current.amount = current.amount.plus(amount);
  }

  /** Breakage rows with a non-zero total, by bonus declaration order, then reason. */
  breakage(): BreakageDraft[] {
    return [...this.unpaidByKey.values()]
      .filter((b) => !b.amount.eq(ZERO))
      .sort((a, b) => a.bonusIndex - b.bonusIndex || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  }
}

/** Whether a rank meets a tier's requirement (no requirement: any rank, or none). */
export function meetsRank(rank: number, requires: number | null): boolean {
  return requires === null || rank >= requires;
}

/**
 * The step every tiered bonus (level, generation, fast start) shares: partner p on the path
 * receives the tier's rate if it is eligible and its rank meets the tier's requirement;
 * otherwise the share is unpaid, with the reason.
 */
export function payTier(
  ctx: BonusContext,
  bonusIndex: number,
  bonus: PreparedBonus,
  portion: Portion,
  step: number,
  p: number,
  tier: { rate: Decimal; requires: number | null },
  numbering: { level?: number; generation?: number },
): void {
  const { eligible, rank } = ctx.qualification;
  if (!eligible[p]) ctx.sink.unpaid(portion, bonusIndex, bonus, tier.rate, UNPAID.inactive);
  else if (!meetsRank(rank[p]!, tier.requires)) ctx.sink.unpaid(portion, bonusIndex, bonus, tier.rate, UNPAID.belowRank);
  else ctx.sink.pay(portion, bonusIndex, bonus, step, p, tier.rate, numbering);
}
