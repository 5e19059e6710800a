/**
 * What a run takes and gives, independent of the engine that computes it: the options of a run
 * through a period, one period's input on an explicit history, and the outcomes (a result or a
 * refusal with a readable error). Every engine implements core/engine.ts over these types.
 */
import type { Dataset } from "./dataModel.ts";
import type { Policy, PlanIR } from "./ir.ts";
import type { PeriodResult, ResultDocument } from "./result.ts";

/**
 * The error shape of a refused run. A run refuses instead of guessing: every message is written
 * for the person running the plan (a plan designer or an operator), and `details` lists the
 * specific orders, agreements or periods involved, one readable line each.
 */
export interface RunError {
  /** Stable, machine-readable code (kebab-case), e.g. "as-of-too-early". */
  code: string;
  message: string;
  details: string[];
}

export interface RunOptions {
  /** Last period "YYYY-MM" (inclusive). */
  through: string;
  /** Overrides ir.cancellation.policy. */
  policy?: Policy;
  /** Overrides ir.split.mode (a plan without a split block ignores agreements either way). */
  splitMode?: "volume" | "commission";
  /**
   * As-of date of the LAST period's run (the earlier periods always run final at their earliest
   * allowed dates). A final run before the earliest allowed date is refused, naming the blocking
   * orders: "can October be closed today?".
   */
  asOf?: string;
  /** Make the last period a preliminary run (labelled `final: false`) at `asOf`. */
  preliminary?: boolean;
  /** Leave after-run cancellations' clawbacks (and, under `simple`, their negative volume) out: the run "without" them, for comparisons. */
  ignoreAfterRunCancellations?: boolean;
  /** Told before each period starts (index from 0 of `count`): progress for long runs; never changes the result. */
  onPeriod?: (period: string, index: number, count: number) => void;
  /** Told as each step of a period starts (after its `onPeriod`): progress within a long period; never changes the result. */
  onStep?: (period: string, step: RunStep) => void;
}

/**
 * The steps of one period, in the order an engine reaches them: `volumes` (orders counted,
 * portions, volumes, ranks and activity), `bonuses` (bonuses, pools, clawbacks, transfers),
 * `statements` (ledger order, balances, payouts). A period taken whole from earlier work (the
 * compiled engine's shared leading periods) reports none; a period the compiled engine hands to
 * the reference may report a step twice.
 */
export const RUN_STEPS = ["volumes", "bonuses", "statements"] as const;
export type RunStep = (typeof RUN_STEPS)[number];

/** How progress lines name the steps (the CLI's and the playground's). */
export const RUN_STEP_WORDS: Readonly<Record<RunStep, string>> = { volumes: "volumes and ranks", bonuses: "bonuses", statements: "statements" };

export type RunOutcome = { ok: true; result: ResultDocument } | { ok: false; error: RunError };

export interface PeriodRunInput {
  ir: PlanIR;
  data: Dataset;
  /** Earlier FINAL periods, oldest first, consecutive, the last one the month before `period`. */
  history: PeriodResult[];
  period: string;
  asOf: string;
  final: boolean;
  /** Overrides ir.cancellation.policy. */
  policy?: Policy;
  /** Overrides ir.split.mode. */
  splitMode?: "volume" | "commission";
  /** Leave the clawbacks of after-run cancellations out (a run "without" them, for comparisons). */
  ignoreAfterRunCancellations?: boolean;
  /** Told as each step of the period starts (progress only; see RunOptions.onStep). */
  onStep?: (step: RunStep) => void;
}

export type PeriodOutcome = { ok: true; period: PeriodResult } | { ok: false; error: RunError };
