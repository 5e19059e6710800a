/**
 * The hooks the compiled period (runtime/compiled/period.ts) calls for after-run cancellations
 * and commission transfers, in the reference's pipeline order (runtime/reference/runPeriod.ts):
 *
 * 1. before the portions: find the period's after-run cancellations (and the history runs that
 *    `previous-rank` and `exact` read);
 * 2. `portions`: add the clawback portions (`simple`: they join volumes, ranks and activity;
 *    `previous-rank`: walked only) and lower the pool bases by c (`simple`, `previous-rank`);
 * 3. `finish`, after the period's walks and pools: the clawback walks or exact reversals, the
 *    commission transfers, the unrecovered clawbacks.
 */
import type { SplitAgreement } from "../../../core/dataModel.ts";
import type { Standing } from "../../reference/bonuses/context.ts";
import type { PreparedPlan } from "../../reference/plan.ts";
import type { ColumnarData } from "../columnar.ts";
import type { BonusKernel } from "../interpretBonuses.ts";
import type { LedgerColumns } from "../ledgerColumns.ts";
import type { CompiledPeriodInput } from "../period.ts";
import { takesOf } from "../period.ts";
import type { PlanTables } from "../planTables.ts";
import type { PortionColumns } from "../portions.ts";
import type { QualifyState } from "../qualify.ts";
import type { ColumnarRelease } from "../release.ts";
import type { WalkContext } from "../walkContext.ts";
import { clawbackPortions, concatPortions, findAfterRun, sequencesOf, type AfterRunFound } from "./afterRun.ts";
import { walkClawbacks, writeExactReversals } from "./clawbacks.ts";
import type { AfterRunColumns, ExtraRow } from "./extras.ts";
import { withTransfers } from "./transfers.ts";
import { unrecoveredOf } from "./unrecovered.ts";

export interface AfterRunPlan {
  /** The portions to walk (the period's, then the clawback portions) and those volumes and ranks count; lowers `totals` by c where the policy says so. */
  portions(own: PortionColumns, totals: Float64Array): { portions: PortionColumns; qualifying: PortionColumns } | string;
  /** After the period's walks and pools: everything else the ledger gets. */
  finish(at: { ctx: WalkContext; walk: BonusKernel; state: QualifyState; prepared: PreparedPlan; lastDay: number }): { ledger: LedgerColumns; afterRun: AfterRunColumns } | string;
}

export function afterRunPart(
  input: CompiledPeriodInput,
  c: ColumnarData,
  tables: PlanTables,
  release: ColumnarRelease,
  inForce: Map<string, SplitAgreement>,
): AfterRunPlan | string {
  const { ir, policy } = input;
  let found: AfterRunFound | null = null;
  let afterRunCount = 0;
  if (c.data.cancellations.length > 0) {
    // Found (and refused on a missing figure) even when the run leaves them out, as the reference does.
    const ignoring = input.ignoreAfterRunCancellations;
    const f = findAfterRun({
      ir, c, tables, release, takes: takesOf(c), period: input.period, asOf: input.asOf, policy: ignoring ? "simple" : policy,
      historyAsOf: input.historyAsOf, historyRun: input.historyRun,
    });
    if (typeof f === "string") return f;
    afterRunCount = f.cancellations.length;
    if (!ignoring && f.cancellations.length > 0) found = f;
  }
  const volumeSplits = input.splitMode === "volume" ? inForce : new Map<string, SplitAgreement>();
  let firstClawback = -1;
  let sequences: Int32Array = new Int32Array(0);
  return {
    portions(own, totals) {
      firstClawback = own.count;
      if (found === null) return { portions: own, qualifying: own };
      if (policy !== "exact") {
        for (let k = 0; k < totals.length; k++) {
          const column = found.cancelled[k]!;
          for (let s = 0; s < column.length; s++) totals[k] = totals[k]! - column[s]!;
        }
      }
      if (policy === "exact") return { portions: own, qualifying: own };
      const claw = clawbackPortions(ir, c, tables, found, volumeSplits);
      if (typeof claw === "string") return claw;
      sequences = sequencesOf(claw, found);
      const all = concatPortions(own, claw);
      if (typeof all === "string") return all;
      return { portions: all, qualifying: policy === "simple" ? all : own };
    },
    finish({ ctx, walk, state, prepared, lastDay }) {
      let standings = new Map<number, Standing>();
      let rows: ExtraRow[] = [];
      let rowOf: Int32Array | null = null;
      if (found !== null && policy !== "exact") {
        const walked = walkClawbacks(ir, c, ctx, walk, firstClawback, sequences, found, policy);
        if (typeof walked === "string") return walked;
        standings = walked;
      } else if (found !== null) {
        const before = ctx.ledger.length;
        const written = writeExactReversals(ir, prepared, c, tables, found, ctx);
        if (typeof written === "string") return written;
        rows = written;
        if (rows.length > 0) {
          rowOf = new Int32Array(ctx.ledger.length).fill(-1);
          for (let r = 0; r < rows.length; r++) rowOf[before + r] = r;
        }
      }
      let ledger = ctx.ledger;
      const sequenceOf = (i: number): number => {
        if (rowOf !== null && rowOf[i]! >= 0) return rows[rowOf[i]!]!.sequence;
        const pi = ledger.portion[i]!;
        return pi >= firstClawback ? sequences[pi - firstClawback]! : -1;
      };
      if (input.splitMode === "commission" && inForce.size > 0) {
        const moved = withTransfers({
          c, tables, portions: ctx.portions, ledger, rowOf, rows, inForce, sequenceOf,
          standingOf: (s) => standings.get(s) ?? state,
        });
        if (typeof moved === "string") return moved;
        if (moved !== null) ({ ledger, rowOf, rows } = moved);
      }
      const cancellations = found?.cancellations ?? [];
      return {
        ledger,
        afterRun: {
          afterRunCount,
          cancellations,
          firstClawback,
          clawbackSequence: sequences,
          rowOf,
          rows,
          unrecovered: unrecoveredOf(c, ledger, sequenceOf, cancellations, lastDay, tables.moneyScale),
        },
      };
    },
  };
}
