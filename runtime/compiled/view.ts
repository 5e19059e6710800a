/**
 * A compiled period as output: a PeriodView that builds each ledger entry, statement and volume
 * record only when a writer asks for it, and the full PeriodResult (for callers that want the
 * document, and as history for a period that runs in the reference). Text forms follow
 * runtime/reference/rounding.ts exactly: amounts with the unit's decimals, bases exact but
 * padded to them, volumes canonical, rates as percentages.
 */
import { lateCancellations, flagsOf } from "../shared/lateCancellers.ts";
import { stockMovements } from "../reference/cancellations/takes.ts";
import { idRecord } from "../reference/structure.ts";
import type { PeriodView } from "../../core/resultView.ts";
import type { Breakage, Deferred, Flag, LedgerEntry, PeriodResult, Statement, StockMovement, VolumeFigures } from "../../core/result.ts";
import { extraEntryOf, extraRowOf } from "./cancellations/extras.ts";
import { UNPAID_REASONS } from "./ledgerColumns.ts";
import { ledgerRowWriter } from "./ledgerRows.ts";
import { rankRowWriter, statementRowWriter } from "./partnerRows.ts";
import type { ColumnarPeriod } from "./period.ts";
import { takesOf } from "./period.ts";
import { rateText } from "./planTables.ts";
import { deferredOf } from "./release.ts";
import { canonicalText, fixedText, significantDecimals } from "./scaled.ts";

function amountText(cp: ColumnarPeriod, minor: number): string {
  return fixedText(minor, cp.tables.moneyScale, cp.tables.moneyScale);
}

export function ledgerEntryOf(cp: ColumnarPeriod, i: number): LedgerEntry {
  const { ledger, ir, columnar, tables, portions } = cp;
  const extra = extraRowOf(cp, i);
  if (extra !== undefined) return extraEntryOf(cp, i, extra, (row) => `${cp.period}#${row + 1}`);
  const b = ledger.bonus[i]!;
  const bonus = ir.bonuses[b]!;
  const entry: Omit<LedgerEntry, "amount"> & { amount?: string } = {
    id: `${cp.period}#${i + 1}`,
    recipient: columnar.partnerIds[ledger.recipient[i]!]!,
    bonus: bonus.name,
    kind: bonus.kind,
  };
  const pi = ledger.portion[i]!;
  if (pi < 0) {
    const row = ledger.poolRows[-1 - pi]!;
    entry.base = row.base;
    entry.rate = row.rate;
    entry.amount = amountText(cp, ledger.amount[i]!);
    entry.note = row.note;
    return entry as LedgerEntry;
  }
  entry.order = columnar.data.orders[portions.order[pi]!]!.id;
  entry.portion = portions.kind[pi] === 0 ? "recruiter" : "supporter";
  entry.step = ledger.step[i]!;
  const number = ledger.number[i]!;
  if (number > 0) {
    if (bonus.kind === "generation") entry.generation = number;
    else entry.level = number;
  }
  const scale = tables.volumeScale[bonus.measure]!;
  const x = portions.x[bonus.measure]![pi]!;
  entry.base = fixedText(x, scale, Math.max(tables.moneyScale, significantDecimals(x, scale)));
  entry.rate = rateText(tables, b, ledger.rate[i]!);
  entry.amount = amountText(cp, ledger.amount[i]!);
  // A clawback walk row (`simple`, `previous-rank`): its portion is a clawback portion.
  if (pi >= cp.afterRun.firstClawback) entry.cancellation = cp.afterRun.cancellations[cp.afterRun.clawbackSequence[pi - cp.afterRun.firstClawback]!]!.cancellation.id;
  return entry as LedgerEntry;
}

/** The order id of ledger row i (undefined for a pool part), without building the entry. */
export function ledgerOrderOf(cp: ColumnarPeriod, i: number): string | undefined {
  const extra = extraRowOf(cp, i);
  if (extra !== undefined && extra.kind === "reversal") return extra.entry.order;
  const pi = cp.ledger.portion[i]!;
  return pi < 0 ? undefined : cp.columnar.data.orders[cp.portions.order[pi]!]!.id;
}

