/**
 * statements.csv and ranks.csv rows straight from a compiled period's columns: the partner's
 * part of each row (everything after `period,final,`) without the Statement and volume objects
 * that statement(i) and volumes(i) make, one set per partner and period. The texts are those of
 * view.ts (statementOf, volumesOf) and the fields those of runtime/output/statementsCsv.ts and
 * ranksCsv.ts; test/output/partnerRows.test.ts holds the bytes equal to the object path.
 */
import { textField } from "../output/csv.ts";
import type { ColumnarPeriod } from "./period.ts";
import { canonicalText, fixedText } from "./scaled.ts";

/** Listed partner i's statements.csv fields from `partner` on: partner, earned, carriedIn, payout, carriedOut. */
export function statementRowWriter(cp: ColumnarPeriod): (i: number) => string {
  const { listed, columnar, ledger, carriedIn, payout, carriedOut } = cp;
  const scale = cp.tables.moneyScale;
  return (i) => {
    const p = listed[i]!;
    return (
      textField(columnar.partnerIds[p]!) + "," + fixedText(ledger.earned[p]!, scale, scale) + "," + fixedText(carriedIn[p]!, scale, scale) + "," +
      fixedText(payout[p]!, scale, scale) + "," + fixedText(carriedOut[p]!, scale, scale)
    );
  };
}

/**
 * Listed partner i's ranks.csv fields from `partner` on, for the measures `measures` (the
 * writer's columns); null when they are not the plan's measures in plan order (then the
 * writer's own path reads volumes(i)).
 */
export function rankRowWriter(cp: ColumnarPeriod, measures: readonly string[]): ((i: number) => string) | null {
  const { listed, columnar, state, ir, tables } = cp;
  if (measures.length !== ir.measures.length || ir.measures.some((m, k) => m.name !== measures[k])) return null;
  const rankFields = ir.ranks.map((r) => "," + textField(r.name) + ",");
  const scales = ir.measures.map((_, k) => tables.volumeScale[k]!);
  return (i) => {
    const p = listed[i]!;
    const r = state.rank[p]!;
    let row = textField(columnar.partnerIds[p]!) + (r < 0 ? ",," : rankFields[r]!) + (state.eligible[p] === 1 ? "true" : "false");
    for (let k = 0; k < scales.length; k++) {
      const s = scales[k]!;
      row += "," + canonicalText(state.personal[k]![p]!, s) + "," + canonicalText(state.group[k]![p]!, s) + "," + canonicalText(state.open[k]![p]!, s);
    }
    return row;
  };
}
