/**
 * `GV >= 1e3` lexes as the number `1` followed by the name `e3`: without this pass the plan
 * checks clean with a new rank `e3` and a threshold of 1. The language has no exponents
 * (language.md), so this pass finds a number directly followed by `e`/`E`, optional sign,
 * digits (and maybe `%`), reports E006 on exactly that text with the number written out as the
 * suggestion, and replaces the pieces by one token of the number meant, so nothing else breaks.
 * The replacement keeps the written text's offsets (startOffset/endOffset), not its length.
 */
import type { IToken, TokenType } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";

const EXPONENT = /[eE]([+-]?)(\d+)(%?)/y;
/** Beyond this the written-out number is useless as a suggestion (and would be huge). */
const MAX_SHOWN_EXPONENT = 30;

export interface ExponentPass {
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /** Offsets [start, end) of rewritten text: lexing errors inside them (`+`, `%`) are explained. */
  covered: [number, number][];
}

/** `2.5`, 3 -> `2500`; `5`, -2 -> `0.05`. Exact digit shifting, no floating point. */
export function shiftDecimalPoint(mantissa: string, exponent: number): string {
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let text: string;
  if (point <= 0) text = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) text = digits + "0".repeat(point - digits.length);
  else text = digits.slice(0, point) + "." + digits.slice(point);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  text = text.replace(/^0+(?=\d)/, "");
  return text;
}

export function joinExponents(tokens: IToken[], text: string, lines: LineIndex, percentType: TokenType): ExponentPass {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const covered: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const number = tokens[i]!;
    if (number.tokenType.name !== "Number") {
      out.push(number);
      continue;
    }
    const after = number.startOffset + number.image.length;
    EXPONENT.lastIndex = after;
    const m = EXPONENT.exec(text);
    if (m === null) {
      out.push(number);
      continue;
    }
    const end = after + m[0].length;
    const [, sign = "", power = "", percent = ""] = m;
    const written = text.slice(number.startOffset, end);
    const exponent = Number(power) * (sign === "-" ? -1 : 1);
    const shown = Math.abs(exponent) <= MAX_SHOWN_EXPONENT;
    const meant = shown ? shiftDecimalPoint(number.image, exponent) : number.image;
    out.push({
      ...number,
      image: meant + percent,
      endOffset: end - 1,
      ...(percent ? { tokenType: percentType, tokenTypeIdx: percentType.tokenTypeIdx! } : {}),
    });
    diagnostics.push({
      code: "E006",
      severity: "error",
      message: `\`${written}\` is not a number in the plan language: numbers are written out, without exponents`,
      span: lines.span(number.startOffset, end),
      ...(shown ? { suggestion: `write \`${meant}${percent}\`` } : {}),
    });
    covered.push([number.startOffset, end]);
    while (i + 1 < tokens.length && tokens[i + 1]!.startOffset < end) i += 1;
  }
  return { tokens: out, diagnostics, covered };
}
