/**
 * What after-run cancellations and commission transfers add to a compiled period's ledger, and
 * how those rows read as ledger entries.
 *
 * - A clawback walk row (`simple`, `previous-rank`) is an ordinary walk row whose portion is a
 *   clawback portion (index >= firstClawback): the entry gets its cancellation.
 * - An exact reversal or pool give-back and a commission transfer are "extra" rows: the columns
 *   hold recipient, bonus and amount (so earnings and statements need nothing else), and a side
 *   row says the rest. Few rows are extra; `rowOf` finds them without a lookup per ordinary row.
 */
import type { LedgerEntry, Unrecovered } from "../../../core/result.ts";
import type { AfterRunCancellation } from "../../reference/cancellations/afterRun.ts";
import type { ColumnarPeriod } from "../period.ts";
import { fixedText } from "../scaled.ts";

export type ExtraRow =
  /** An exact reversal or pool give-back: the entry as written, without id and amount. */
  | { kind: "reversal"; sequence: number; entry: Omit<LedgerEntry, "id" | "amount" | "cancellation" | "reverses" | "note">; reverses?: string; note?: string }
  /** A commission transfer of row `of` (same bonus, order and portion), recruiter −t or supporter +t. */
  | { kind: "transfer"; sequence: number; of: number; note: string };

export interface AfterRunColumns {
  /** After-run cancellations dated in the period, processed or (ignoreAfterRunCancellations) left out. */
  afterRunCount: number;
  /** The period's after-run cancellations, by sequence. */
  cancellations: readonly AfterRunCancellation[];
  /** Portions at this index and after are clawback portions; the portion count when there are none. */
  firstClawback: number;
  /** Per clawback portion (index − firstClawback): its cancellation's sequence. */
  clawbackSequence: Int32Array;
  /** Per ledger row: index into `rows`, or −1 for an ordinary row. Null when no row is extra. */
  rowOf: Int32Array | null;
  rows: ExtraRow[];
  unrecovered: Unrecovered[];
}

export function extraRowOf(cp: ColumnarPeriod, i: number): ExtraRow | undefined {
  const rowOf = cp.afterRun.rowOf;
  if (rowOf === null) return undefined;
  const r = rowOf[i]!;
  return r < 0 ? undefined : cp.afterRun.rows[r];
}

/** The cancellation sequence a row belongs to (a clawback), or −1. */
export function sequenceOfRow(cp: ColumnarPeriod, i: number): number {
  const extra = extraRowOf(cp, i);
  if (extra !== undefined) return extra.sequence;
  const pi = cp.ledger.portion[i]!;
  const a = cp.afterRun;
  return pi >= a.firstClawback ? a.clawbackSequence[pi - a.firstClawback]! : -1;
}

export function isClawbackRow(cp: ColumnarPeriod, i: number): boolean {
  return sequenceOfRow(cp, i) >= 0;
}

function amountText(cp: ColumnarPeriod, minor: number): string {
  return fixedText(minor, cp.tables.moneyScale, cp.tables.moneyScale);
}

/** An extra row as its ledger entry, keys in the documented order. */
export function extraEntryOf(cp: ColumnarPeriod, i: number, row: ExtraRow, id: (row: number) => string): LedgerEntry {
  const a = cp.afterRun;
  if (row.kind === "reversal") {
    const entry: LedgerEntry = { id: id(i), ...row.entry, amount: amountText(cp, cp.ledger.amount[i]!) };
    entry.cancellation = a.cancellations[row.sequence]!.cancellation.id;
    if (row.reverses !== undefined) entry.reverses = row.reverses;
    if (row.note !== undefined) entry.note = row.note;
    return entry;
  }
  const { ledger, ir, columnar, portions } = cp;
  const bonus = ir.bonuses[ledger.bonus[i]!]!;
  const pi = ledger.portion[i]!;
  const entry: Omit<LedgerEntry, "amount"> & { amount?: string } = {
    id: id(i),
    recipient: columnar.partnerIds[ledger.recipient[i]!]!,
    bonus: bonus.name,
    kind: bonus.kind,
    order: columnar.data.orders[portions.order[pi]!]!.id,
    portion: portions.kind[pi] === 0 ? "recruiter" : "supporter",
  };
  entry.amount = amountText(cp, ledger.amount[i]!);
  if (row.sequence >= 0) entry.cancellation = a.cancellations[row.sequence]!.cancellation.id;
  entry.transferOf = id(row.of);
  entry.note = row.note;
  return entry as LedgerEntry;
}
