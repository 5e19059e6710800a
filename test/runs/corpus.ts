/**
 * The conformance corpus: one folder per case under test/runs/, each with the plan (plan.plan),
 * the data document (data.json), the run options (options.json: `through` and optionally
 * `policy`, `splitMode`, `asOf`, `preliminary`) and the expected result document
 * (expected.json), as the streamed JSON writer writes it (runtime/output/resultJson.ts: ids in
 * string order). test/runs/README.md says where each case's figures come from.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compilePlan } from "../../compiler/compile.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { Engine } from "../../core/engine.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { RunOptions } from "../../core/run.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { resultJsonChunks } from "../../runtime/output/resultJson.ts";
import { joinChunks } from "../../runtime/output/sink.ts";

export const RUNS = fileURLToPath(new URL(".", import.meta.url));

export interface RunCase {
  name: string;
  folder: string;
  ir: PlanIR;
  data: Dataset;
  options: RunOptions;
}

const OPTION_KEYS = new Set(["through", "policy", "splitMode", "asOf", "preliminary"]);

/** Every case folder's name, sorted. */
export function caseNames(): string[] {
  return readdirSync(RUNS)
    .filter((name) => statSync(join(RUNS, name)).isDirectory())
    .sort();
}

export function loadCase(name: string): RunCase {
  const folder = join(RUNS, name);
  const compiled = compilePlan(readFileSync(join(folder, "plan.plan"), "utf8"));
  if (compiled.ir === null) throw new Error(`${name}/plan.plan does not compile: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
  const validated = validateData(JSON.parse(readFileSync(join(folder, "data.json"), "utf8")) as unknown);
  if (!validated.ok) throw new Error(`${name}/data.json is invalid: ${validated.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  const options = JSON.parse(readFileSync(join(folder, "options.json"), "utf8")) as RunOptions;
  const unknown = Object.keys(options).filter((k) => !OPTION_KEYS.has(k));
  if (unknown.length > 0) throw new Error(`${name}/options.json: unknown option ${unknown.join(", ")}`);
  return { name, folder, ir: compiled.ir, data: validated.data, options };
}

/** The result document of a case on an engine, as the streamed JSON writer writes it. */
export function resultText(engine: Engine, c: RunCase): string {
  const outcome = engine.runThroughView(c.ir, c.data, c.options);
  if (!outcome.ok) throw new Error(`${c.name} on ${engine.name}: run refused: ${outcome.error.code}: ${outcome.error.message}`);
  return joinChunks(resultJsonChunks(outcome.view));
}
