/**
 * Checks of API arguments, each throwing InvalidArgumentError that names the function and the
 * argument. Cheap where the API is called often (options), thorough where a bad value would
 * otherwise surface as a crash deep inside (the IR, the dataset, a result).
 */
import { isValidDate, isValidPeriod } from "../../core/dates.ts";
import { validateIr } from "../../core/validateIr.ts";
import { validateResult } from "../../core/validateResult.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { ResultDocument } from "../../core/result.ts";
import { describeValue, InvalidArgumentError } from "./argumentError.ts";
import { datasetShapeProblem } from "./datasetShape.ts";

export type Fail = (argument: string, problem: string) => never;

export function failFor(fn: string): Fail {
  return (argument, problem) => {
    throw new InvalidArgumentError(fn, argument, problem);
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function checkString(fail: Fail, argument: string, value: unknown): string {
  if (typeof value !== "string") fail(argument, `must be a text (string), got ${describeValue(value)}`);
  return value as string;
}

export function checkPeriod(fail: Fail, argument: string, value: unknown): string {
  if (typeof value !== "string" || !isValidPeriod(value)) {
    fail(argument, `must be a period "YYYY-MM" (years 0001 to 9999), got ${describeValue(value)}`);
  }
  return value as string;
}

export function checkDate(fail: Fail, argument: string, value: unknown): string {
  if (typeof value !== "string" || !isValidDate(value)) fail(argument, `must be a calendar date "YYYY-MM-DD", got ${describeValue(value)}`);
  return value as string;
}

export function checkBoolean(fail: Fail, argument: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(argument, `must be true or false, got ${describeValue(value)}`);
  return value as boolean;
}

export function checkOneOf<T extends string>(fail: Fail, argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(argument, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describeValue(value)}`);
  }
  return value as T;
}

/** `.policy`, or `["a b"]` for a key that is not a plain name (quotes and control characters escaped). */
export function propertyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** An options object: undefined is allowed when `optional`; unknown keys are typos, named. */
export function checkOptions(fail: Fail, argument: string, value: unknown, known: readonly string[], optional: boolean): Record<string, unknown> {
  if (value === undefined && optional) return {};
  if (!isRecord(value)) fail(argument, `must be an object, got ${describeValue(value)}`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) fail(`${argument}${propertyPath(key)}`, `is not an option (the options are ${known.join(", ")})`);
  }
  return record;
}

const IR_HINT = "pass the `ir` of a compilePlan(text) without errors";

export function checkIr(fail: Fail, argument: string, value: unknown): PlanIR {
  if (!isRecord(value)) fail(argument, `must be a plan IR (${IR_HINT}), got ${describeValue(value)}`);
  const problems = validateIr(value);
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` and ${problems.length - 3} more` : "";
    fail(argument, `is not a valid plan IR (${IR_HINT}): ${problems.slice(0, 3).join("; ")}${more}`);
  }
  return value as unknown as PlanIR;
}

export function checkDataset(fail: Fail, argument: string, value: unknown): Dataset {
  const problem = datasetShapeProblem(value);
  if (problem !== null) {
    fail(`${argument}${problem.path}`, `${problem.message} (pass the \`data\` of a validateData(document) that returned ok)`);
  }
  return value as Dataset;
}

export function checkResult(fail: Fail, argument: string, value: unknown): ResultDocument {
  if (!isRecord(value)) fail(argument, `must be a result document (the \`result\` of a run), got ${describeValue(value)}`);
  const problems = validateResult(value);
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` and ${problems.length - 3} more` : "";
    fail(argument, `is not a valid result document: ${problems.slice(0, 3).join("; ")}${more}`);
  }
  return value as unknown as ResultDocument;
}
