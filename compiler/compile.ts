/**
 * The compiler's entry point: plan text in, diagnostics and (when there is no error) the typed
 * IR out. Never throws, whatever the text.
 */
import type { PlanAst } from "../grammar/ast.ts";
import { parsePlan } from "../grammar/parse.ts";
import { compileParsed, internalError, type CompileResult } from "./compileParsed.ts";
import { planTooLarge } from "./planSize.ts";

export type { CompileResult } from "./compileParsed.ts";

export function compilePlan(text: string): CompileResult {
  const tooLarge = planTooLarge(text);
  if (tooLarge !== null) {
    return { ir: null, diagnostics: [tooLarge], ast: { kind: "Plan", items: [], span: { start: 0, end: 0, line: 1, column: 1 } } };
  }
  let parsed;
  try {
    parsed = parsePlan(text);
  } catch (e) {
    const ast: PlanAst = { kind: "Plan", items: [], span: { start: 0, end: text.length, line: 1, column: 1 } };
    return { ir: null, diagnostics: [internalError(e)], ast };
  }
  return compileParsed(text, parsed.ast, parsed.diagnostics);
}
