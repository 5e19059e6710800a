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
  return sorted.map((d, i) => toEntry(`${period}#${i + 1}`, d, structure, money));
}

/**
 * Fields are assigned one by one (absent fields stay absent, not undefined) in the documented
 * key order; this runs once per entry, so it avoids building throw-away objects.
 */
function toEntry(id: string, d: EntryDraft, structure: Structure, money: Money): LedgerEntry {
  const entry: Omit<LedgerEntry, "amount"> & { amount?: string } = { id, recipient: structure.partners[d.recipient]!.id, bonus: d.bonus, kind: d.kind };
  if (d.order !== undefined) entry.order = d.order;
  if (d.portion !== undefined) entry.portion = d.portion;
  if (d.step !== undefined) entry.step = d.step;
  if (d.level !== undefined) entry.level = d.level;
  if (d.generation !== undefined) entry.generation = d.generation;
  entry.base = formatBase(d.base, money);
  entry.rate = formatRate(d.rate);
  entry.amount = formatAmount(d.amount, money);
  if (d.note !== undefined) entry.note = d.note;
  return entry as LedgerEntry;
}

export function buildBreakage(drafts: BreakageDraft[], money: Money): Breakage[] {
  return drafts.map((b) => ({ bonus: b.bonus, amount: formatAmount(b.amount, money), reason: b.reason }));
}
