/**
 * Commission-transfer mode ("primitive" split, semantics §3): volume is not split. After all
 * bonuses, the supporter S receives t = round(s × amount) of every ledger amount the recruiter A
 * (the customer's partner, or the partner member's sponsor) earned from the member's orders, s
 * being the supporter's share of that bonus's measure. The transfer is written as two entries
 * referring to the original (A −t, then S +t), so the original keeps base × rate = amount.
 *
 * - Agreements: the ones in force in the processing period (for an order: the period that
 *   commissions it; for a clawback: today's, like its credit paths).
 * - Nothing moves while S is not eligible — by the standing the entry was paid with (a
 *   `previous-rank` clawback: the original run's), and pools never move.
 * - Clawbacks of the member's orders (`simple`, `previous-rank`) are transferred the same way;
 *   `exact` reversals are not, because they already reverse the original transfer entries.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, SplitAgreement } from "../../core/dataModel.ts";
import type { EntryDraft } from "./bonuses/sink.ts";
import type { PreparedPlan } from "./plan.ts";
import { supporterShares } from "./portions.ts";
import { formatRate, roundMoney } from "../../core/money.ts";
import type { Structure } from "./structure.ts";

export interface TransferContext {
  ir: PlanIR;
  plan: PreparedPlan;
  data: Dataset;
  structure: Structure;
  /** Agreements in force in the processing period, by member id. */
  inForce: Map<string, SplitAgreement>;
  /** Whether the supporter was eligible by the standing the entry was paid (or clawed back) with. */
  supporterEligible(entry: EntryDraft, supporter: number): boolean;
}

/** The member's recruiter: a customer's partner, a partner's sponsor (-1 for a top partner). */
export function recruiterOf(structure: Structure, member: string): number {
  const partner = structure.customerPartner.get(member);
  if (partner !== undefined) return partner;
  const own = structure.indexOf.get(member);
  return own === undefined ? -1 : structure.sponsor[own]!;
}

export function commissionTransfers(drafts: readonly EntryDraft[], ctx: TransferContext): EntryDraft[] {
  const transfers: EntryDraft[] = [];
  for (const entry of drafts) {
    if (entry.kind === "pool" || entry.orderIndex === undefined || entry.reverses !== undefined || entry.reversalSeq !== undefined) continue;
    if (entry.transferOf !== undefined) continue;
    const member = ctx.data.orders[entry.orderIndex]!.buyer;
    const agreement = ctx.inForce.get(member);
    if (agreement === undefined || recruiterOf(ctx.structure, member) !== entry.recipient) continue;
    const supporter = ctx.structure.indexOf.get(agreement.supporter)!;
    if (!ctx.supporterEligible(entry, supporter)) continue;
    const share = supporterShares(ctx.ir, agreement)[ctx.plan.bonuses[entry.bonusIndex]!.measure]!;
    const t = roundMoney(share.times(entry.amount), ctx.plan.money);
    if (t.isZero()) continue;
    const common = {
      bonusIndex: entry.bonusIndex, bonus: entry.bonus, kind: entry.kind, orderIndex: entry.orderIndex,
      transferOf: entry, ...(entry.order === undefined ? {} : { order: entry.order }),
      ...(entry.portion === undefined ? {} : { portion: entry.portion }),
      ...(entry.clawback === undefined ? {} : { clawback: entry.clawback }),
    };
    const recruiterId = ctx.structure.partners[entry.recipient]!.id;
    const terms = `supporter share ${formatRate(share)} (splits[${agreement.index}])`;
    transfers.push({ ...common, recipient: entry.recipient, amount: t.neg(), note: `${terms} to ${agreement.supporter}` });
    transfers.push({ ...common, recipient: supporter, amount: t, note: `${terms} from ${recruiterId}` });
  }
  return transfers;
}
