/** `comp check <plan> [--json]`: diagnostics only; exit 1 on any error. */
import { compilePlan, formatDiagnostic, formatPayoutBound, payoutBound } from "../../runtime/surface.ts";
import { parseArgs, onePositional } from "../args.ts";
import { displayName, readText } from "../io.ts";
import type { CommandOutput } from "../output.ts";

export function checkCommand(argv: readonly string[]): CommandOutput {
  const args = parseArgs("check", argv, { values: [], booleans: ["json"] });
  const path = onePositional(args, "plan file");
  const text = readText(path, "plan");
  const file = displayName(path);
  const { diagnostics, ir } = compilePlan(text);
  const bound = ir ? payoutBound(ir) : null;
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
    };
    return { stdout: JSON.stringify(doc, null, 2) + "\n", stderr: "", exitCode: errors > 0 ? 1 : 0 };
  }
  const shown = diagnostics.map((d) => formatDiagnostic(d, text, file) + "\n").join("");
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary =
    errors === 0 && warnings === 0
      ? `${file}: ok\n`
      : `${file}: ${count(errors, "error")}, ${count(warnings, "warning")}\n`;
  return errors > 0
    ? { stdout: "", stderr: shown + summary, exitCode: 1 }
    : { stdout: shown + summary + (bound ? formatPayoutBound(bound) : ""), stderr: "", exitCode: 0 };
}
