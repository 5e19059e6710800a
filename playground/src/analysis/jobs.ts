/**
 * The worker side of the analysis views. The diff reuses the last run as plan A (no second run of
 * A) and runs plan B through the engine with the same data, through and policy, so only the
 * plan differs. The disclosure reads the last run.
 */
import { checkDataAgainstPlan, compilePlan, type Dataset, defaultEngine, diffSummaries, disclosureOf, moneyDecimals, type PlanIR, type ResultDocument, summariseRun, viewOfDocument } from "../../../runtime/surface.ts";
import type { AnalysisReplyOf, AnalysisRequest } from "./protocol.ts";

export interface FinishedRun {
  ir: PlanIR;
  data: Dataset;
  result: ResultDocument;
}

export function answerAnalysis<R extends AnalysisRequest>(request: R, run: FinishedRun, progress: (stage: string) => void): AnalysisReplyOf[R["type"]] {
  return (request.type === "diffPlans" ? diff(request.planText, request.label, run, progress) : disclosure(run)) as AnalysisReplyOf[R["type"]];
}

function diff(planText: string, label: string, run: FinishedRun, progress: (stage: string) => void): AnalysisReplyOf["diffPlans"] {
  const compiled = compilePlan(planText);
  if (compiled.ir === null) {
    const errors = compiled.diagnostics.filter((d) => d.severity === "error");
    return { ok: false, message: `${label} has ${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors[0]?.message ?? ""}` };
  }
  const b = compiled.ir;
  const problems = checkDataAgainstPlan(b, run.data);
  if (problems.length > 0) return { ok: false, message: `the data does not suit ${label}: ${problems[0]!.path}: ${problems[0]!.message}` };
  const through = run.result.periods[run.result.periods.length - 1]?.period;
  if (through === undefined) return { ok: false, message: "the last run has no periods" };
  progress(`running ${label} through ${through}…`);
  const outcome = defaultEngine.runThroughView(b, run.data, { through, policy: run.result.policy });
  if (!outcome.ok) return { ok: false, message: `the run of ${label} was refused: ${outcome.error.message}` };
  progress("comparing…");
  const a = summariseRun(run.ir, viewOfDocument(run.result));
  const decimals = Math.max(moneyDecimals(run.ir), moneyDecimals(b));
  const currency = run.ir.currency === b.currency ? run.ir.currency : `${run.ir.currency}/${b.currency}`;
  return { ok: true, label, currency, diff: diffSummaries(a, summariseRun(b, outcome.view), decimals, 10) };
}

function disclosure(run: FinishedRun): AnalysisReplyOf["disclose"] {
  const terminated = new Set(run.data.partners.filter((p) => p.status === "terminated").map((p) => p.id));
  return { ok: true, disclosure: disclosureOf(run.ir, summariseRun(run.ir, viewOfDocument(run.result)), terminated) };
}
