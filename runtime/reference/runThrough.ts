/**
 * `comp run --through`: every period from the first one in which an order is dated (every
 * order counts in its own month or later) through `through`, each as a final run at its
 * earliest allowed as-of date (semantics §2), each fed the earlier results as history.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { isValidPeriod, periodsFromTo } from "../../core/dates.ts";
import { firstPeriod } from "../../core/orderPeriods.ts";
import type { PeriodResult } from "../../core/result.ts";
import { earliestFinalAsOf, runPeriod } from "./runPeriod.ts";
import { internalError, runError } from "../../core/runError.ts";
import type { RunOptions, RunOutcome, RunStep } from "../../core/run.ts";
import { checkRunSpan } from "../runSpan.ts";

export type { RunError, RunOptions, RunOutcome } from "../../core/run.ts";

export function runThrough(ir: PlanIR, data: Dataset, options: RunOptions): RunOutcome {
  try {
    return runAll(ir, data, options);
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

function runAll(ir: PlanIR, data: Dataset, options: RunOptions): RunOutcome {
  const { through } = options;
  if (!isValidPeriod(through)) {
    return { ok: false, error: runError("invalid-period", `"${through}" is not a period (YYYY-MM)`) };
  }
  const first = firstPeriod(data);
  if (first === null) {
    return { ok: false, error: runError("no-orders", "the data has no orders, so there is no period to run") };
  }
  if (through < first) {
    return {
      ok: false,
      error: runError("through-before-first-period", `nothing to run through ${through}: the first order is dated in ${first}`, [
        `run through ${first} or later`,
      ]),
    };
  }
  const span = checkRunSpan(data, first, through);
  if (span !== null) return { ok: false, error: span };
  const policy = options.policy ?? ir.cancellation.policy;
  const periods: PeriodResult[] = [];
  if (options.preliminary && options.asOf === undefined) {
    return { ok: false, error: runError("preliminary-needs-as-of", "a preliminary run needs the date it is made as of") };
  }
  const all = periodsFromTo(first, through);
  for (const [index, period] of all.entries()) {
    options.onPeriod?.(period, index, all.length);
    const last = period === through;
    const outcome = runPeriod({
      ir,
      data,
      history: periods,
      period,
      asOf: last && options.asOf !== undefined ? options.asOf : earliestFinalAsOf(ir, data, period).asOf,
      final: !(last && options.preliminary),
      policy,
      ...(options.splitMode ? { splitMode: options.splitMode } : {}),
      ...(options.ignoreAfterRunCancellations ? { ignoreAfterRunCancellations: true } : {}),
      ...(options.onStep ? { onStep: stepsOf(options.onStep, period) } : {}),
    });
    if (!outcome.ok) {
      const error = outcome.error;
      return { ok: false, error: { ...error, message: `${period}: ${error.message}` } };
    }
    periods.push(outcome.period);
  }
  return { ok: true, result: { plan: ir.name, policy, periods } };
}

function stepsOf(onStep: NonNullable<RunOptions["onStep"]>, period: string): (step: RunStep) => void {
  return (step) => onStep(period, step);
}
