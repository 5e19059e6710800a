/**
 * Statements (semantics §7 "Balances") for every partner joined by the end of the period:
 * earned = sum of the partner's rounded entries; balance = carried in + earned; the payout is
 * the balance when it is positive and at least the plan's minimum payout, else 0; the rest is
 * carried out. Carried in is the previous final period's carried out (0 without one).
 */
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { PeriodResult, Statement } from "../../core/result.ts";
import type { EntryDraft } from "./bonuses/sink.ts";
import { formatAmount, type Money } from "../../core/money.ts";
import { idRecord, type Structure } from "./structure.ts";

export function buildStatements(
  listed: number[],
  drafts: EntryDraft[],
  previous: PeriodResult | undefined,
  structure: Structure,
  money: Money,
  payoutMinimum: Decimal,
): Record<string, Statement> {
  const earned = new Map<number, Decimal>();
  for (const d of drafts) earned.set(d.recipient, (earned.get(d.recipient) ?? ZERO).plus(d.amount));
  const statements: Record<string, Statement> = idRecord();
  for (const p of listed) {
    const id = structure.partners[p]!.id;
    const own = earned.get(p) ?? ZERO;
    // hasOwn: a history read back from JSON is a plain object, where "constructor" is inherited.
    const carriedText = previous !== undefined && Object.hasOwn(previous.statements, id) ? previous.statements[id]!.carriedOut : undefined;
    const carriedIn = carriedText === undefined ? ZERO : new Decimal(carriedText);
    const balance = carriedIn.plus(own);
    const payout = balance.gt(0) && balance.gte(payoutMinimum) ? balance : ZERO;
    statements[id] = {
      earned: formatAmount(own, money),
      carriedIn: formatAmount(carriedIn, money),
      payout: formatAmount(payout, money),
      carriedOut: formatAmount(balance.minus(payout), money),
    };
  }
  return statements;
}
