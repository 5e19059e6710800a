/**
 * After-run cancellations in the compiled runtime (semantics §7 "After the run"), step one: which
 * cancellations the period processes and what they cancel, and the clawback portions `simple` and
 * `previous-rank` run the bonus walks on.
 *
 * Which cancellation is after which run, and what it takes, does not depend on the number type:
 * it is the reference's own code (afterRunCancellationsOf, the shared takes); only the measured
 * values are turned into this runtime's scaled integers, and the clawback portions are built by
 * the same column builder as the period's own portions (volume −c on today's credit paths).
 */
import type { PlanIR, Policy } from "../../../core/ir.ts";
import type { SplitAgreement } from "../../../core/dataModel.ts";
import { fromDayNumber, toDayNumber } from "../../../core/dates.ts";
import { canonical } from "../../../core/decimal.ts";
import type { PeriodResult } from "../../../core/result.ts";
import { afterRunCancellationsOf, type AfterRunCancellation } from "../../reference/cancellations/afterRun.ts";
import { OriginalRun, type OriginalRunReader, type OriginalRuns } from "../../reference/cancellations/history.ts";
import type { ColumnarData } from "../columnar.ts";
import type { ColumnarPeriod } from "../period.ts";
import type { PlanTables } from "../planTables.ts";
import { buildPortions, type PortionColumns } from "../portions.ts";
import { earliestAsOfDay, monthOfPeriod, type ColumnarRelease } from "../release.ts";
import { scaledInt } from "../scaled.ts";
import type { TakesByOrder } from "../../reference/cancellations/takes.ts";
import { ColumnarOriginalRun } from "./originalRun.ts";

/** The after-run cancellations of one period, scaled, with what the policy needs of the history. */
export interface AfterRunFound {
  cancellations: AfterRunCancellation[];
  /** Per measure, per cancellation (by sequence): c at the measure's figure scale. */
  cancelled: Float64Array[];
  /** Per cancellation: the day of its date (the rule date of its clawback portions). */
  day: Int32Array;
  /** `previous-rank` and `exact`: the commissioning runs, by period. Empty under `simple`. */
  runs: OriginalRuns;
}

export function periodOfMonth(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}`;
}

export interface AfterRunQuery {
  ir: PlanIR;
  c: ColumnarData;
  tables: PlanTables;
  release: ColumnarRelease;
  takes: TakesByOrder;
  period: string;
  asOf: string;
  policy: Policy;
  historyAsOf(period: string): string | undefined;
  historyRun(period: string): ColumnarPeriod | PeriodResult | undefined;
}

/** The period's after-run cancellations, or the reason the period must run in the reference. */
export function findAfterRun(q: AfterRunQuery): AfterRunFound | string {
  const { ir, c, tables, release } = q;
  const found = afterRunCancellationsOf(ir, c.data, c.orderIndex, q.takes, {
    period: q.period,
    asOf: q.asOf,
    commissionedIn: (o) => (release.countsIn[o]! < 0 ? null : periodOfMonth(release.countsIn[o]!)),
    historyAsOf: q.historyAsOf,
    earliestAsOf: (p) => fromDayNumber(earliestAsOfDay(release, monthOfPeriod(p))),
  });
  if (!found.ok) return "an after-run cancellation lacks a figure (refused)";
  const list = found.value;
  const cancelled = Array.from({ length: tables.measureCount }, () => new Float64Array(list.length));
  const day = new Int32Array(list.length);
  for (const [i, a] of list.entries()) {
    day[i] = toDayNumber(a.cancellation.date);
    for (let k = 0; k < tables.measureCount; k++) {
      const v = scaledInt(canonical(a.cancelled[k]!), tables.figures[k]!.scale);
      if (Number.isNaN(v)) return "a cancelled value needs more decimals than the order figures";
      cancelled[k]![i] = v;
    }
  }
  const runs: OriginalRuns = new Map();
  if (q.policy !== "simple") {
    const wanted = new Map<string, Set<number>>();
    for (const a of list) {
      let set = wanted.get(a.commissionedIn);
      if (set === undefined) wanted.set(a.commissionedIn, (set = new Set()));
      set.add(a.orderIndex);
    }
    for (const [period, orders] of wanted) {
      const run = q.historyRun(period);
      if (run === undefined) return "the commissioning run is not in the history (the reference words the refusal)";
      runs.set(period, readerOf(run, orders));
    }
  }
  return { cancellations: list, cancelled, day, runs };
}

function readerOf(run: ColumnarPeriod | PeriodResult, orders: Set<number>): OriginalRunReader {
  return "columnar" in run ? new ColumnarOriginalRun(run, orders) : new OriginalRun(run);
}

/**
 * The clawback portions (`simple`, `previous-rank`): per cancellation in processing order, the
 * portions of volume −c, split by today's agreement. A reason when a volume leaves the safe range.
 */
export function clawbackPortions(ir: PlanIR, c: ColumnarData, tables: PlanTables, found: AfterRunFound, volumeSplits: Map<string, SplitAgreement>): PortionColumns | string {
  const orders = Int32Array.from(found.cancellations, (a) => a.orderIndex);
  const values = found.cancelled.map((column) => column.map((v) => -v));
  return buildPortions(ir, c, tables, orders, values, volumeSplits);
}

/** Which cancellation (by sequence) each clawback portion belongs to: one or two portions each, in order. */
export function sequencesOf(claw: PortionColumns, found: AfterRunFound): Int32Array {
  const sequence = new Int32Array(claw.count);
  let s = -1;
  for (let i = 0; i < claw.count; i++) {
    if (claw.kind[i] === 0) s++;
    sequence[i] = s;
  }
  if (s !== found.cancellations.length - 1) throw new Error("clawback portions out of step with their cancellations");
  return sequence;
}

/** The period's portions followed by the clawback portions, as one set of columns. */
export function concatPortions(a: PortionColumns, b: PortionColumns): PortionColumns | string {
  const count = a.count + b.count;
  const join = <T extends Int32Array | Uint8Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(count);
    out.set(x.subarray(0, a.count));
    out.set(y.subarray(0, b.count), a.count);
    return out;
  };
  const x = a.x.map((column, k) => {
    const out = new Float64Array(count);
    out.set(column.subarray(0, a.count));
    out.set(b.x[k]!.subarray(0, b.count), a.count);
    return out;
  });
  // Each set keeps the sum of its magnitudes within a quarter of the safe range (buildPortions):
  // together within half of it, so every partial sum stays exact.
  return {
    count,
    order: join(a.order, b.order, (n) => new Int32Array(n)),
    kind: join(a.kind, b.kind, (n) => new Uint8Array(n)),
    p0: join(a.p0, b.p0, (n) => new Int32Array(n)),
    p1: join(a.p1, b.p1, (n) => new Int32Array(n)),
    diverted: join(a.diverted, b.diverted, (n) => new Int32Array(n)),
    x,
  };
}
