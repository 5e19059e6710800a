/**
 * The public entry of the front end: plan text -> AST + diagnostics. Never throws, whatever the
 * input: lexing, parsing and recovery report problems as diagnostics, and an unexpected internal
 * failure becomes one E099 diagnostic with an empty plan.
 */
import type { CstNode } from "chevrotain";
import type { PlanAst } from "./ast.ts";
import { sortDiagnostics, type Diagnostic } from "./diagnostic.ts";
import { nodesOf } from "./cstAccess.ts";
import { filterDiagnostics } from "./diagnosticFilter.ts";
import { cstToAst } from "./fromCst.ts";
import { lexPlan } from "./lexer.ts";
import { guardNesting } from "./nestingGuard.ts";
import { parseTokens } from "./parser.ts";
import { LineIndex } from "./source.ts";
import { syntaxProblems } from "./syntaxErrors.ts";

export interface ParseResult {
  ast: PlanAst;
  diagnostics: Diagnostic[];
}

export function parsePlan(text: string): ParseResult {
  const source = typeof text === "string" ? text : String(text);
  const lines = new LineIndex(source);
  try {
    const lexed = lexPlan(source, lines);
    const guarded = guardNesting(lexed.tokens, lines);
    const { cst, errors } = parseTokens(guarded.tokens);
    const problems = syntaxProblems(errors, { tokens: guarded.tokens, text: source, lines });
    const diagnostics = filterDiagnostics([...lexed.diagnostics, ...guarded.diagnostics], problems, itemStarts(cst));
    return { ast: cstToAst(cst, lines), diagnostics: sortDiagnostics(diagnostics) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ast: { kind: "Plan", items: [], span: lines.span(0, source.length) },
      diagnostics: [
        {
          code: "E099",
          severity: "error",
          message: `internal error while reading the plan (please report it): ${reason}`,
          span: lines.span(0, Math.min(1, source.length)),
        },
      ],
    };
  }
}

function itemStarts(plan: CstNode): number[] {
  const starts: number[] = [];
  for (const item of nodesOf(plan, "item")) {
    const start = item.location?.startOffset;
    if (start !== undefined && !Number.isNaN(start)) starts.push(start);
  }
  return starts;
}
