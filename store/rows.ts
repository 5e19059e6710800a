/**
 * A PeriodResult to table rows and back, shared by both databases. Reading back gives the same
 * document the engine wrote, key for key (tested by JSON equality): ledger ids are `<period>#<n>`
 * with n = row sequence + 1, partners come back in the engine's listing order (their sequence),
 * optional ledger fields stay absent rather than null.
 */
import type { BonusKind } from "../core/ir.ts";
import type { LedgerEntry, PeriodResult, Statement, VolumeFigures } from "../core/result.ts";
import type { PartnerRow } from "./types.ts";

/** Ledger columns in table order (the LedgerEntry key order, `id` replaced by the sequence). */
export const LEDGER_COLUMNS = [
  "period", "seq", "recipient", "bonus", "kind", "order_id", "portion", "step", "level", "generation",
  "base", "rate", "amount", "cancellation", "reverses", "transfer_of", "note",
] as const;

export type LedgerRow = [
  period: string, seq: number, recipient: string, bonus: string, kind: string, order: string | null,
  portion: string | null, step: number | null, level: number | null, generation: number | null,
  base: string | null, rate: string | null, amount: string, cancellation: string | null,
  reverses: string | null, transferOf: string | null, note: string | null,
];

export function ledgerRow(period: string, seq: number, e: LedgerEntry): LedgerRow {
  return [
    period, seq, e.recipient, e.bonus, e.kind, e.order ?? null, e.portion ?? null, e.step ?? null, e.level ?? null,
    e.generation ?? null, e.base ?? null, e.rate ?? null, e.amount, e.cancellation ?? null, e.reverses ?? null,
    e.transferOf ?? null, e.note ?? null,
  ];
}

/** A ledger row as the database returns it (column name -> value). */
export interface LedgerRecord {
  period: string;
  seq: number | string;
  recipient: string;
  bonus: string;
  kind: string;
  order_id: string | null;
  portion: string | null;
  step: number | null;
  level: number | null;
  generation: number | null;
  base: string | null;
  rate: string | null;
  amount: string;
  cancellation: string | null;
  reverses: string | null;
  transfer_of: string | null;
  note: string | null;
}

/** Back to the engine's LedgerEntry, fields assigned in the documented key order. */
export function ledgerEntryOf(r: LedgerRecord): LedgerEntry {
  const e: Partial<LedgerEntry> = { id: `${r.period}#${Number(r.seq) + 1}`, recipient: r.recipient, bonus: r.bonus, kind: r.kind as BonusKind };
  if (r.order_id !== null) e.order = r.order_id;
  if (r.portion !== null) e.portion = r.portion as "recruiter" | "supporter";
  if (r.step !== null) e.step = Number(r.step);
  if (r.level !== null) e.level = Number(r.level);
  if (r.generation !== null) e.generation = Number(r.generation);
  if (r.base !== null) e.base = r.base;
  if (r.rate !== null) e.rate = r.rate;
  e.amount = r.amount;
  if (r.cancellation !== null) e.cancellation = r.cancellation;
  if (r.reverses !== null) e.reverses = r.reverses;
  if (r.transfer_of !== null) e.transferOf = r.transfer_of;
  if (r.note !== null) e.note = r.note;
  return e as LedgerEntry;
}

export const PARTNER_COLUMNS = ["period", "seq", "partner", "rank", "active", "volumes", "earned", "carried_in", "payout", "carried_out"] as const;

export type PartnerTableRow = [
  period: string, seq: number, partner: string, rank: string | null, active: boolean, volumes: string,
  earned: string, carriedIn: string, payout: string, carriedOut: string,
];

/** The partners of a result in its own listing order (Object.keys of `ranks`). */
export function* partnerRows(r: PeriodResult): Generator<PartnerTableRow> {
  let seq = 0;
  for (const id of Object.keys(r.ranks)) {
    const s = r.statements[id];
    if (s === undefined) throw new Error(`partner ${id} of ${r.period} has a rank but no statement`);
    yield [r.period, seq++, id, r.ranks[id] ?? null, r.active[id] === true, JSON.stringify(r.volumes[id] ?? {}), s.earned, s.carriedIn, s.payout, s.carriedOut];
  }
}

export interface PartnerRecord {
  partner: string;
  rank: string | null;
  active: boolean | number;
  volumes: string;
  earned: string;
  carried_in: string;
  payout: string;
  carried_out: string;
}

export function partnerOf(r: PartnerRecord): PartnerRow {
  const statement: Statement = { earned: r.earned, carriedIn: r.carried_in, payout: r.payout, carriedOut: r.carried_out };
  return { partner: r.partner, rank: r.rank, active: r.active === true || r.active === 1, volumes: JSON.parse(r.volumes) as Record<string, VolumeFigures>, statement };
}

/** The small lists of a period, stored as JSON documents one per item. */
export const EXTRA_KINDS = ["breakage", "unrecovered", "flags", "deferred", "stock"] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];

/** The lists of a period from their rows (kind, JSON body) in sequence order. */
export function extrasOf(rows: Iterable<{ kind: ExtraKind; body: string }>): Record<ExtraKind, never[]> {
  const extras = Object.fromEntries(EXTRA_KINDS.map((k) => [k, [] as never[]])) as Record<ExtraKind, never[]>;
  for (const row of rows) extras[row.kind].push(JSON.parse(row.body) as never);
  return extras;
}

/** A period rebuilt from its parts (partners in sequence order, ledger in sequence order). */
export function assemblePeriod(
  head: { period: string; asOf: string },
  partners: Iterable<PartnerRow>,
  ledger: LedgerEntry[],
  extras: Record<ExtraKind, unknown[]>,
): PeriodResult {
  // Plain objects with a null prototype, like the engine's (a partner may be called "constructor").
  const ranks: PeriodResult["ranks"] = Object.create(null);
  const active: PeriodResult["active"] = Object.create(null);
  const volumes: PeriodResult["volumes"] = Object.create(null);
  const statements: PeriodResult["statements"] = Object.create(null);
  for (const p of partners) {
    ranks[p.partner] = p.rank;
    active[p.partner] = p.active;
    volumes[p.partner] = p.volumes;
    statements[p.partner] = p.statement;
  }
  return {
    period: head.period,
    asOf: head.asOf,
    final: true,
    ranks,
    active,
    volumes,
    ledger,
    statements,
    breakage: extras.breakage as PeriodResult["breakage"],
    unrecovered: extras.unrecovered as PeriodResult["unrecovered"],
    flags: extras.flags as PeriodResult["flags"],
    deferred: extras.deferred as PeriodResult["deferred"],
    stock: extras.stock as PeriodResult["stock"],
  };
}
