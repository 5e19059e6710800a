/**
 * ledger.csv: every ledger entry with its whole attribution (data.md "Result document"): the
 * order, portion, path step, level or generation, base, rate, and for clawbacks the cancellation
 * and the entry reversed — what accounting books and auditors trace. Ledger order, periods in run
 * order; an absent field is an empty cell.
 */
import type { LedgerEntry } from "../../core/result.ts";
import { CsvBuffer, header, numberField, textField } from "./csv.ts";
import type { PeriodView } from "../../core/resultView.ts";
import { pipeChunks, type TextSink } from "./sink.ts";

/** Every LedgerEntry field, in the result document's order, after the period. */
export const LEDGER_COLUMNS = [
  "period", "id", "recipient", "bonus", "kind", "order", "portion", "step", "level", "generation",
  "base", "rate", "amount", "cancellation", "reverses", "transferOf", "note",
] as const;

/** One row as text: a concatenation, not an array joined (millions of rows). */
function ledgerRow(period: string, e: LedgerEntry): string {
  return (
    period + "," + textField(e.id) + "," + textField(e.recipient) + "," + textField(e.bonus) + "," + e.kind + "," +
    textField(e.order) + "," + numberField(e.portion) + "," + numberField(e.step) + "," + numberField(e.level) + "," +
    numberField(e.generation) + "," + numberField(e.base) + "," + numberField(e.rate) + "," + e.amount + "," +
    textField(e.cancellation) + "," + textField(e.reverses) + "," + textField(e.transferOf) + "," + textField(e.note)
  );
}

export function* ledgerCsvChunks(periods: Iterable<PeriodView>): Generator<Uint8Array> {
  const csv = new CsvBuffer();
  csv.row(header(LEDGER_COLUMNS));
  for (const p of periods) {
    const fromEntry = (i: number): string => ledgerRow(p.period, p.ledgerEntry(i));
    // A compiled view writes its rows' bytes from its columns (no LedgerEntry, no row text).
    const write = p.ledgerCsvBytes?.(csv.out, fromEntry);
    for (let i = 0; i < p.ledgerLength; i++) {
      if (write === undefined) csv.line(fromEntry(i));
      else {
        write(i);
        csv.end();
      }
      if (csv.full) yield csv.take();
    }
  }
  yield csv.take();
}

export function writeLedgerCsv(periods: Iterable<PeriodView>, sink: TextSink): Promise<void> {
  return pipeChunks(ledgerCsvChunks(periods), sink);
}
