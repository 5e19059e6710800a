/**
 * A result readable piece by piece, so that writers (streamed JSON, CSV, the store) never need a
 * whole big result as objects or as one string. The reference engine's ResultDocument is viewed
 * through `viewOfDocument`; the compiled engine gives views over its columnar arrays and builds
 * a LedgerEntry object only when one is asked for.
 *
 * Order is part of the contract (docs/semantics-decisions.md): partners by the string order of
 * their ids (code-unit order, so "10" < "9" < "P1"), measures in plan order, ledger entries in
 * ledger order.
 */
import type { Policy } from "./ir.ts";
import type { Breakage, Deferred, Flag, LedgerEntry, PeriodResult, ResultDocument, Statement, StockMovement, Unrecovered, VolumeFigures } from "./result.ts";
import { compareIds } from "./stringOrder.ts";

export interface PeriodView {
  readonly period: string;
  readonly asOf: string;
  readonly final: boolean;
  /** Partners listed in the period (joined by its end), in string order of id. */
  readonly partnerCount: number;
  partnerId(i: number): string;
  rank(i: number): string | null;
  active(i: number): boolean;
  /** Measure name -> figures, in plan order. */
  volumes(i: number): Record<string, VolumeFigures>;
  statement(i: number): Statement;
  readonly ledgerLength: number;
  /** A fresh object each call; keys in the documented order. */
  ledgerEntry(i: number): LedgerEntry;
  /**
   * Optional, for readers that look for a few orders in a big ledger (the policy comparison):
   * entry i's order id (undefined for a pool part) without building the entry.
   */
  ledgerOrder?(i: number): string | undefined;
  /**
   * Optional, like ledgerOrder: entry i's order as its index in the data's `orders` (−1 for a
   * pool part), so a reader can test a row against a set of orders without an id string.
   */
  ledgerOrderIndex?(i: number): number;
  /**
   * Optional, ledgerOrderIndex for a whole stretch at once: the rows before `end` whose order
   * index is −1 or marked (1) in `marked` (indexed by order index), in ledger order. One tight
   * loop over the engine's columns instead of a call per row of a ledger of millions.
   */
  ledgerRowsOfOrders?(marked: Uint8Array, end: number): number[];
  /** Optional, like ledgerOrder: entry i's recipient without building the entry (entry counts per partner). */
  ledgerRecipient?(i: number): string;
  /**
   * Optional, for readers that sum the statements of a big result (the policy comparison):
   * statement i's `field` as an integer count of the money unit's decimals (the digits of the
   * statement's text without its dot: "-12.50" -> -1250), without building the statement.
   */
  statementMinor?(i: number, field: keyof Statement): number;
  /**
   * Optional, for ledger.csv (runtime/output/ledgerCsv.ts): a writer of entry i's CSV line
   * (without its line end) into `out`, straight from the engine's columns, byte-identical to
   * formatting ledgerEntry(i), which it leaves to `fallback` for the rows it does not format itself.
   */
  ledgerCsvBytes?(out: CsvBytes, fallback: (i: number) => string): (i: number) => void;
  /**
   * Optional, for statements.csv and ranks.csv (runtime/output/): a writer of partner i's fields
   * from the partner column on (without the line end) into `out`, straight from the engine's
   * columns, byte-identical to formatting statement(i), respectively rank(i), active(i) and
   * volumes(i) for `measures` (null when the view cannot give those columns). Like
   * ledgerCsvBytes, no row is built as a string.
   */
  statementsCsvBytes?(out: CsvBytes): (i: number) => void;
  ranksCsvBytes?(out: CsvBytes, measures: readonly string[]): ((i: number) => void) | null;
  readonly breakage: readonly Breakage[];
  readonly unrecovered: readonly Unrecovered[];
  readonly flags: readonly Flag[];
  readonly deferred: readonly Deferred[];
  readonly stock: readonly StockMovement[];
}

/**
 * Where a CSV writer puts a row's bytes (runtime/output/byteChunks.ts): pieces copied as UTF-8
 * as they come, so that no row is ever built as a string.
 */
export interface CsvBytes {
  /** `text` as UTF-8. */
  text(text: string): void;
  /** One ASCII character by its code (a comma: 44). */
  ascii(code: number): void;
  /** A non-negative safe integer in decimal, zero-padded to `width` digits; anything else as String(value). */
  uint(value: number, width?: number): void;
}

export interface ResultView {
  readonly plan: string;
  readonly policy: Policy;
  readonly periods: readonly PeriodView[];
}

export { compareIds };

export function viewOfPeriod(p: PeriodResult): PeriodView {
  const ids = Object.keys(p.ranks).sort(compareIds);
  return {
    period: p.period,
    asOf: p.asOf,
    final: p.final,
    partnerCount: ids.length,
    partnerId: (i) => ids[i]!,
    rank: (i) => p.ranks[ids[i]!] ?? null,
    active: (i) => p.active[ids[i]!] === true,
    volumes: (i) => p.volumes[ids[i]!]!,
    statement: (i) => p.statements[ids[i]!]!,
    ledgerLength: p.ledger.length,
    ledgerEntry: (i) => ({ ...p.ledger[i]! }),
    ledgerOrder: (i) => p.ledger[i]!.order,
    breakage: p.breakage,
    unrecovered: p.unrecovered,
    flags: p.flags,
    deferred: p.deferred,
    stock: p.stock,
  };
}

export function viewOfDocument(doc: ResultDocument): ResultView {
  return { plan: doc.plan, policy: doc.policy, periods: doc.periods.map(viewOfPeriod) };
}
