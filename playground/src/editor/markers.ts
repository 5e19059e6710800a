/**
 * Checker diagnostics as editor markers: offsets stay offsets (the editor maps them to line and
 * column itself, so CRLF and tabs cannot shift a squiggle), an empty span still underlines one
 * character, and the suggestion rides along under the message.
 */
import type { Diagnostic } from "../../../runtime/surface.ts";

export interface PlanMarker {
  startOffset: number;
  endOffset: number;
  severity: Diagnostic["severity"];
  code: string;
  /** The checker's message, then its suggestion on the next line. */
  message: string;
}

export function markerMessage(diagnostic: Diagnostic): string {
  return diagnostic.suggestion ? `${diagnostic.message}\n${diagnostic.suggestion}` : diagnostic.message;
}

export function toMarkers(diagnostics: readonly Diagnostic[], textLength: number): PlanMarker[] {
  return diagnostics.map((d) => {
    const start = Math.max(0, Math.min(d.span.start, textLength));
    let end = Math.max(start, Math.min(d.span.end, textLength));
    if (end === start) end = Math.min(start + 1, textLength);
    const widened = end === start && start > 0 ? start - 1 : start; // at the very end: the last character
    return { startOffset: widened, endOffset: end, severity: d.severity, code: d.code, message: markerMessage(d) };
  });
}
