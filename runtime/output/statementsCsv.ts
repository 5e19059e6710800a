/**
 * statements.csv: one row per partner and period — what payroll pays. Partners in string order
 * of id within each period, periods in run order.
 */
import { CsvBuffer, header, textField } from "./csv.ts";
import type { PeriodView } from "../../core/resultView.ts";
import { pipeChunks, type TextSink } from "./sink.ts";

export const STATEMENT_COLUMNS = ["period", "final", "partner", "earned", "carriedIn", "payout", "carriedOut"] as const;

export function* statementsCsvChunks(periods: Iterable<PeriodView>): Generator<Uint8Array> {
  const csv = new CsvBuffer();
  csv.row(header(STATEMENT_COLUMNS));
  for (const p of periods) {
    // A compiled view writes the partner's fields from its columns into the bytes (no Statement
    // object, no row text); otherwise each field of statement(i) is written as it comes.
    const write = p.statementsCsvBytes?.(csv.out);
    for (let i = 0; i < p.partnerCount; i++) {
      csv.periodLead(p.period, p.final);
      if (write !== undefined) {
        write(i);
        csv.end();
      } else {
        const s = p.statement(i);
        csv.row([textField(p.partnerId(i)), s.earned, s.carriedIn, s.payout, s.carriedOut]);
      }
      if (csv.full) yield csv.take();
    }
  }
  yield csv.take();
}

export function writeStatementsCsv(periods: Iterable<PeriodView>, sink: TextSink): Promise<void> {
  return pipeChunks(statementsCsvChunks(periods), sink);
}
