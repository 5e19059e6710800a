/**
 * The ledger of a period in its deterministic order (data.md): entries of the period's orders
 * first — by order in document order, then portion (recruiter before supporter), then bonus
 * declaration order, then step on the credit path — then pool entries by bonus declaration order
 * and recipient id, then the clawbacks of after-run cancellations, one cancellation after the
 * other in processing order (date, then document order); within a cancellation by portion, bonus
 * and step (`simple`, `previous-rank`) or in the order of the entries reversed (`exact`).
 * A commission-mode transfer pair (recruiter −t, supporter +t) follows the entry it transfers.
 * Ids are `<period>#<n>`, n counting from 1 in that order.
 */
import type { Breakage, LedgerEntry } from "../../core/result.ts";
import { compareIds } from "../../core/resultView.ts";
import type { BreakageDraft, EntryDraft } from "./bonuses/sink.ts";
import { formatAmount, formatBase, formatRate, type Money } from "../../core/money.ts";
import type { Structure } from "./structure.ts";

const PORTION_ORDER = { recruiter: 0, supporter: 1 } as const;


/** 0: an entry of the period's orders, 1: a pool entry, 2: a clawback. */
function section(d: EntryDraft): number {
  if (d.clawback !== undefined) return 2;
  return d.orderIndex === undefined ? 1 : 0;
}

function byPortionBonusStep(a: EntryDraft, b: EntryDraft): number {
  return PORTION_ORDER[a.portion!] - PORTION_ORDER[b.portion!] || a.bonusIndex - b.bonusIndex || a.step! - b.step!;
}

export function compareEntries(structure: Structure): (a: EntryDraft, b: EntryDraft) => number {
  return (a, b) => {
    const sa = section(a);
    const sb = section(b);
    if (sa !== sb) return sa - sb;
    if (sa === 0) return a.orderIndex! - b.orderIndex! || byPortionBonusStep(a, b);
    if (sa === 1) return a.bonusIndex - b.bonusIndex || compareIds(structure.partners[a.recipient]!.id, structure.partners[b.recipient]!.id);
    const bySequence = a.clawback!.sequence - b.clawback!.sequence;
    if (bySequence !== 0) return bySequence;
    if (a.reversalSeq !== undefined && b.reversalSeq !== undefined) return a.reversalSeq - b.reversalSeq;
    return byPortionBonusStep(a, b);
  };
}

/** The drafts in ledger order: sorted, each transfer pair right after the entry it transfers. */
export function orderDrafts(drafts: EntryDraft[], structure: Structure): EntryDraft[] {
  const transfers = new Map<EntryDraft, EntryDraft[]>();
  const primary: EntryDraft[] = [];
  for (const d of drafts) {
    if (d.transferOf === undefined) {
      primary.push(d);
      continue;
    }
    const list = transfers.get(d.transferOf) ?? [];
    list.push(d);
    transfers.set(d.transferOf, list);
  }
  const ordered: EntryDraft[] = [];
  for (const d of primary.sort(compareEntries(structure))) {
    ordered.push(d);
    // Recruiter side (−t) before supporter side (+t): the order they were written in.
    for (const t of transfers.get(d) ?? []) ordered.push(t);
  }
  return ordered;
}

export function buildLedger(period: string, drafts: EntryDraft[], structure: Structure, money: Money): LedgerEntry[] {
  const ordered = orderDrafts(drafts, structure);
  const ids = new Map<EntryDraft, string>();
  ordered.forEach((d, i) => ids.set(d, `${period}#${i + 1}`));
  return ordered.map((d) => toEntry(ids.get(d)!, d, ids, structure, money));
}

/**
 * Fields are assigned one by one (absent fields stay absent, not undefined) in the documented
 * key order; this runs once per entry, so it avoids building throw-away objects.
 */
function toEntry(id: string, d: EntryDraft, ids: Map<EntryDraft, string>, structure: Structure, money: Money): LedgerEntry {
  const entry: Omit<LedgerEntry, "amount"> & { amount?: string } = { id, recipient: structure.partners[d.recipient]!.id, bonus: d.bonus, kind: d.kind };
  if (d.order !== undefined) entry.order = d.order;
  if (d.portion !== undefined) entry.portion = d.portion;
  if (d.step !== undefined) entry.step = d.step;
  if (d.level !== undefined) entry.level = d.level;
  if (d.generation !== undefined) entry.generation = d.generation;
  if (d.base !== undefined) entry.base = formatBase(d.base, money);
  if (d.rate !== undefined) entry.rate = formatRate(d.rate);
  entry.amount = formatAmount(d.amount, money);
  if (d.clawback !== undefined) entry.cancellation = d.clawback.cancellation;
  if (d.reverses !== undefined) entry.reverses = d.reverses;
  if (d.transferOf !== undefined) entry.transferOf = ids.get(d.transferOf)!;
  if (d.note !== undefined) entry.note = d.note;
  return entry as LedgerEntry;
}

export function buildBreakage(drafts: BreakageDraft[], money: Money): Breakage[] {
  return drafts.map((b) => ({ bonus: b.bonus, amount: formatAmount(b.amount, money), reason: b.reason }));
}
