/**
 * statements.csv and ranks.csv rows straight from a compiled period's columns: the partner's
 * part of each row (everything after `period,final,`) without the Statement and volume objects
 * that statement(i) and volumes(i) make, one set per partner and period, written piece by piece
 * into the writer's bytes (CsvBytes) like ledger.csv's rows (ledgerRows.ts): no row text is built.
 * The texts are those of view.ts (statementOf, volumesOf) and the fields those of
 * runtime/output/statementsCsv.ts and ranksCsv.ts; test/output/columnRows.test.ts holds the bytes
 * equal to the object path.
 */
import type { CsvBytes } from "../../core/resultView.ts";
import { textField } from "../output/csv.ts";
import { writeFixed } from "./ledgerRows.ts";
import type { ColumnarPeriod } from "./period.ts";
import { canonicalText } from "./scaled.ts";

const COMMA = 44;

/** Writes listed partner i's statements.csv fields from `partner` on: partner, earned, carriedIn, payout, carriedOut. */
export function statementRowWriter(cp: ColumnarPeriod, out: CsvBytes): (i: number) => void {
  const { listed, columnar, ledger, carriedIn, payout, carriedOut } = cp;
  const scale = cp.tables.moneyScale;
  return (i) => {
    const p = listed[i]!;
    out.text(textField(columnar.partnerIds[p]!));
    out.ascii(COMMA);
    writeFixed(out, ledger.earned[p]!, scale, scale);
    out.ascii(COMMA);
    writeFixed(out, carriedIn[p]!, scale, scale);
    out.ascii(COMMA);
    writeFixed(out, payout[p]!, scale, scale);
    out.ascii(COMMA);
    writeFixed(out, carriedOut[p]!, scale, scale);
  };
}

/**
 * Writes listed partner i's ranks.csv fields from `partner` on, for the measures `measures` (the
 * writer's columns); null when they are not the plan's measures in plan order (then the
 * writer's own path reads volumes(i)).
 */
export function rankRowWriter(cp: ColumnarPeriod, out: CsvBytes, measures: readonly string[]): ((i: number) => void) | null {
  const { listed, columnar, state, ir, tables } = cp;
  if (measures.length !== ir.measures.length || ir.measures.some((m, k) => m.name !== measures[k])) return null;
  const rankFields = ir.ranks.map((r) => "," + textField(r.name) + ",");
  const scales = ir.measures.map((_, k) => tables.volumeScale[k]!);
  return (i) => {
    const p = listed[i]!;
    const r = state.rank[p]!;
    out.text(textField(columnar.partnerIds[p]!));
    out.text(r < 0 ? ",," : rankFields[r]!);
    out.text(state.eligible[p] === 1 ? "true" : "false");
    for (let k = 0; k < scales.length; k++) {
      const s = scales[k]!;
      out.ascii(COMMA);
      out.text(canonicalText(state.personal[k]![p]!, s));
      out.ascii(COMMA);
      out.text(canonicalText(state.group[k]![p]!, s));
      out.ascii(COMMA);
      out.text(canonicalText(state.open[k]![p]!, s));
    }
  };
}
