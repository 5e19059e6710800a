/**
 * `comp check <plan> [--json] [--witness FILE]`: diagnostics and the payout bound; exit 1 on any
 * error. `--witness` writes a small data document on which the plan reaches its bound (checked
 * by running it) and says when tightness was not shown.
 */
import { basename, dirname } from "node:path";
import { capDiagnostics, checkWitness, compilePlan, defaultEngine, formatDiagnostic, formatPayoutBound, omittedLines, payoutBound, type PayoutBound, type PlanIR } from "../../runtime/surface.ts";
import { writeFilesAtomically } from "../outDir.ts";
import { parseArgs, onePositional } from "../args.ts";
import { displayName, readText } from "../io.ts";
import type { CommandOutput } from "../output.ts";

export function checkCommand(argv: readonly string[]): CommandOutput {
  const args = parseArgs("check", argv, { values: ["witness"], booleans: ["json"] });
  const path = onePositional(args, "plan file");
  const text = readText(path, "plan");
  const file = displayName(path);
  const { diagnostics, ir } = compilePlan(text);
  const bound = ir ? payoutBound(ir) : null;
  const witnessFile = args.values.get("witness");
  const witness = ir && bound && witnessFile !== undefined ? writeWitness(ir, bound, witnessFile) : null;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (args.booleans.has("json")) {
    const doc = {
      file,
      ok: errors === 0,
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        line: d.span.line,
        column: d.span.column,
        start: d.span.start,
        end: d.span.end,
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
      })),
      ...(bound ? { payoutBound: bound } : {}),
      ...(witness ? { witness } : {}),
    };
    return { stdout: JSON.stringify(doc, null, 2) + "\n", stderr: "", exitCode: errors > 0 ? 1 : 0 };
  }
  const capped = capDiagnostics(diagnostics);
  const shown = [...capped.shown.map((d) => formatDiagnostic(d, text, file)), ...omittedLines(file, capped.omitted)].map((l) => l + "\n").join("");
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary =
    errors === 0 && warnings === 0
      ? `${file}: ok\n`
      : `${file}: ${count(errors, "error")}, ${count(warnings, "warning")}\n`;
  return errors > 0
    ? { stdout: "", stderr: shown + summary, exitCode: 1 }
    : { stdout: shown + summary + (bound ? formatPayoutBound(bound) : "") + (witness ? `  witness: ${witness.sentence}\n` : ""), stderr: "", exitCode: 0 };
}

/** Builds and checks the witness; writes its data document (all or nothing) when one was built. */
function writeWitness(ir: PlanIR, bound: PayoutBound, file: string): { file: string | null; tight: boolean; order: string | null; sentence: string } {
  const outcome = checkWitness(defaultEngine, ir, bound);
  if (!outcome.built) return { file: null, tight: false, order: null, sentence: outcome.sentence };
  writeFilesAtomically(dirname(file), [{ name: basename(file), chunks: [JSON.stringify(outcome.document, null, 2) + "\n"] }]);
  return { file, tight: outcome.tight, order: outcome.order, sentence: `${outcome.sentence} (data written to ${file})` };
}
