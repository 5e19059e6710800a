/**
 * One partner's figures and ledger rows in one period, for Explain, a partner's orders and the
 * genealogy: read from the engine's view when the run has one, else from the period's document.
 * Through the lazy document (lazyResult.ts) the first such query built the period's four
 * id-keyed records of every partner, and Explain's history did it for every period, and the
 * entry index turned the whole ledger into objects — at 100k about 6 s for the first Explain of
 * a top earner. The view answers a partner by a binary search over its id-ordered listing and
 * gives only the partner's own entries; the values are the ones the document holds (the lazy
 * document is built from the same accessors).
 */
import type { LedgerEntry, PeriodResult, PeriodView, Statement, VolumeFigures } from "../../../runtime/surface.ts";

export interface PartnerLookup {
  rank(id: string): string | null;
  active(id: string): boolean;
  /** Measure name -> figures; undefined when the partner is not listed in the period. */
  volumes(id: string): Record<string, VolumeFigures> | undefined;
  statement(id: string): Statement | undefined;
  ledgerEntry(i: number): LedgerEntry;
  /** Ledger row numbers per recipient, in ledger order. */
  entriesByRecipient(): Map<string, number[]>;
}

export function partnerLookup(result: PeriodResult, view: PeriodView | undefined): PartnerLookup {
  return view !== undefined ? viewLookup(view) : documentLookup(result);
}

function documentLookup(result: PeriodResult): PartnerLookup {
  return {
    rank: (id) => (Object.hasOwn(result.ranks, id) ? (result.ranks[id] ?? null) : null),
    active: (id) => Object.hasOwn(result.active, id) && result.active[id] === true,
    volumes: (id) => (Object.hasOwn(result.volumes, id) ? result.volumes[id] : undefined),
    statement: (id) => (Object.hasOwn(result.statements, id) ? result.statements[id] : undefined),
    ledgerEntry: (i) => result.ledger[i]!,
    entriesByRecipient: () => groupRows(result.ledger.length, (i) => result.ledger[i]!.recipient),
  };
}

function viewLookup(v: PeriodView): PartnerLookup {
  // The listing is in code-unit order of id (core/resultView.ts), which `<` on strings is.
  const indexOf = (id: string): number => {
    let low = 0;
    let high = v.partnerCount - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = v.partnerId(mid);
      if (at === id) return mid;
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  };
  const recipient = v.ledgerRecipient;
  return {
    rank: (id) => {
      const i = indexOf(id);
      return i < 0 ? null : v.rank(i);
    },
    active: (id) => {
      const i = indexOf(id);
      return i >= 0 && v.active(i);
    },
    volumes: (id) => {
      const i = indexOf(id);
      return i < 0 ? undefined : v.volumes(i);
    },
    statement: (id) => {
      const i = indexOf(id);
      return i < 0 ? undefined : v.statement(i);
    },
    ledgerEntry: (i) => v.ledgerEntry(i),
    entriesByRecipient: () => groupRows(v.ledgerLength, recipient !== undefined ? (i) => recipient.call(v, i) : (i) => v.ledgerEntry(i).recipient),
  };
}

function groupRows(length: number, recipientOf: (i: number) => string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (let i = 0; i < length; i++) {
    const recipient = recipientOf(i);
    const list = rows.get(recipient);
    if (list) list.push(i);
    else rows.set(recipient, [i]);
  }
  return rows;
}
