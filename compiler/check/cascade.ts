/**
 * One typo, one error. When the parse had syntax errors, the AST is missing whatever the parser
 * skipped while recovering, and many checker diagnostics would only be echoes of that: a rank
 * "unknown" because its declaration did not parse, a "missing" ranks block that is there but
 * broken. This filter keeps a checker diagnostic only when it cannot be such an echo.
 *
 * An item is *tainted* when a syntax error starts in its region: from its own start up to the
 * start of the next item (what recovery skipped after an item belongs to it; an error before
 * the first item taints the region before it). Then a checker diagnostic survives when
 * - it is an error, not a warning (warnings return once the syntax is fixed), and
 * - none of the items it is about is tainted, and
 * - local: nothing else is needed;
 *   ranks: the ranks block is intact too;
 *   name (an unknown rank or measure): the block that declares such names is intact, and the
 *     name does not appear in any tainted region (where its declaration may have been lost);
 *   global (missing items, cross-item rules): never — the broken part may be the missing piece.
 */
import type { Item } from "../../grammar/ast.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import type { CheckedDiagnostic } from "./context.ts";

export function independentOfSyntaxErrors(
  checked: readonly CheckedDiagnostic[],
  syntaxErrors: readonly Diagnostic[],
  items: readonly Item[],
  text: string,
): CheckedDiagnostic[] {
  if (syntaxErrors.length === 0) return [...checked];
  const ordered = [...items].sort((a, b) => a.span.start - b.span.start);
  const tainted = new Set<Item>();
  const taintedText: string[] = [];
  for (const error of syntaxErrors) {
    const at = error.span.start;
    // The last item starting at or before the error owns it.
    let owner = -1;
    for (let i = 0; i < ordered.length; i++) {
      if (ordered[i]!.span.start <= at) owner = i;
      else break;
    }
    const from = owner >= 0 ? ordered[owner]!.span.start : 0;
    const to = ordered[owner + 1]?.span.start ?? text.length;
    if (owner >= 0) tainted.add(ordered[owner]!);
    taintedText.push(text.slice(from, Math.max(to, error.span.end)));
  }
  const ranksIntact = items.some((i) => i.kind === "Ranks") && !items.some((i) => i.kind === "Ranks" && tainted.has(i));
  const volumesIntact = !items.some((i) => i.kind === "Volume" && tainted.has(i));

  return checked.filter(({ diagnostic, items: about, dependency }) => {
    if (diagnostic.severity !== "error") return false;
    if (about.some((i) => tainted.has(i))) return false;
    switch (dependency.kind) {
      case "local":
        return true;
      case "ranks":
        return ranksIntact;
      case "name": {
        const declarationsIntact = dependency.declaredIn === "ranks" ? ranksIntact : volumesIntact;
        return declarationsIntact && !taintedText.some((t) => containsWord(t, dependency.name));
      }
      case "global":
        return false;
      default: {
        const never: never = dependency;
        throw new Error(`unhandled dependency ${JSON.stringify(never)}`);
      }
    }
  });
}

/** Whether `word` occurs in `text` as a whole name (names may contain letters, digits, _ and -). */
function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at > 0 ? text[at - 1]! : " ";
    const after = text[at + word.length] ?? " ";
    if (!isNameChar(before) && !isNameChar(after)) return true;
    from = at + 1;
  }
}

function isNameChar(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c);
}
