/**
 * A diagnostic as a plan designer reads it in a terminal:
 *
 *   plans/x.plan:24:24: error E100: unknown rank `Senoir`
 *     24 |   level 3: 5% requires Senoir
 *        |                        ^^^^^^
 *     = did you mean `Senior`?
 *
 * The carets cover the span on its first line (at least one caret, so an empty span at the end
 * of a line still points somewhere). Tabs before the span are kept in the caret line so the
 * carets stay under the text in any tab width.
 */
import type { Diagnostic } from "../grammar/diagnostic.ts";
import { LineIndex } from "../grammar/source.ts";

export function formatDiagnostic(d: Diagnostic, text: string, fileName: string): string {
  const { line, column } = d.span;
  const head = `${fileName}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}`;
  const lineText = new LineIndex(text).lineText(line);
  const number = String(line);
  const gutter = " ".repeat(number.length);
  const before = lineText.slice(0, column - 1).replace(/[^\t]/g, " ");
  const available = Math.max(1, lineText.length - (column - 1));
  const width = Math.max(1, Math.min(d.span.end - d.span.start, available));
  const out = [head, `  ${number} | ${lineText}`, `  ${gutter} | ${before}${"^".repeat(width)}`];
  if (d.suggestion) out.push(`  = ${d.suggestion}`);
  return out.join("\n");
}

/** Several diagnostics, one block each, separated by blank lines. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], text: string, fileName: string): string {
  return diagnostics.map((d) => formatDiagnostic(d, text, fileName)).join("\n\n");
}
