/**
 * The embedding API's functions with their arguments checked (runtime/api.ts exports these).
 * Internal callers (CLI, playground, engines) call the modules directly and pay nothing; a
 * program embedding comp gets an InvalidArgumentError naming the function and the argument for
 * anything that is not what the function takes — never a raw TypeError from deep inside, and
 * never a silently wrong result (`policy: "bogus"` used to run with no clawbacks at all).
 */
import { compilePlan as compileUnchecked, type CompileResult } from "../../compiler/compile.ts";
import { formatDiagnostic as formatUnchecked } from "../../compiler/formatDiagnostics.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import { printIr as printUnchecked } from "../../core/printIr.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset, DataProblem } from "../../core/dataModel.ts";
import type { PeriodOutcome, PeriodRunInput, RunOptions, RunOutcome } from "../../core/run.ts";
import type { ResultDocument } from "../../core/result.ts";
import { checkDataAgainstPlan as planChecksUnchecked, dataWarningsAgainstPlan as planWarningsUnchecked } from "../data/planChecks.ts";
import { firstPeriod as firstPeriodUnchecked } from "../../core/orderPeriods.ts";
import { earliestFinalAsOf as earliestUnchecked } from "../reference/runPeriod.ts";
import { defaultEngine as defaultUnchecked } from "../defaultEngine.ts";
import { comparePolicies as comparePoliciesUnchecked, compareSplitModes as compareSplitModesUnchecked } from "../compare/index.ts";
import { formatPolicyComparison as formatPolicyUnchecked, formatSplitComparison as formatSplitUnchecked } from "../compare/index.ts";
import type { PolicyComparison, SplitComparison } from "../compare/types.ts";
import { computeKpis as computeKpisUnchecked, formatKpiTable as formatKpiUnchecked, type PlanKpis } from "../kpi/index.ts";
import type { Engine } from "../../core/engine.ts";
import { referenceEngine as referenceUnchecked } from "../reference/engine.ts";
import { compiledEngine as compiledUnchecked } from "../compiled/engine.ts";
import { tryGenerateData } from "../../tools/samples/generate.ts";
import type { GenerateOptions } from "../../tools/samples/options.ts";
import type { DataDocument } from "../../tools/samples/document.ts";
import { InvalidArgumentError, describeValue } from "./argumentError.ts";
import {
  checkBoolean, checkDataset, checkDate, checkIr, checkOneOf, checkOptions, checkPeriod, checkResult, checkString,
  failFor, isRecord, type Fail,
} from "./argumentChecks.ts";

const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];
const SPLIT_MODES = ["volume", "commission"] as const;

export function compilePlan(text: string): CompileResult {
  checkString(failFor("compilePlan"), "text", text);
  return compileUnchecked(text);
}

export function formatDiagnostic(d: Diagnostic, text: string, fileName: string): string {
  const fail = failFor("formatDiagnostic");
  if (!isRecord(d)) fail("d", `must be a diagnostic (from compilePlan), got ${describeValue(d)}`);
  checkString(fail, "d.code", d.code);
  checkOneOf(fail, "d.severity", d.severity, ["error", "warning"]);
  checkString(fail, "d.message", d.message);
  if (d.suggestion !== undefined) checkString(fail, "d.suggestion", d.suggestion);
  if (!isRecord(d.span)) fail("d.span", `must be a span {start, end, line, column}, got ${describeValue(d.span)}`);
  for (const key of ["start", "end", "line", "column"] as const) {
    const n: unknown = d.span[key];
    const least = key === "line" || key === "column" ? 1 : 0;
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < least) fail(`d.span.${key}`, `must be a whole number of at least ${least}, got ${describeValue(n)}`);
  }
  checkString(fail, "text", text);
  checkString(fail, "fileName", fileName);
  return formatUnchecked(d, text, fileName);
}

export function printIr(ir: PlanIR): string {
  return printUnchecked(checkIr(failFor("printIr"), "ir", ir));
}

export function checkDataAgainstPlan(ir: PlanIR, data: Dataset): DataProblem[] {
  const fail = failFor("checkDataAgainstPlan");
  return planChecksUnchecked(checkIr(fail, "ir", ir), checkDataset(fail, "data", data));
}

export function dataWarningsAgainstPlan(ir: PlanIR, data: Dataset): DataProblem[] {
  const fail = failFor("dataWarningsAgainstPlan");
  return planWarningsUnchecked(checkIr(fail, "ir", ir), checkDataset(fail, "data", data));
}

export function firstPeriod(data: Dataset): string | null {
  return firstPeriodUnchecked(checkDataset(failFor("firstPeriod"), "data", data));
}

