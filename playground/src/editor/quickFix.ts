/**
 * Quick fixes from the checker's suggestions: "did you mean `Senior`?" or "write `5%`" becomes an
 * edit that replaces the diagnostic's span with the suggested text (Monaco offers it as a code
 * action: the light bulb, or Ctrl+. on the squiggle). Pure, so it is tested without an editor.
 */
import type { Diagnostic } from "../../../runtime/surface.ts";

export interface QuickFix {
  start: number;
  end: number;
  replacement: string;
  title: string;
  code: string;
}

const SUGGESTED = /^(?:did you mean|write) `([^`]+)`/;

export function quickFixes(diagnostics: readonly Diagnostic[], text: string): QuickFix[] {
  return diagnostics.flatMap((d) => {
    const match = d.suggestion === undefined ? null : SUGGESTED.exec(d.suggestion);
    const replacement = match?.[1];
    if (replacement === undefined || d.span.end <= d.span.start || d.span.end > text.length) return [];
    if (text.slice(d.span.start, d.span.end) === replacement) return [];
    return [{ start: d.span.start, end: d.span.end, replacement, title: `Change to \`${replacement}\``, code: d.code }];
  });
}
