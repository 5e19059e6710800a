/**
 * Unrecovered clawbacks over the compiled ledger (semantics §7 "Balances", the reference's
 * runtime/reference/cancellations/unrecovered.ts): per cancellation and partner terminated in the
 * period, the net amount its clawback rows charged, when it is a charge; in processing order,
 * then by partner id.
 */
import type { Unrecovered } from "../../../core/result.ts";
import type { AfterRunCancellation } from "../../reference/cancellations/afterRun.ts";
import type { ColumnarData } from "../columnar.ts";
import type { LedgerColumns } from "../ledgerColumns.ts";
import { fixedText } from "../scaled.ts";

export function unrecoveredOf(
  c: ColumnarData,
  ledger: LedgerColumns,
  sequenceOf: (row: number) => number,
  cancellations: readonly AfterRunCancellation[],
  lastDay: number,
  moneyScale: number,
): Unrecovered[] {
  if (cancellations.length === 0) return [];
  const terminated = (p: number): boolean => {
    const kind = c.terminatedKind[p]!;
    return kind === 2 || (kind === 1 && c.terminatedDay[p]! <= lastDay);
  };
  const charged = new Map<string, { sequence: number; recipient: number; amount: number }>();
  // The clawback rows close the ledger (ledger order): read backwards until the period's own rows.
  for (let i = ledger.length - 1; i >= 0; i--) {
    const sequence = sequenceOf(i);
    if (sequence < 0) break;
    const recipient = ledger.recipient[i]!;
    if (!terminated(recipient)) continue;
    const key = `${sequence}\u0000${recipient}`;
    const current = charged.get(key);
    if (current === undefined) charged.set(key, { sequence, recipient, amount: ledger.amount[i]! });
    else current.amount += ledger.amount[i]!;
  }
  const id = (p: number) => c.partnerIds[p]!;
  return [...charged.values()]
    .filter((x) => x.amount < 0)
    .sort((a, b) => a.sequence - b.sequence || (id(a.recipient) < id(b.recipient) ? -1 : id(a.recipient) > id(b.recipient) ? 1 : 0))
    .map((x) => {
      const partner = c.data.partners[c.positionOf[x.recipient]!]!;
      const a = cancellations[x.sequence]!;
      const when = partner.terminated === null ? "terminated" : `terminated on ${partner.terminated}`;
      return {
        partner: partner.id,
        amount: fixedText(x.amount, moneyScale, moneyScale),
        reason: `${when}: the clawback of cancellation ${a.cancellation.id} (order ${a.order.id}) cannot be recovered (company loss)`,
      };
    });
}
