/** Running plans in tests: load the spec's example files, run, and read results compactly. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import { compilePlan } from "../../compiler/compile.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { runPeriod, type PeriodRunInput } from "../../runtime/reference/runPeriod.ts";
import { runThrough, type RunOptions } from "../../runtime/reference/runThrough.ts";
import type { PeriodResult, ResultDocument } from "../../core/result.ts";
import { validateResult } from "../../core/validateResult.ts";

const examples = new URL("../../docs/spec/examples/", import.meta.url);

/** The example's plan compiled by the real compiler and its data checked by the real validator. */
export function loadExample(name: string): { ir: PlanIR; data: Dataset } {
  const text = readFileSync(fileURLToPath(new URL(`${name}.plan`, examples)), "utf8");
  const compiled = compilePlan(text);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const raw: unknown = JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.data.json`, examples)), "utf8"));
  const validated = validateData(raw);
  if (!validated.ok) throw new Error(`example data ${name} is invalid: ${JSON.stringify(validated.problems)}`);
  return { ir: compiled.ir!, data: validated.data };
}

/** runThrough that must succeed and produce a schema-valid document. */
export function run(ir: PlanIR, data: Dataset, options: RunOptions): ResultDocument {
  const outcome = runThrough(ir, data, options);
  if (!outcome.ok) throw new Error(`run refused: ${JSON.stringify(outcome.error)}`);
  expect(validateResult(outcome.result)).toEqual([]);
  return outcome.result;
}

export function period(result: ResultDocument, name: string): PeriodResult {
  const found = result.periods.find((p) => p.period === name);
  if (found === undefined) throw new Error(`no period ${name} in the result`);
  return found;
}

/** runPeriod that must succeed. */
export function runOne(input: PeriodRunInput): PeriodResult {
  const outcome = runPeriod(input);
  if (!outcome.ok) throw new Error(`run refused: ${JSON.stringify(outcome.error)}`);
  return outcome.period;
}

/** Ledger entries as "recipient bonus order/portion/step amount" lines: easy to compare by eye. */
export function ledgerLines(p: PeriodResult): string[] {
  return p.ledger.map((e) =>
    e.order === undefined ? `${e.recipient} ${e.bonus} ${e.amount}` : `${e.recipient} ${e.bonus} ${e.order}/${e.portion}/${e.step} ${e.amount}`,
  );
}

/** Recipient -> earned, only partners who earned something (non-zero). */
export function earned(p: PeriodResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, s] of Object.entries(p.statements)) if (!/^-?0(\.0+)?$/.test(s.earned)) out[id] = s.earned;
  return out;
}

/** partner -> "personal/group/open" of one measure. */
export function volumesOf(p: PeriodResult, measure: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(p.volumes)) out[id] = `${v[measure]!.personal}/${v[measure]!.group}/${v[measure]!.open}`;
  return out;
}
