import type { Span } from "./source.ts";

/**
 * One problem found in a plan. Codes are stable (tools and tests match on them):
 *   E001–E099  lexing and parsing (grammar/)
 *   E100–E299  names, types and values (compiler/check)
 *   W300–W399  warnings (the plan compiles, but probably not as meant)
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** A concrete fix, e.g. "did you mean `Senior`?" — already phrased for the plan designer. */
  suggestion?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order for output: by position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code),
  );
}
