/**
 * A number in a plan may have at most 30 digits (E007). The arithmetic is exact at 60
 * significant digits (core/decimal.ts); with every plan number and data figure within 30 digits
 * a product of two (a volume times a rate) is still exact, and nothing is rounded but the plan's
 * own rounding. Longer numbers used to lose digits silently.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";

export const MAX_NUMBER_DIGITS = 30;

export function longNumbers(tokens: readonly IToken[], lines: LineIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const token of tokens) {
    const kind = token.tokenType.name;
    if (kind !== "Number" && kind !== "Percent") continue;
    const digits = token.image.replace(/[^0-9]/g, "").length;
    if (digits <= MAX_NUMBER_DIGITS) continue;
    diagnostics.push({
      code: "E007",
      severity: "error",
      message: `this number has ${digits} digits; comp computes exactly with numbers of at most ${MAX_NUMBER_DIGITS} digits`,
      span: lines.span(token.startOffset, token.endOffset! + 1),
    });
  }
  return diagnostics;
}
