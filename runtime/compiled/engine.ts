/**
 * The compiled engine behind the engine seam (runtime/engine.ts). Each period runs in the
 * compiled passes when they cover it, otherwise in the reference evaluator (the reason is
 * recorded: `lastDelegations()`), so the answers are always the reference's. Periods stay in
 * columns until an output asks for them; a period run by the reference gets the earlier periods
 * materialised as its history.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { fromDayNumber, isValidDate, isValidPeriod, periodsFromTo, previousPeriod } from "../../core/dates.ts";
import type { Engine } from "../../core/engine.ts";
import { viewOfPeriod, type PeriodView, type ResultView } from "../../core/resultView.ts";
import { internalError } from "../../core/runError.ts";
import { runPeriod as referenceRunPeriod, type PeriodOutcome, type PeriodRunInput } from "../reference/runPeriod.ts";
import { runThrough as referenceRunThrough, type RunOptions, type RunOutcome, type RunError } from "../reference/runThrough.ts";
import type { PeriodResult } from "../../core/result.ts";
import type { RunStep } from "../../core/run.ts";
import { checkRunSpan } from "../runSpan.ts";
import { columnarOf, type ColumnarData } from "./columnar.ts";
import { computeCompiledPeriod, type ColumnarPeriod } from "./period.ts";
import { holdPeriod, releasePeriod, releaseUnshared } from "./periodRelease.ts";
import { earliestAsOfDay, firstPeriodOf, monthOfPeriod, releaseOf } from "./release.ts";
import { scaledInt } from "./scaled.ts";
import { rememberPeriod, sharedPeriod } from "./sharedPrefix.ts";
import { materialise, viewOfColumnar } from "./view.ts";

export interface Delegation {
  period: string;
  reason: string;
}

let delegations: Delegation[] = [];
/** The period behind each view handed out, until the view is released. */
const heldBy = new WeakMap<PeriodView, ColumnarPeriod>();
let forceInterpreter = false;

/** The periods of the last run that ran in the reference evaluator, with the reasons. */
export function lastDelegations(): readonly Delegation[] {
  return delegations;
}

/** Tests: run the interpreter instead of generated code (what a strict CSP gets). */
export function setForceInterpreter(value: boolean): void {
  forceInterpreter = value;
}

/** One period of a run: in columns (materialised on demand) or a reference result. */
class RunPeriod {
  private result: PeriodResult | null;
  constructor(readonly columns: ColumnarPeriod | null, result: PeriodResult | null) {
    this.result = result;
  }
  get period(): string {
    return this.columns?.period ?? this.result!.period;
  }
  get asOf(): string {
    return this.columns?.asOf ?? this.result!.asOf;
  }
  document(): PeriodResult {
    this.result ??= materialise(this.columns!);
    return this.result;
  }
  view(): PeriodView {
    if (this.columns === null) return viewOfPeriod(this.result!);
    const view = viewOfColumnar(this.columns);
    holdPeriod(this.columns);
    heldBy.set(view, this.columns);
    return view;
  }
}

function carriedFrom(previous: RunPeriod | PeriodResult | undefined, ir: PlanIR, data: Dataset): ((p: number) => number) | null {
  if (previous === undefined) return null;
  if (previous instanceof RunPeriod && previous.columns !== null) {
    const out = previous.columns.carriedOut;
    return (p) => out[p]!;
  }
  const doc = previous instanceof RunPeriod ? previous.document() : previous;
  const c = columnarOf(data);
  const scale = decimalsOf(ir.rounding.unit);
  return (p) => {
    const id = c.partnerIds[p]!;
    if (!Object.hasOwn(doc.statements, id)) return 0;
    return scaledInt(doc.statements[id]!.carriedOut, scale);
  };
}

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

type PeriodsOutcome = { ok: true; periods: RunPeriod[]; policy: RunOptions["policy"] & string } | { ok: false; error: RunError } | { ok: "reference" };

/** The columns of the data, or null when building them fails (unchecked data: the reference words it). */
function columnsOrNull(data: Dataset): ColumnarData | null {
  try {
    return columnarOf(data);
  } catch {
    return null;
  }
}

