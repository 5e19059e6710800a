/**
 * Bounds how deeply conditions nest before the parser sees them, so that a pathological input
 * (`((((((...` ten thousand deep, or ten thousand `not`s) gives one diagnostic (E013) instead of
 * a stack overflow in the recursive-descent parser or in anything that walks the AST later.
 *
 * Tokens beyond the limit are dropped: a too-deep parenthesis together with everything up to its
 * matching `)`, and extra `not`s of a run. The parse errors that this causes are in the same
 * item as the E013 and are filtered out with it.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";
import { ITEM_KEYWORDS, keywordTokenName } from "./tokenInfo.ts";

export const MAX_PARENTHESES = 50;
export const MAX_NOTS_IN_A_ROW = 50;

// Parentheses never span a block boundary or an item, so the count restarts there; this keeps an
// unclosed `(` early in a plan from making every later condition "too deep".
const RESETS = new Set(["LBrace", "RBrace", ...ITEM_KEYWORDS.map(keywordTokenName)]);

export function guardNesting(tokens: IToken[], lines: LineIndex): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const kept: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  let depth = 0;
  let skipUntilDepth = -1; // >= 0 while dropping a too-deep group
  let notsInARow = 0;
  let reportedNots = false;
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (RESETS.has(name)) {
      depth = 0;
      skipUntilDepth = -1;
    }
    if (skipUntilDepth >= 0) {
      if (name === "LParen") depth++;
      if (name === "RParen") depth--;
      if (depth <= skipUntilDepth) skipUntilDepth = -1;
      continue;
    }
    if (name === "LParen") {
      depth++;
      if (depth > MAX_PARENTHESES) {
        diagnostics.push({
          code: "E013",
          severity: "error",
          message: `this condition is nested too deeply: at most ${MAX_PARENTHESES} levels of parentheses are allowed`,
          span: lines.span(token.startOffset, token.startOffset + token.image.length),
        });
        skipUntilDepth = depth - 1;
        continue;
      }
    } else if (name === "RParen") {
      depth = Math.max(0, depth - 1);
    }
    if (name === "Not") {
      notsInARow++;
      if (notsInARow > MAX_NOTS_IN_A_ROW) {
        if (!reportedNots) {
          reportedNots = true;
          diagnostics.push({
            code: "E013",
            severity: "error",
            message: `too many \`not\` in a row: at most ${MAX_NOTS_IN_A_ROW} are allowed`,
            span: lines.span(token.startOffset, token.startOffset + token.image.length),
          });
        }
        continue;
      }
    } else {
      notsInARow = 0;
      reportedNots = false;
    }
    kept.push(token);
  }
  return { tokens: kept, diagnostics };
}
