/**
 * Commission-transfer mode in the compiled runtime (semantics §3, the reference's
 * runtime/reference/commissionTransfer.ts): after every walk, pool and clawback, each entry the
 * recruiter A earned from a member's order (or its clawback) moves t = round(s × amount) to the
 * supporter S, as a pair right after the entry (A −t, then S +t). Nothing moves while S is not
 * eligible by the standing the entry was paid with, pools never move, exact reversals are not
 * transferred (they reverse the original transfers already).
 *
 * The ledger is written in final order as the walks go, so the pairs are put in by one copy of
 * the columns; this runs only when agreements are in force in commission mode.
 */
import { Decimal } from "../../../core/decimal.ts";
import type { SplitAgreement } from "../../../core/dataModel.ts";
import type { Standing } from "../../reference/bonuses/context.ts";
import { formatRate } from "../../../core/money.ts";
import type { ColumnarData } from "../columnar.ts";
import { LedgerColumns } from "../ledgerColumns.ts";
import type { PlanTables } from "../planTables.ts";
import { scaledShares, type PortionColumns } from "../portions.ts";
import { roundDiv, roundDivBig, pow10 } from "../scaled.ts";
import type { ExtraRow } from "./extras.ts";

/** What a transfer needs of one order: the agreement, recruiter, supporter, scaled shares and note text. */
interface OrderTransfer {
  recruiter: number;
  supporter: number;
  shares: number[];
  notes: { recruiterSide: string; supporterSide: string }[];
}

export interface TransferInput {
  c: ColumnarData;
  tables: PlanTables;
  portions: PortionColumns;
  ledger: LedgerColumns;
  /** Extra rows so far (exact reversals) and where they are; null when none. */
  rowOf: Int32Array | null;
  rows: ExtraRow[];
  inForce: Map<string, SplitAgreement>;
  /** Per ledger row: the clawback sequence, or −1. */
  sequenceOf(row: number): number;
  /** The standing the row was paid with: the period's own, or a `previous-rank` clawback's. */
  standingOf(sequence: number): Standing;
}

/** The ledger with the transfer pairs in place, or null when nothing moves; a reason to delegate when an amount leaves the safe range. */
export function withTransfers(t: TransferInput): { ledger: LedgerColumns; rowOf: Int32Array; rows: ExtraRow[] } | null | string {
  const { c, tables, portions, ledger } = t;
  const ir = tables.ir;
  const byOrder = new Map<number, OrderTransfer | null>();
  const transferOf = (o: number): OrderTransfer | null => {
    let info = byOrder.get(o);
    if (info !== undefined) return info;
    info = null;
    const member = c.data.orders[o]!.buyer;
    const agreement = t.inForce.get(member);
    if (agreement !== undefined) {
      const own = c.indexOf.get(member);
      const recruiter = c.customerPartner.get(member) ?? (own === undefined ? -1 : c.sponsor[own]!);
      const supporter = c.indexOf.get(agreement.supporter)!;
      const shares = scaledShares(ir, tables, agreement);
      const notes = ir.measures.map((_, k) => {
        const share = formatRate(new Decimal(shares[k]!).div(pow10(tables.shareScale)));
        const terms = `supporter share ${share} (splits[${agreement.index}])`;
        return { recruiterSide: `${terms} to ${agreement.supporter}`, supporterSide: `${terms} from ${recruiter < 0 ? "" : c.partnerIds[recruiter]!}` };
      });
      info = { recruiter, supporter, shares, notes };
    }
    byOrder.set(o, info);
    return info;
  };
  const divisor = pow10(tables.shareScale) * tables.unitMinor;
  // First pass: which rows move, and how much.
  const moved: number[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < ledger.length; i++) {
    const pi = ledger.portion[i]!;
    if (pi < 0 || (t.rowOf !== null && t.rowOf[i]! >= 0)) continue;
    const info = transferOf(portions.order[pi]!);
    if (info === null || info.recruiter !== ledger.recipient[i]) continue;
    if (t.standingOf(t.sequenceOf(i)).eligible[info.supporter] !== 1) continue;
    const share = info.shares[tables.bonuses[ledger.bonus[i]!]!.measure]!;
    const product = share * ledger.amount[i]!;
    let amount: number;
    if (Number.isSafeInteger(product)) amount = roundDiv(product, divisor, tables.mode) * tables.unitMinor;
    else amount = Number(roundDivBig(BigInt(share) * BigInt(ledger.amount[i]!), BigInt(divisor), tables.mode) * BigInt(tables.unitMinor));
    if (!Number.isSafeInteger(amount)) return "a commission transfer does not fit a safe integer";
    if (amount === 0) continue;
    moved.push(i);
    amounts.push(amount);
  }
  if (moved.length === 0) return null;

  const out = new LedgerColumns(c.partnerCount, ir.bonuses.length, ledger.length + 2 * moved.length);
  out.poolRows.push(...ledger.poolRows);
  out.breakage.set(ledger.breakage);
  const rowOf = new Int32Array(ledger.length + 2 * moved.length).fill(-1);
  const rows: ExtraRow[] = [...t.rows];
  let next = 0;
  for (let i = 0; i < ledger.length; i++) {
    const at = out.length;
    out.push(ledger.recipient[i]!, ledger.bonus[i]!, ledger.portion[i]!, ledger.step[i]!, ledger.number[i]!, ledger.rate[i]!, ledger.amount[i]!);
    if (t.rowOf !== null && t.rowOf[i]! >= 0) rowOf[at] = t.rowOf[i]!;
    if (next >= moved.length || moved[next] !== i) continue;
    const amount = amounts[next++]!;
    const pi = ledger.portion[i]!;
    const info = byOrder.get(portions.order[pi]!)!;
    const note = info.notes[tables.bonuses[ledger.bonus[i]!]!.measure]!;
    const sequence = t.sequenceOf(i);
    rowOf[out.length] = rows.length;
    rows.push({ kind: "transfer", sequence, of: at, note: note.recruiterSide });
    out.push(ledger.recipient[i]!, ledger.bonus[i]!, pi, 0, 0, 0, -amount);
    rowOf[out.length] = rows.length;
    rows.push({ kind: "transfer", sequence, of: at, note: note.supporterSide });
    out.push(info.supporter, ledger.bonus[i]!, pi, 0, 0, 0, amount);
  }
  return { ledger: out, rowOf, rows };
}
