/**
 * Unrecovered clawbacks (semantics §7 "Balances"): a clawback charged to a partner who is
 * terminated in the processing period can never be netted against future earnings — a company
 * loss. The entries stay in the ledger (and the negative balance is carried like any other);
 * `unrecovered` lists, per cancellation and terminated partner, the net amount charged, when it
 * is a charge (negative), in processing order and then by partner id.
 */
import { lastDayOf } from "../../../core/dates.ts";
import { ZERO, type Decimal } from "../../../core/decimal.ts";
import type { Unrecovered } from "../../../core/result.ts";
import type { EntryDraft } from "../bonuses/sink.ts";
import { formatAmount, type Money } from "../../../core/money.ts";
import { isTerminatedIn, type Structure } from "../structure.ts";

export function unrecoveredClawbacks(drafts: EntryDraft[], structure: Structure, period: string, money: Money): Unrecovered[] {
  const lastDay = lastDayOf(period);
  const charged = new Map<string, { sequence: number; recipient: number; cancellation: string; order: string; amount: Decimal }>();
  for (const d of drafts) {
    if (d.clawback === undefined || !isTerminatedIn(structure.partners[d.recipient]!, lastDay)) continue;
    const key = `${d.clawback.sequence}\u0000${d.recipient}`;
    const current = charged.get(key);
    if (current === undefined) {
      charged.set(key, { sequence: d.clawback.sequence, recipient: d.recipient, cancellation: d.clawback.cancellation, order: d.order!, amount: d.amount });
    } else current.amount = current.amount.plus(d.amount);
  }
  const id = (p: number) => structure.partners[p]!.id;
  return [...charged.values()]
    .filter((c) => c.amount.lt(ZERO))
    .sort((a, b) => a.sequence - b.sequence || (id(a.recipient) < id(b.recipient) ? -1 : id(a.recipient) > id(b.recipient) ? 1 : 0))
    .map((c) => {
      const partner = structure.partners[c.recipient]!;
      const when = partner.terminated === null ? "terminated" : `terminated on ${partner.terminated}`;
      return {
        partner: partner.id,
        amount: formatAmount(c.amount, money),
        reason: `${when}: the clawback of cancellation ${c.cancellation} (order ${c.order}) cannot be recovered (company loss)`,
      };
    });
}
