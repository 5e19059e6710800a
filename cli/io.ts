/**
 * Loading a plan and a data file for the CLI, turning every user mistake (missing file, bad
 * JSON, plan diagnostics, invalid data) into a CliFailure: a message and an exit code, printed
 * by main.ts without a stack trace.
 */
import { readFileSync } from "node:fs";
import { compilePlan } from "../compiler/compile.ts";
import { formatDiagnostic } from "../compiler/formatDiagnostics.ts";
import type { PlanIR } from "../core/ir.ts";
import { checkDataAgainstPlan } from "../runtime/data/planChecks.ts";
import { validateData } from "../runtime/data/validate.ts";
import type { Dataset, DataProblem } from "../core/dataModel.ts";

/** Exit codes: 1 = the plan or data has errors, 2 = the command line is wrong, 3 = the run was refused. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(code ?? e);
    throw new CliFailure(`cannot read ${what} \`${file}\`: ${why}`, 2);
  }
}

export function loadPlan(file: string): { ir: PlanIR; text: string } {
  const text = readText(file, "plan");
  const { ir, diagnostics } = compilePlan(text);
  if (!ir) {
    const shown = diagnostics.map((d) => formatDiagnostic(d, text, file)).join("\n");
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    throw new CliFailure(`${shown}\n${file}: ${errors} error${errors === 1 ? "" : "s"}; nothing was run`, 1);
  }
  return { ir, text };
}

export function formatProblems(file: string, problems: readonly DataProblem[]): string {
  const lines = problems.map((p) => `${file}: ${p.path}${p.id ? ` (${p.id})` : ""}: ${p.message}`);
  const n = problems.length;
  lines.push(`${file}: ${n} problem${n === 1 ? "" : "s"} in the data; nothing was computed`);
  return lines.join("\n");
}

export function loadData(file: string, ir: PlanIR): Dataset {
  const text = readText(file, "data file");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CliFailure(`${file}: not valid JSON: ${jsonErrorWhere(text, e)}`, 1);
  }
  const v = validateData(doc);
  if (!v.ok) throw new CliFailure(formatProblems(file, v.problems), 1);
  const againstPlan = checkDataAgainstPlan(ir, v.data);
  if (againstPlan.length > 0) throw new CliFailure(formatProblems(file, againstPlan), 1);
  return v.data;
}

/** Node's JSON errors give a character position; plan designers want line and column. */
function jsonErrorWhere(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}
