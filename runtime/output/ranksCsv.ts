/**
 * ranks.csv: per partner and period the rank (empty = none), activity and, per measure in plan
 * order, the personal, group and open volume (`PV personal`, `PV group`, `PV open`, ...).
 *
 * The measures come from the first listed partner's volumes: every partner has one entry per
 * declared measure (data.md), and a run lists at least the buyers of its orders.
 */
import { CsvBuffer, header, textField } from "./csv.ts";
import type { PeriodView } from "../../core/resultView.ts";
import { pipeChunks, type TextSink } from "./sink.ts";

const FIGURES = ["personal", "group", "open"] as const;

function measuresOf(periods: readonly PeriodView[]): string[] {
  for (const p of periods) if (p.partnerCount > 0) return Object.keys(p.volumes(0));
  return [];
}

export function* ranksCsvChunks(periods: readonly PeriodView[]): Generator<Uint8Array> {
  const measures = measuresOf(periods);
  const csv = new CsvBuffer();
  csv.row(header(["period", "final", "partner", "rank", "active", ...measures.flatMap((m) => FIGURES.map((f) => `${m} ${f}`))]));
  for (const p of periods) {
    // A compiled view writes the partner's fields from its columns into the bytes (no volume
    // objects, no row text); otherwise each field is written as it comes.
    const fromColumns = p.ranksCsvBytes?.(csv.out, measures) ?? null;
    for (let i = 0; i < p.partnerCount; i++) {
      csv.periodLead(p.period, p.final);
      if (fromColumns !== null) {
        fromColumns(i);
        csv.end();
        if (csv.full) yield csv.take();
        continue;
      }
      const volumes = p.volumes(i);
      const row = [textField(p.partnerId(i)), textField(p.rank(i)), String(p.active(i))];
      for (const m of measures) {
        const v = volumes[m];
        if (v === undefined) throw new Error(`partner ${p.partnerId(i)} has no ${m} volumes in ${p.period}`);
        row.push(v.personal, v.group, v.open);
      }
      csv.row(row);
      if (csv.full) yield csv.take();
    }
  }
  yield csv.take();
}

export function writeRanksCsv(periods: readonly PeriodView[], sink: TextSink): Promise<void> {
  return pipeChunks(ranksCsvChunks(periods), sink);
}