const RUN_OPTIONS = ["through", "policy", "splitMode", "asOf", "preliminary", "ignoreAfterRunCancellations"];

function checkRunOptions(fail: Fail, argument: string, value: unknown): RunOptions {
  const o = checkOptions(fail, argument, value, RUN_OPTIONS, false);
  checkPeriod(fail, `${argument}.through`, o["through"]);
  checkCommonRunOptions(fail, argument, o);
  if (o["asOf"] !== undefined) checkDate(fail, `${argument}.asOf`, o["asOf"]);
  if (o["preliminary"] !== undefined) checkBoolean(fail, `${argument}.preliminary`, o["preliminary"]);
  if (o["preliminary"] === true && o["asOf"] === undefined) fail(`${argument}.preliminary`, "needs `asOf`: the date the preliminary run is made as of");
  return o as unknown as RunOptions;
}

function checkCommonRunOptions(fail: Fail, argument: string, o: Record<string, unknown>): void {
  if (o["policy"] !== undefined) checkOneOf(fail, `${argument}.policy`, o["policy"], POLICIES);
  if (o["splitMode"] !== undefined) checkOneOf(fail, `${argument}.splitMode`, o["splitMode"], SPLIT_MODES);
  if (o["ignoreAfterRunCancellations"] !== undefined) {
    checkBoolean(fail, `${argument}.ignoreAfterRunCancellations`, o["ignoreAfterRunCancellations"]);
  }
}

function checkRunArguments(fn: string, ir: unknown, data: unknown, options: unknown): void {
  const fail = failFor(fn);
  checkIr(fail, "ir", ir);
  checkDataset(fail, "data", data);
  checkRunOptions(fail, "options", options);
}

export function runThrough(ir: PlanIR, data: Dataset, options: RunOptions): RunOutcome {
  checkRunArguments("runThrough", ir, data, options);
  return defaultUnchecked.runThrough(ir, data, options);
}

const PERIOD_INPUT = ["ir", "data", "history", "period", "asOf", "final", "policy", "splitMode", "ignoreAfterRunCancellations"];

export function runPeriod(input: PeriodRunInput): PeriodOutcome {
  checkPeriodInput("runPeriod", input);
  return defaultUnchecked.runPeriod(input);
}

function checkPeriodInput(fn: string, input: unknown): void {
  const fail = failFor(fn);
  const o = checkOptions(fail, "input", input, PERIOD_INPUT, false);
  const ir = checkIr(fail, "input.ir", o["ir"]);
  checkDataset(fail, "input.data", o["data"]);
  if (!Array.isArray(o["history"])) fail("input.history", `must be an array of earlier final period results, got ${describeValue(o["history"])}`);
  if ((o["history"] as unknown[]).length > 0) {
    checkResult(fail, "input.history", { plan: ir.name, policy: ir.cancellation.policy, periods: o["history"] });
  }
  checkPeriod(fail, "input.period", o["period"]);
  checkDate(fail, "input.asOf", o["asOf"]);
  checkBoolean(fail, "input.final", o["final"]);
  checkCommonRunOptions(fail, "input", o);
}

/** An engine whose every entry checks its arguments first (the API exports the reference engine this way). */
export function guardEngine(engine: Engine): Engine {
  return {
    name: engine.name,
    runThrough(ir, data, options) {
      checkRunArguments(`${engine.name}Engine.runThrough`, ir, data, options);
      return engine.runThrough(ir, data, options);
    },
    runThroughView(ir, data, options) {
      checkRunArguments(`${engine.name}Engine.runThroughView`, ir, data, options);
      return engine.runThroughView(ir, data, options);
    },
    runPeriod(input) {
      checkPeriodInput(`${engine.name}Engine.runPeriod`, input);
      return engine.runPeriod(input);
    },
  };
}

export const referenceEngine: Engine = guardEngine(referenceUnchecked);
/** The compiled runtime (the default), guarded the same way. */
export const compiledEngine: Engine = guardEngine(compiledUnchecked);
/** The engine `runThrough` and `runPeriod` use (runtime/defaultEngine.ts), guarded the same way. */
export const defaultEngine: Engine = guardEngine(defaultUnchecked);

export function earliestFinalAsOf(ir: PlanIR, data: Dataset, period: string): { asOf: string; blocking: string[] } {
  const fail = failFor("earliestFinalAsOf");
  return earliestUnchecked(checkIr(fail, "ir", ir), checkDataset(fail, "data", data), checkPeriod(fail, "period", period));
}

