/**
 * One typo, one diagnostic. Error recovery resynchronises after a mistake, but what it skipped or
 * misread often produces follow-up errors; those say nothing new. This keeps:
 *   - no syntax error that starts inside the text an earlier error's recovery skipped;
 *   - at most one diagnostic per top-level item (an item runs from its first token to the next
 *     item's; garbage between items belongs to the item before it), preferring a lexical one
 *     (a bad character, an unterminated string, too deep nesting) because it explains the rest.
 */
import type { Diagnostic } from "./diagnostic.ts";
import type { SyntaxProblem } from "./syntaxErrors.ts";

export function filterDiagnostics(
  lexical: readonly Diagnostic[],
  syntax: readonly SyntaxProblem[],
  itemStarts: readonly number[],
): Diagnostic[] {
  const starts = [...itemStarts].sort((a, b) => a - b);
  const segmentOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length; // number of starts <= offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const bySegment = new Map<number, Diagnostic>();
  const byStart = (a: Diagnostic, b: Diagnostic) => a.span.start - b.span.start || a.span.end - b.span.end;
  for (const d of [...lexical].sort(byStart)) {
    const segment = segmentOf(d.span.start);
    if (!bySegment.has(segment)) bySegment.set(segment, d);
  }

  let recoveredUntil = -1;
  const sortedSyntax = [...syntax].sort((a, b) => byStart(a.diagnostic, b.diagnostic));
  for (const problem of sortedSyntax) {
    const d = problem.diagnostic;
    if (d.span.start < recoveredUntil) continue;
    recoveredUntil = Math.max(recoveredUntil, problem.recoveredUntil);
    const segment = segmentOf(problem.anchor);
    if (!bySegment.has(segment)) bySegment.set(segment, d);
  }
  return [...bySegment.values()];
}
