/**
 * The ledger of a period in its deterministic order (data.md): entries of orders first — by
 * order in document order, then portion (recruiter before supporter), then bonus declaration
 * order, then step on the credit path — then pool entries by bonus declaration order and
 * recipient id. Ids are `<period>#<n>`, n counting from 1 in that order.
 */
import type { Breakage, LedgerEntry } from "../result.ts";
import type { BreakageDraft, EntryDraft } from "./bonuses/sink.ts";
import { formatAmount, formatBase, formatRate, type Money } from "./rounding.ts";
import type { Structure } from "./structure.ts";

const PORTION_ORDER = { recruiter: 0, supporter: 1 } as const;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEntries(structure: Structure): (a: EntryDraft, b: EntryDraft) => number {
  return (a, b) => {
    const aPool = a.orderIndex === undefined;
    const bPool = b.orderIndex === undefined;
    if (aPool !== bPool) return aPool ? 1 : -1;
    if (!aPool && !bPool) {
      return (
        a.orderIndex! - b.orderIndex! ||
        PORTION_ORDER[a.portion!] - PORTION_ORDER[b.portion!] ||
        a.bonusIndex - b.bonusIndex ||
        a.step! - b.step!
      );
    }
    return a.bonusIndex - b.bonusIndex || compareIds(structure.partners[a.recipient]!.id, structure.partners[b.recipient]!.id);
  };
}

export function buildLedger(period: string, drafts: EntryDraft[], structure: Structure, money: Money): LedgerEntry[] {
  const sorted = [...drafts].sort(compareEntries(structure));
  // Absent fields stay absent (not undefined) so the JSON has exactly the documented keys.
  return sorted.map((d, i) => ({
    id: `${period}#${i + 1}`,
    recipient: structure.partners[d.recipient]!.id,
    bonus: d.bonus,
    kind: d.kind,
    ...(d.order !== undefined ? { order: d.order } : {}),
    ...(d.portion !== undefined ? { portion: d.portion } : {}),
    ...(d.step !== undefined ? { step: d.step } : {}),
    ...(d.level !== undefined ? { level: d.level } : {}),
    ...(d.generation !== undefined ? { generation: d.generation } : {}),
    base: formatBase(d.base, money),
    rate: formatRate(d.rate),
    amount: formatAmount(d.amount, money),
    ...(d.note !== undefined ? { note: d.note } : {}),
  }));
}

export function buildBreakage(drafts: BreakageDraft[], money: Money): Breakage[] {
  return drafts.map((b) => ({ bonus: b.bonus, amount: formatAmount(b.amount, money), reason: b.reason }));
}
