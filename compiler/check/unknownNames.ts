/**
 * One diagnostic per unknown name. A rank misspelt in its declaration is "unknown" at every use;
 * the designer needs to hear it once, at the first use, with the other lines listed.
 */
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import type { CheckedDiagnostic } from "./context.ts";

export function mergeUnknownNames(checked: readonly CheckedDiagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  const result: Diagnostic[] = [];
  for (const { diagnostic, dependency } of checked) {
    if (dependency.kind !== "name") {
      result.push(diagnostic);
      continue;
    }
    const group = groups.get(dependency.group);
    if (group) group.push(diagnostic);
    else groups.set(dependency.group, [diagnostic]);
  }
  for (const uses of groups.values()) {
    const sorted = [...uses].sort((a, b) => a.span.start - b.span.start);
    const first = sorted[0]!;
    if (sorted.length === 1) {
      result.push(first);
      continue;
    }
    const lines = [...new Set(sorted.slice(1).map((d) => d.span.line))];
    const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]}`;
    result.push({ ...first, message: `${first.message} (also used on ${where})` });
  }
  return result;
}