/** The index in the data's orders of ledger row i's order (−1 for a pool part): ledgerOrderOf without the id. */
export function ledgerOrderIndexOf(cp: ColumnarPeriod, i: number): number {
  const extra = extraRowOf(cp, i);
  if (extra !== undefined && extra.kind === "reversal") return extra.entry.order === undefined ? -1 : (cp.columnar.orderIndex.get(extra.entry.order) ?? -1);
  const pi = cp.ledger.portion[i]!;
  return pi < 0 ? -1 : cp.portions.order[pi]!;
}

/** The rows before `end` whose order index (ledgerOrderIndexOf) is −1 or marked in `marked`, in ledger order. */
export function ledgerRowsOfOrders(cp: ColumnarPeriod, marked: Uint8Array, end: number): number[] {
  const rows: number[] = [];
  const { portion } = cp.ledger;
  const order = cp.portions.order;
  const rowOf = cp.afterRun.rowOf;
  for (let i = 0; i < end; i++) {
    // An extra row (a reversal, a transfer) says its order itself; an ordinary row through its portion.
    let o: number;
    if (rowOf !== null && rowOf[i]! >= 0) o = ledgerOrderIndexOf(cp, i);
    else {
      const pi = portion[i]!;
      o = pi < 0 ? -1 : order[pi]!;
    }
    if (o < 0 || marked[o] === 1) rows.push(i);
  }
  return rows;
}

/** The recipient of ledger row i, without building the entry. */
export function ledgerRecipientOf(cp: ColumnarPeriod, i: number): string {
  const extra = extraRowOf(cp, i);
  if (extra !== undefined && extra.kind === "reversal") return extra.entry.recipient;
  return cp.columnar.partnerIds[cp.ledger.recipient[i]!]!;
}

/** A statement amount of partner p in minor units (what statementOf spells with moneyScale decimals). */
export function statementMinorOf(cp: ColumnarPeriod, p: number, field: keyof Statement): number {
  switch (field) {
    case "earned":
      return cp.ledger.earned[p]!;
    case "carriedIn":
      return cp.carriedIn[p]!;
    case "payout":
      return cp.payout[p]!;
    case "carriedOut":
      return cp.carriedOut[p]!;
    default: {
      const never: never = field;
      throw new Error(`unknown statement field ${String(never)}`);
    }
  }
}

export function statementOf(cp: ColumnarPeriod, p: number): Statement {
  return {
    earned: amountText(cp, cp.ledger.earned[p]!),
    carriedIn: amountText(cp, cp.carriedIn[p]!),
    payout: amountText(cp, cp.payout[p]!),
    carriedOut: amountText(cp, cp.carriedOut[p]!),
  };
}

export function volumesOf(cp: ColumnarPeriod, p: number): Record<string, VolumeFigures> {
  const figures: Record<string, VolumeFigures> = idRecord();
  const { state, tables } = cp;
  cp.ir.measures.forEach((m, k) => {
    const s = tables.volumeScale[k]!;
    figures[m.name] = {
      personal: canonicalText(state.personal[k]![p]!, s),
      group: canonicalText(state.group[k]![p]!, s),
      open: canonicalText(state.open[k]![p]!, s),
    };
  });
  return figures;
}