function runAll(ir: PlanIR, data: Dataset, options: RunOptions): PeriodsOutcome {
  const columns = columnsOrNull(data);
  if (columns === null || columns.inconsistent) return { ok: "reference" };
  // From the day numbers: the reference's firstPeriod reads every order's date text.
  const first = firstPeriodOf(columns);
  if (!isValidPeriod(options.through) || first === null || options.through < first) return { ok: "reference" };
  if (checkRunSpan(data, first, options.through) !== null) return { ok: "reference" };
  if (options.preliminary && options.asOf === undefined) return { ok: "reference" };
  const policy = options.policy ?? ir.cancellation.policy;
  const splitMode = options.splitMode ?? ir.split?.mode ?? "volume";
  const release = releaseOf(ir, columnarOf(data));
  const periods: RunPeriod[] = [];
  const all = periodsFromTo(first, options.through);
  // Leading periods without after-run cancellations are the same under every policy: shared.
  const prefixKey = { ir, data, splitMode, interpreted: forceInterpreter };
  let sharing = true;
  const onStep = options.onStep;
  for (const [index, period] of all.entries()) {
    options.onPeriod?.(period, index, all.length);
    const last = period === options.through;
    const asOf = last && options.asOf !== undefined ? options.asOf : fromDayNumber(earliestAsOfDay(release, monthOfPeriod(period)));
    const final = !(last && options.preliminary);
    const shared = sharing ? sharedPeriod(prefixKey, index, period, asOf, final) : null;
    if (shared !== null) {
      periods.push(new RunPeriod(shared, null));
      continue;
    }
    const outcome = computeCompiledPeriod(
      {
        ir, data, period, asOf, final, policy, splitMode,
        ignoreAfterRunCancellations: options.ignoreAfterRunCancellations === true,
        historyAsOf: (p) => periods.find((h) => h.period === p)?.asOf,
        historyRun: (p) => {
          const h = periods.find((run) => run.period === p);
          return h === undefined ? undefined : (h.columns ?? h.document());
        },
        carriedIn: carriedFrom(periods[periods.length - 1], ir, data),
        onStep: onStep === undefined ? undefined : (step) => onStep(period, step),
      },
      forceInterpreter,
    );
    if (outcome.ok) {
      periods.push(new RunPeriod(outcome.period, null));
      sharing = sharing && rememberPeriod(prefixKey, index, outcome.period);
      continue;
    }
    sharing = false;
    delegations.push({ period, reason: outcome.delegate });
    const reference = referenceRunPeriod({
      ir, data, history: periods.map((h) => h.document()), period, asOf, final, policy,
      ...(options.splitMode ? { splitMode: options.splitMode } : {}),
      ...(options.ignoreAfterRunCancellations ? { ignoreAfterRunCancellations: true } : {}),
      ...(onStep === undefined ? {} : { onStep: (step: RunStep) => onStep(period, step) }),
    });
    if (!reference.ok) return { ok: false, error: { ...reference.error, message: `${period}: ${reference.error.message}` } };
    periods.push(new RunPeriod(null, reference.period));
  }
  return { ok: true, periods, policy };
}

function runThrough(ir: PlanIR, data: Dataset, options: RunOptions): RunOutcome {
  delegations = [];
  try {
    const outcome = runAll(ir, data, options);
    if (outcome.ok === "reference") {
      delegations.push({ period: options.through, reason: "the run is refused or the data inconsistent (the reference words it)" });
      return referenceRunThrough(ir, data, options);
    }
    if (!outcome.ok) return outcome;
    const periods = outcome.periods.map((p) => p.document());
    // The documents hold no arrays: periods no later run takes go back to the array pool.
    for (const p of outcome.periods) if (p.columns !== null) releaseUnshared(p.columns);
    return { ok: true, result: { plan: ir.name, policy: outcome.policy, periods } };
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

function historyProblem(input: PeriodRunInput): boolean {
  if (!isValidPeriod(input.period) || !isValidDate(input.asOf)) return true;
  const h = input.history;
  for (let i = 0; i < h.length; i++) {
    if (!h[i]!.final || !isValidPeriod(h[i]!.period)) return true;
    if (i > 0 && previousPeriod(h[i]!.period) !== h[i - 1]!.period) return true;
  }
  const last = h[h.length - 1];
  return last !== undefined && last.period !== previousPeriod(input.period);
}

function runPeriod(input: PeriodRunInput): PeriodOutcome {
  delegations = [];
  try {
    if (!historyProblem(input)) {
      const outcome = computeCompiledPeriod(
        {
          ir: input.ir, data: input.data, period: input.period, asOf: input.asOf, final: input.final,
          policy: input.policy ?? input.ir.cancellation.policy,
          splitMode: input.splitMode ?? input.ir.split?.mode ?? "volume",
          ignoreAfterRunCancellations: input.ignoreAfterRunCancellations === true,
          historyAsOf: (p) => input.history.find((h) => h.period === p)?.asOf,
          historyRun: (p) => input.history.find((h) => h.period === p),
          carriedIn: carriedFrom(input.history[input.history.length - 1], input.ir, input.data),
          onStep: input.onStep,
        },
        forceInterpreter,
      );
      if (outcome.ok) {
        const period = materialise(outcome.period);
        releaseUnshared(outcome.period);
        return { ok: true, period };
      }
      delegations.push({ period: input.period, reason: outcome.delegate });
    } else {
      delegations.push({ period: input.period, reason: "invalid input (the reference words the refusal)" });
    }
    return referenceRunPeriod(input);
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

function runThroughView(ir: PlanIR, data: Dataset, options: RunOptions): { ok: true; view: ResultView } | { ok: false; error: RunError } {
  delegations = [];
  try {
    const outcome = runAll(ir, data, options);
    if (outcome.ok === "reference") {
      const doc = referenceRunThrough(ir, data, options);
      return doc.ok ? { ok: true, view: { plan: doc.result.plan, policy: doc.result.policy, periods: doc.result.periods.map(viewOfPeriod) } } : doc;
    }
    if (!outcome.ok) return outcome;
    return { ok: true, view: { plan: ir.name, policy: outcome.policy, periods: outcome.periods.map((p) => p.view()) } };
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

/** The caller will not read `view` again: its periods' arrays go back to the pool (periodRelease.ts); reading it afterwards throws. */
function release(view: ResultView): void {
  for (const p of view.periods) {
    const columns = heldBy.get(p);
    if (columns === undefined) continue;
    heldBy.delete(p);
    releasePeriod(columns);
  }
}

export const compiledEngine: Engine = { name: "compiled", runThrough, runThroughView, runPeriod, release };
