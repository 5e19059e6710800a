/**
 * The engine seam: what every evaluator implements and what every caller (CLI, playground
 * worker, compare, KPIs, explain, benches) takes. Two engines share one model — the data
 * contract, ledger order and result formatting — and differ only in evaluation:
 *
 * - `reference`: the decimal.js evaluator, the oracle (runtime/reference/);
 * - `compiled`: plan-specialised typed-array passes (runtime/compiled/), the default once it
 *   exists.
 *
 * An engine may cache work per (ir, data) object pair (a compiled plan, columnar data), so
 * callers pass the same objects for repeated runs and never mutate them.
 */
import type { PlanIR } from "./ir.ts";
import type { Dataset } from "./dataModel.ts";
import type { PeriodOutcome, PeriodRunInput, RunError, RunOptions, RunOutcome } from "./run.ts";
import type { ResultView } from "./resultView.ts";

export type EngineName = "compiled" | "reference";

export interface Engine {
  readonly name: EngineName;
  /** Every period from the first order's through `options.through` (semantics §2). */
  runThrough(ir: PlanIR, data: Dataset, options: RunOptions): RunOutcome;
  /**
   * The same run as `runThrough`, as a view that writers read entry by entry (streamed JSON,
   * CSV, the store). The compiled engine answers from its columnar arrays without building the
   * whole result as objects, which is what lets a 1M-partner month be written at all.
   */
  runThroughView(ir: PlanIR, data: Dataset, options: RunOptions): ViewOutcome;
  /** One run of one period on an explicit history. */
  runPeriod(input: PeriodRunInput): PeriodOutcome;
  /**
   * Optional: the caller has finished with a view from `runThroughView` and will not read it
   * again, so the engine may reuse its memory for the next run (the compiled engine's typed
   * arrays: at 1M partners, not allocating them again saves full garbage collections). Reading a
   * released view throws.
   */
  release?(view: ResultView): void;
}

export type ViewOutcome = { ok: true; view: ResultView } | { ok: false; error: RunError };
