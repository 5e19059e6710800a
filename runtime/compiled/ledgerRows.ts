/**
 * ledger.csv rows straight from a compiled period's columns, without a LedgerEntry object per
 * row: at 100k partners the ledger has 810k rows, and building each entry (ledgerEntryOf in
 * view.ts) before formatting it was most of ledger.csv's cost.
 *
 * The bytes must be those of runtime/output/ledgerCsv.ts formatting ledgerEntryOf(cp, i):
 * ordinary walk rows are formatted here from the same columns and the same text functions;
 * pool rows and the extra rows of after-run cancellations and transfers (few) take the object
 * path through `fallback`. test/output/ledgerRows.test.ts holds both paths equal, row by row.
 *
 * Texts repeated across rows are made once: a partner's or an order's CSV field (an order has
 * a row per portion, bonus and level), a bonus's name and kind, a portion's base. The row is
 * written piece by piece into the writer's bytes (CsvBytes), numbers digit by digit: no row text
 * is built (flattening 8.86M row ropes into bytes was half of ledger.csv's CPU at 1M partners).
 */
import { textField } from "../output/csv.ts";
import { extraRowOf } from "./cancellations/extras.ts";
import type { CsvBytes } from "../../core/resultView.ts";
import type { ColumnarPeriod } from "./period.ts";
import { rateText } from "./planTables.ts";
import { fixedText, pow10, significantDecimals } from "./scaled.ts";

/** Writes ledger row i as its ledger.csv line without the line end; `fallback` formats the rows it does not. */
export type LedgerRowWriter = (i: number) => void;

/**
 * fixedText(n, scale, places) written into `out` digit by digit, for a safe integer and at least
 * `scale` places (ledger amounts: 32-bit, places = scale); anything else goes through fixedText
 * itself, whose rounding (more decimals than places) this does not repeat.
 */
export function writeFixed(out: CsvBytes, n: number, scale: number, places: number): void {
  if (!Number.isSafeInteger(n) || places < scale) {
    out.text(fixedText(n, scale, places));
    return;
  }
  const m = n < 0 ? -n : n;
  if (n < 0) out.ascii(45); // "-"
  const unit = pow10(scale);
  const fraction = m % unit;
  out.uint((m - fraction) / unit);
  if (places === 0) return;
  out.ascii(46); // "."
  if (scale > 0) out.uint(fraction, scale);
  // fixedText appends zeros up to `places`
  for (let k = scale; k < places; k++) out.ascii(48);
}

export function ledgerRowWriter(cp: ColumnarPeriod, out: CsvBytes, fallback: (i: number) => string): LedgerRowWriter {
  const { ledger, ir, columnar, tables, portions, afterRun } = cp;
  const orders = columnar.data.orders;
  const moneyScale = tables.moneyScale;
  // The period column is written as is (ledgerCsv.ts); the id column, `period#n`, is a text
  // field: it is written as is only when textField would leave it so (else the object path).
  const idPrefix = `${cp.period}#`;
  const plainId = textField(idPrefix) === idPrefix;
  const lead = cp.period + ",";
  const partnerFields = new Array<string | undefined>(columnar.partnerCount);
  const orderFields = new Map<number, string>();
  // Per bonus: ",name,kind," — the bonus and kind columns with the commas around them.
  const bonusFields = ir.bonuses.map((bonus) => "," + textField(bonus.name) + "," + bonus.kind + ",");
  const levelColumn = ir.bonuses.map((bonus) => bonus.kind !== "generation");
  // The last base made: consecutive rows are mostly the same portion and measure.
  let basePortion = -1;
  let baseMeasure = -1;
  let baseText = "";

  const partnerField = (p: number): string => {
    let text = partnerFields[p];
    if (text === undefined) partnerFields[p] = text = textField(columnar.partnerIds[p]!);
    return text;
  };
  const orderField = (o: number): string => {
    // Rows of one order come together, so a small map is enough; cleared to bound memory.
    let text = orderFields.get(o);
    if (text === undefined) {
      if (orderFields.size >= 4096) orderFields.clear();
      text = textField(orders[o]!.id);
      orderFields.set(o, text);
    }
    return text;
  };

  return (i) => {
    const pi = ledger.portion[i]!;
    if (pi < 0 || !plainId || extraRowOf(cp, i) !== undefined) {
      out.text(fallback(i));
      return;
    }
    const b = ledger.bonus[i]!;
    const bonus = ir.bonuses[b]!;
    const measure = bonus.measure;
    if (pi !== basePortion || measure !== baseMeasure) {
      const scale = tables.volumeScale[measure]!;
      const x = portions.x[measure]![pi]!;
      baseText = fixedText(x, scale, Math.max(moneyScale, significantDecimals(x, scale)));
      basePortion = pi;
      baseMeasure = measure;
    }
    out.text(lead);
    out.text(idPrefix);
    out.uint(i + 1);
    out.ascii(44);
    out.text(partnerField(ledger.recipient[i]!));
    out.text(bonusFields[b]!);
    out.text(orderField(portions.order[pi]!));
    out.text(portions.kind[pi] === 0 ? ",recruiter," : ",supporter,");
    out.uint(ledger.step[i]!);
    out.ascii(44);
    // level or generation: the entry's number in one of the two columns, or neither
    const number = ledger.number[i]!;
    if (number > 0 && !levelColumn[b]) out.ascii(44);
    if (number > 0) out.uint(number);
    out.ascii(44);
    if (number <= 0 || levelColumn[b]) out.ascii(44);
    out.text(baseText);
    out.ascii(44);
    out.text(rateText(tables, b, ledger.rate[i]!));
    out.ascii(44);
    writeFixed(out, ledger.amount[i]!, moneyScale, moneyScale);
    out.ascii(44);
    if (pi >= afterRun.firstClawback) {
      out.text(textField(afterRun.cancellations[afterRun.clawbackSequence[pi - afterRun.firstClawback]!]!.cancellation.id));
    }
    out.text(",,,");
  };
}
