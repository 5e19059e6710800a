/**
 * The embedding entry: what the CLI, the playground worker and other programs call. One import
 * gives the whole pipeline — compile a plan, validate data, run, compare, KPIs. Browser-safe (no
 * Node imports anywhere below).
 *
 *   const { ir, diagnostics } = compilePlan(planText);          // ir null iff errors
 *   const v = validateData(JSON.parse(dataText));               // every problem, or the Dataset
 *   const problems = checkDataAgainstPlan(ir, v.data);          // figures the plan needs, ...
 *   const out = runThrough(ir, v.data, { through: "2026-11" }); // { ok, result | error }
 *
 * Every function checks its arguments: anything that is not what it takes (a number for the plan
 * text, an object that did not come from compilePlan or validateData, an unknown option or value)
 * throws InvalidArgumentError naming the function and the argument (runtime/api/guarded.ts).
 */
export { compilePlan } from "./api/guarded.ts";
export type { CompileResult } from "../compiler/compile.ts";
export { formatDiagnostic } from "./api/guarded.ts";
export { InvalidArgumentError } from "./api/argumentError.ts";
export { validateIr } from "../core/validateIr.ts";
export { printIr } from "./api/guarded.ts";
export type { PlanIR, Policy, BonusKind } from "../core/ir.ts";
export type { Diagnostic, Severity } from "../grammar/diagnostic.ts";
export { validateData, type DataValidation } from "./data/validate.ts";
export { checkDataAgainstPlan, dataWarningsAgainstPlan } from "./api/guarded.ts";
export type { Dataset, DataProblem } from "../core/dataModel.ts";
export { runThrough, firstPeriod } from "./api/guarded.ts";
export type { RunOptions, RunOutcome, RunError } from "./reference/runThrough.ts";
export { runPeriod, earliestFinalAsOf } from "./api/guarded.ts";
export type { PeriodRunInput, PeriodOutcome } from "./reference/runPeriod.ts";
export { validateResult } from "../core/validateResult.ts";
export type { ResultDocument, PeriodResult, LedgerEntry, Statement, Breakage, Deferred, Flag, StockMovement, Unrecovered } from "../core/result.ts";
export { comparePolicies, compareSplitModes, formatPolicyComparison, formatSplitComparison } from "./api/guarded.ts";
export type { PolicyComparison, SplitComparison } from "./compare/types.ts";
export { computeKpis, formatKpiTable } from "./api/guarded.ts";
export type { PlanKpis } from "./kpi/index.ts";
export { generateData } from "./api/guarded.ts";
export type { GenerateOptions } from "../tools/samples/generate.ts";
export type { Engine, EngineName } from "../core/engine.ts";
/** Which engine runs: `defaultEngine` (compiled), or name one — `compiledEngine.runThrough(...)`, `referenceEngine.runThrough(...)`. */
export { referenceEngine, compiledEngine, defaultEngine } from "./api/guarded.ts";
export type { PeriodView, ResultView } from "../core/resultView.ts";
