/**
 * Loading a plan and a data file for the CLI, turning every user mistake (missing file, bad
 * JSON, plan diagnostics, invalid data) into a CliFailure: a message and an exit code, printed
 * by main.ts without a stack trace.
 */
import { readFileSync, statSync } from "node:fs";
import { capDiagnostics, compilePlan, type DataProblem, type Dataset, formatDiagnostic, MAX_PLAN_CHARACTERS, omittedLines, type PlanIR, visible } from "../runtime/surface.ts";
import { readDataFile, type ReadProgress } from "./dataFile.ts";

/** Exit codes: 1 = the plan or data has errors, 2 = the command line is wrong, 3 = the run was refused. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** How a file is named in messages: `-` is standard input. */
export function displayName(file: string): string {
  return file === "-" ? "<stdin>" : file;
}

/** `-` is standard input, as in other Unix tools (`cat plan | comp check -`). */
export function readText(file: string, what: string): string {
  try {
    // a plan many times the size comp reads is refused before it is read (a data file given as the plan)
    if (what === "plan" && file !== "-" && statSync(file).size > 4 * MAX_PLAN_CHARACTERS) {
      throw new CliFailure(`${file}: the file is ${statSync(file).size.toLocaleString("en-US")} bytes; comp reads plans of up to ${MAX_PLAN_CHARACTERS.toLocaleString("en-US")} characters (real plans have a few thousand): is this the plan file?`, 1);
    }
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(code ?? e);
    throw new CliFailure(`cannot read ${what} \`${displayName(file)}\`: ${why}`, 2);
  }
}

export function loadPlan(file: string): { ir: PlanIR; text: string } {
  const text = readText(file, "plan");
  const { ir, diagnostics } = compilePlan(text);
  file = displayName(file);
  if (!ir) {
    const { shown, omitted } = capDiagnostics(diagnostics);
    const listed = [...shown.map((d) => formatDiagnostic(d, text, file)), ...omittedLines(file, omitted)].join("\n");
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    throw new CliFailure(`${listed}\n${file}: ${errors.toLocaleString("en-US")} error${errors === 1 ? "" : "s"}; nothing was run`, 1);
  }
  return { ir, text };
}

export function formatProblems(file: string, problems: readonly DataProblem[]): string {
  const lines = problems.map((p) => visible(`${file}: ${p.path}${p.id ? ` (${p.id})` : ""}: ${p.message}`));
  const n = problems.length;
  lines.push(`${file}: ${n} problem${n === 1 ? "" : "s"} in the data; nothing was computed`);
  return lines.join("\n");
}

/** The data file, read as a stream and checked in one pass (cli/dataFile.ts): JSON or JSON Lines. */
export function loadData(file: string, ir: PlanIR, progress?: ReadProgress): Dataset {
  return readDataFile(file, ir, progress);
}
