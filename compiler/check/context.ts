/**
 * The checker's shared state: the symbol tables every check resolves against, and the list of
 * diagnostics found so far. Each diagnostic remembers which top-level items it is about and what
 * else it depends on, so that when the parse had syntax errors compile.ts can keep only the
 * diagnostics that cannot be consequences of the broken part (see cascade.ts).
 */
import type { Item, Node } from "../../grammar/ast.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import type { Span } from "../../grammar/source.ts";
import { severityOf, type Code } from "../codes.ts";

/**
 * What a diagnostic's truth depends on besides its own items:
 * - local:  only the items it is about (a rate above 100% is wrong whatever else the plan says);
 * - ranks:  also the ranks block (e.g. the order of ranks for falling differential rates);
 * - name:   whether `name` is declared somewhere (an unknown rank or measure); `group` collects
 *           every use of the same unknown name into one diagnostic;
 * - global: the plan as a whole (a missing item, a generation bonus without a breakaway rank).
 */
export type Dependency =
  | { kind: "local" }
  | { kind: "ranks" }
  | { kind: "name"; name: string; declaredIn: "ranks" | "volumes"; group: string }
  | { kind: "global" };

export interface CheckedDiagnostic {
  diagnostic: Diagnostic;
  items: readonly Item[];
  dependency: Dependency;
}

export interface ReportOptions {
  suggestion?: string | undefined;
  dependency?: Dependency;
  /** Further items the diagnostic is about (e.g. the first of two `currency` lines). */
  alsoAbout?: readonly Item[];
}

export class CheckContext {
  readonly found: CheckedDiagnostic[] = [];
  /** Rank names, lowest first, as declared (first declaration of a name wins). */
  readonly rankIndex = new Map<string, number>();
  readonly rankNames: string[] = [];
  readonly measureIndex = new Map<string, number>();
  readonly measureNames: string[] = [];
  /** Whether any ranks block / volume item exists: without one, every use would be "unknown". */
  hasRanksBlock = false;
  hasVolumes = false;
  /** The top-level item being checked; diagnostics are about it unless told otherwise. */
  currentItem: Item | null = null;

  report(code: Code, span: Span, message: string, options: ReportOptions = {}): void {
    const diagnostic: Diagnostic = { code, severity: severityOf(code), message, span };
    if (options.suggestion !== undefined) diagnostic.suggestion = options.suggestion;
    const items = [...(this.currentItem ? [this.currentItem] : []), ...(options.alsoAbout ?? [])];
    this.found.push({ diagnostic, items, dependency: options.dependency ?? { kind: "local" } });
  }

  /** Runs `check` with `item` as the current item. */
  within(item: Item, check: () => void): void {
    const outer = this.currentItem;
    this.currentItem = item;
    try {
      check();
    } finally {
      this.currentItem = outer;
    }
  }
}

/** The span of the first `length` characters of a node: its leading keyword. */
export function leadingSpan(node: Node, length: number): Span {
  const { start, line, column } = node.span;
  return { start, end: Math.min(start + length, node.span.end), line, column };
}

/** From the start of `first` to the end of `last` (both on the same logical construct). */
export function spanFromTo(first: Node, last: Node): Span {
  const { start, line, column } = first.span;
  return { start, end: Math.max(start, last.span.end), line, column };
}

/** "first on line 3" — where the earlier of two duplicates is. */
export function firstOnLine(node: Node): string {
  return `first on line ${node.span.line}`;
}

export function quoted(text: string): string {
  return `\`${text}\``;
}