export function breakageOf(cp: ColumnarPeriod): Breakage[] {
  const list: Breakage[] = [];
  const reasons = UNPAID_REASONS.map((reason, index) => ({ reason, index })).sort((a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  cp.ir.bonuses.forEach((bonus, b) => {
    for (const { reason, index } of reasons) {
      const amount = cp.ledger.breakage[b * UNPAID_REASONS.length + index]!;
      if (amount !== 0) list.push({ bonus: bonus.name, amount: amountText(cp, amount), reason });
    }
  });
  return list;
}

/** Flags, deferred orders and stock movements: from the data alone, worded as the reference words them. */
export function sideListsOf(cp: ColumnarPeriod): { flags: Flag[]; deferred: Deferred[]; stock: StockMovement[] } {
  const { ir, columnar: c } = cp;
  const data = c.data;
  return {
    flags: data.cancellations.length === 0 ? [] : flagsOf(ir, lateCancellations(ir, data, c.orderIndex), cp.period, cp.asOf),
    deferred: deferredOf(ir, c, cp.release, cp.month, cp.asOfDay, cp.final),
    stock: data.cancellations.length === 0 ? [] : stockMovements(takesOf(c), cp.period, cp.asOf),
  };
}

export function viewOfColumnar(cp: ColumnarPeriod): PeriodView {
  const { listed, columnar, state, ir } = cp;
  // Flags, deferred orders and stock movements are output, built when a writer first reads them.
  let side: ReturnType<typeof sideListsOf> | null = null;
  const sides = () => (side ??= sideListsOf(live()));
  // A released period's arrays belong to the next run (periodRelease.ts): every read checks.
  function live(): ColumnarPeriod {
    if (cp.released) throw new Error(`internal: the ${cp.period} result was read after its view was released`);
    return cp;
  }
  return {
    period: cp.period,
    asOf: cp.asOf,
    final: cp.final,
    partnerCount: listed.length,
    partnerId: (i) => columnar.partnerIds[live().listed[i]!]!,
    rank: (i) => {
      const r = state.rank[live().listed[i]!]!;
      return r < 0 ? null : ir.ranks[r]!.name;
    },
    active: (i) => state.eligible[live().listed[i]!] === 1,
    volumes: (i) => volumesOf(cp, live().listed[i]!),
    statement: (i) => statementOf(cp, live().listed[i]!),
    ledgerLength: cp.ledger.length,
    ledgerEntry: (i) => ledgerEntryOf(live(), i),
    ledgerOrder: (i) => ledgerOrderOf(live(), i),
    ledgerOrderIndex: (i) => ledgerOrderIndexOf(live(), i),
    ledgerRowsOfOrders: (marked, end) => ledgerRowsOfOrders(live(), marked, Math.min(end, cp.ledger.length)),
    ledgerRecipient: (i) => ledgerRecipientOf(live(), i),
    statementMinor: (i, field) => statementMinorOf(cp, live().listed[i]!, field),
    ledgerCsvBytes: (out, fallback) => {
      const row = ledgerRowWriter(live(), out, fallback);
      return (i) => {
        live();
        return row(i);
      };
    },
    statementsCsvBytes: (out) => {
      const row = statementRowWriter(live(), out);
      return (i) => {
        live();
        row(i);
      };
    },
    ranksCsvBytes: (out, measures) => {
      const row = rankRowWriter(live(), out, measures);
      if (row === null) return null;
      return (i) => {
        live();
        row(i);
      };
    },
    breakage: breakageOf(cp),
    unrecovered: cp.afterRun.unrecovered,
    get flags() {
      return sides().flags;
    },
    get deferred() {
      return sides().deferred;
    },
    get stock() {
      return sides().stock;
    },
  };
}

/** The whole period as the result document's PeriodResult, keys in the reference's order. */
export function materialise(cp: ColumnarPeriod): PeriodResult {
  const { listed, columnar, state, ir } = cp;
  const ranks: PeriodResult["ranks"] = idRecord();
  const active: PeriodResult["active"] = idRecord();
  const volumes: PeriodResult["volumes"] = idRecord();
  const statements: PeriodResult["statements"] = idRecord();
  for (const p of listed) {
    const id = columnar.partnerIds[p]!;
    const r = state.rank[p]!;
    ranks[id] = r < 0 ? null : ir.ranks[r]!.name;
    active[id] = state.eligible[p] === 1;
    volumes[id] = volumesOf(cp, p);
  }
  const ledger: LedgerEntry[] = new Array(cp.ledger.length);
  for (let i = 0; i < cp.ledger.length; i++) ledger[i] = ledgerEntryOf(cp, i);
  for (const p of listed) statements[columnar.partnerIds[p]!] = statementOf(cp, p);
  const side = sideListsOf(cp);
  return {
    period: cp.period,
    asOf: cp.asOf,
    final: cp.final,
    ranks,
    active,
    volumes,
    ledger,
    statements,
    breakage: breakageOf(cp),
    unrecovered: cp.afterRun.unrecovered,
    flags: side.flags,
    deferred: side.deferred,
    stock: side.stock,
  };
}
