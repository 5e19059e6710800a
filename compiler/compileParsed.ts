/**
 * Everything after parsing: check, drop echoes of syntax errors, merge repeated unknown names,
 * sort, and lower to the IR when nothing is wrong. Separate from compile.ts so tests can feed
 * hand-built ASTs.
 */
import type { PlanAst } from "../grammar/ast.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../grammar/diagnostic.ts";
import { independentOfSyntaxErrors } from "./check/cascade.ts";
import { checkPlan } from "./check/checkPlan.ts";
import { mergeUnknownNames } from "./check/unknownNames.ts";
import { analysisWarnings } from "./analysis/planWarnings.ts";
import { lowerPlan } from "./fromAst.ts";
import type { PlanIR } from "../core/ir.ts";

export interface CompileResult {
  /** The typed IR; null if and only if there is at least one error. */
  ir: PlanIR | null;
  /** Syntax and checker diagnostics, sorted by position then code. */
  diagnostics: Diagnostic[];
  ast: PlanAst;
}

export function compileParsed(text: string, ast: PlanAst, parseDiagnostics: readonly Diagnostic[]): CompileResult {
  try {
    const syntaxErrors = parseDiagnostics.filter((d) => d.severity === "error");
    const kept = independentOfSyntaxErrors(checkPlan(ast), syntaxErrors, ast.items, text);
    const diagnostics = sortDiagnostics([...parseDiagnostics, ...mergeUnknownNames(kept)]);
    if (hasErrors(diagnostics)) return { ir: null, diagnostics, ast };
    const ir = lowerPlan(ast);
    // Warnings that need the whole lowered plan: the rank table and the payout target.
    return { ir, diagnostics: sortDiagnostics([...diagnostics, ...analysisWarnings(ir, ast)]), ast };
  } catch (e) {
    return { ir: null, diagnostics: [...parseDiagnostics, internalError(e)], ast };
  }
}

/** A bug in the compiler must still reach the user as a diagnostic, never as a crash. */
export function internalError(e: unknown): Diagnostic {
  const why = e instanceof Error ? e.message : String(e);
  return {
    code: "E299",
    severity: "error",
    message: `internal compiler error (${why}): please report this plan to the compiler's maintainers`,
    span: { start: 0, end: 0, line: 1, column: 1 },
  };
}