export function comparePolicies(ir: PlanIR, data: Dataset, through: string): ReturnType<typeof comparePoliciesUnchecked> {
  const fail = failFor("comparePolicies");
  return comparePoliciesUnchecked(checkIr(fail, "ir", ir), checkDataset(fail, "data", data), checkPeriod(fail, "through", through));
}

export function compareSplitModes(ir: PlanIR, data: Dataset, through: string): ReturnType<typeof compareSplitModesUnchecked> {
  const fail = failFor("compareSplitModes");
  return compareSplitModesUnchecked(checkIr(fail, "ir", ir), checkDataset(fail, "data", data), checkPeriod(fail, "through", through));
}

/** Formatters read a comparison or KPI object made by this API; anything else is named as the argument at fault. */
function formatChecked<T>(fn: string, argument: string, what: string, value: unknown, arrays: string[], format: (v: T) => string): string {
  const fail = failFor(fn);
  if (!isRecord(value)) fail(argument, `must be ${what}, got ${describeValue(value)}`);
  for (const key of arrays) {
    if (!Array.isArray((value as Record<string, unknown>)[key])) fail(`${argument}.${key}`, `must be an array (pass ${what} unchanged)`);
  }
  try {
    return format(value as T);
  } catch (e) {
    if (e instanceof InvalidArgumentError) throw e;
    throw new InvalidArgumentError(fn, argument, `is not ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function formatPolicyComparison(c: PolicyComparison): string {
  return formatChecked("formatPolicyComparison", "c", "a comparison from comparePolicies", c, ["policies", "differences"], formatPolicyUnchecked);
}

export function formatSplitComparison(c: SplitComparison): string {
  return formatChecked("formatSplitComparison", "c", "a comparison from compareSplitModes", c, ["modes"], formatSplitUnchecked);
}

export function formatKpiTable(k: PlanKpis): string {
  return formatChecked("formatKpiTable", "k", "KPIs from computeKpis", k, ["periods", "perBonus", "rankDistribution", "earnings"], formatKpiUnchecked);
}

export function computeKpis(
  result: ResultDocument,
  cvMeasure: string,
  period?: string,
  rankOrder?: readonly string[],
  planBonuses: readonly { name: string; kind: string }[] = [],
): PlanKpis {
  const fail = failFor("computeKpis");
  checkResult(fail, "result", result);
  checkString(fail, "cvMeasure", cvMeasure);
  if (period !== undefined) checkPeriod(fail, "period", period);
  if (rankOrder !== undefined) {
    if (!Array.isArray(rankOrder)) fail("rankOrder", `must be an array of rank names, got ${describeValue(rankOrder)}`);
    rankOrder.forEach((r, i) => checkString(fail, `rankOrder[${i}]`, r));
  }
  if (!Array.isArray(planBonuses)) fail("planBonuses", `must be an array of {name, kind} (the IR's bonuses), got ${describeValue(planBonuses)}`);
  planBonuses.forEach((b, i) => {
    if (!isRecord(b)) fail(`planBonuses[${i}]`, `must be an object {name, kind}, got ${describeValue(b)}`);
    checkString(fail, `planBonuses[${i}].name`, b.name);
    checkString(fail, `planBonuses[${i}].kind`, b.kind);
  });
  return computeKpisUnchecked(result, cvMeasure, period, rankOrder, planBonuses);
}

const GENERATE_OPTIONS = ["partners", "seed", "months", "firstMonth", "customersPerPartner", "splits", "cancellations", "pendingShare", "shareMeasures"];

export function generateData(options: GenerateOptions): DataDocument {
  const fail = failFor("generateData");
  const o = checkOptions(fail, "options", options, GENERATE_OPTIONS, false);
  for (const key of ["partners", "seed", "months", "customersPerPartner", "splits", "cancellations", "pendingShare"]) {
    const v = o[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) fail(`options.${key}`, `must be a number, got ${describeValue(v)}`);
  }
  if (o["firstMonth"] !== undefined) checkPeriod(fail, "options.firstMonth", o["firstMonth"]);
  if (o["shareMeasures"] !== undefined) {
    if (!Array.isArray(o["shareMeasures"])) fail("options.shareMeasures", `must be an array of measure names, got ${describeValue(o["shareMeasures"])}`);
    (o["shareMeasures"] as unknown[]).forEach((m, i) => checkString(fail, `options.shareMeasures[${i}]`, m));
  }
  const outcome = tryGenerateData(options);
  if (!outcome.ok) {
    const first = outcome.problems[0];
    return fail(first ? `options.${first.option}` : "options", outcome.problems.map((p) => p.message).join("; "));
  }
  return outcome.document;
}
