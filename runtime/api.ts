/**
 * The embedding entry: what the CLI, the playground worker and other programs call. One import
 * gives the whole pipeline — compile a plan, validate data, run, compare, KPIs. Browser-safe (no
 * Node imports anywhere below).
 *
 *   const { ir, diagnostics } = compilePlan(planText);          // ir null iff errors
 *   const v = validateData(JSON.parse(dataText));               // every problem, or the Dataset
 *   const problems = checkDataAgainstPlan(ir, v.data);          // figures the plan needs, ...
 *   const out = runThrough(ir, v.data, { through: "2026-11" }); // { ok, result | error }
 */
export { compilePlan, type CompileResult } from "../compiler/compile.ts";
export { formatDiagnostic } from "../compiler/formatDiagnostics.ts";
export { validateIr } from "../core/validateIr.ts";
export { printIr } from "../core/printIr.ts";
export type { PlanIR, Policy, BonusKind } from "../core/ir.ts";
export type { Diagnostic, Severity } from "../grammar/diagnostic.ts";
export { validateData, type DataValidation } from "./data/validate.ts";
export { checkDataAgainstPlan } from "./data/planChecks.ts";
export type { Dataset, DataProblem } from "../core/dataModel.ts";
export { runThrough, firstPeriod, type RunOptions, type RunOutcome, type RunError } from "./reference/runThrough.ts";
export { runPeriod, earliestFinalAsOf, type PeriodRunInput, type PeriodOutcome } from "./reference/runPeriod.ts";
export { validateResult } from "../core/validateResult.ts";
export type { ResultDocument, PeriodResult, LedgerEntry, Statement, Breakage, Deferred, Flag, StockMovement, Unrecovered } from "../core/result.ts";
export { comparePolicies, compareSplitModes, formatPolicyComparison, formatSplitComparison } from "./compare/index.ts";
export type { PolicyComparison, SplitComparison } from "./compare/types.ts";
export { computeKpis, formatKpiTable, type PlanKpis } from "./kpi/index.ts";
export { generateData, type GenerateOptions } from "../tools/samples/generate.ts";
export type { Engine, EngineName } from "../core/engine.ts";
export { referenceEngine } from "./reference/engine.ts";
export type { PeriodView, ResultView } from "../core/resultView.ts";
