/**
 * German plan designers write `2,5%`. The lexer sees `2` `,` `5%`, which would give a confusing
 * "expected a percentage" error; instead this joins the three touching tokens into the number
 * that was meant (`2.5%`, same length, so every span stays exact) and reports E004 on it.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";

export function joinDecimalCommas(tokens: IToken[], lines: LineIndex): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const whole = tokens[i]!;
    const comma = tokens[i + 1];
    const fraction = tokens[i + 2];
    const touching =
      comma !== undefined &&
      fraction !== undefined &&
      whole.tokenType.name === "Number" &&
      !whole.image.includes(".") &&
      comma.tokenType.name === "Comma" &&
      comma.startOffset === whole.startOffset + whole.image.length &&
      (fraction.tokenType.name === "Number" || fraction.tokenType.name === "Percent") &&
      !fraction.image.includes(".") &&
      fraction.startOffset === comma.startOffset + 1;
    if (!touching) {
      out.push(whole);
      continue;
    }
    const written = `${whole.image},${fraction.image}`;
    const meant = `${whole.image}.${fraction.image}`;
    out.push({ ...fraction, image: meant, startOffset: whole.startOffset });
    diagnostics.push({
      code: "E004",
      severity: "error",
      message: `write decimals with a point: \`${meant}\`, not \`${written}\``,
      span: lines.span(whole.startOffset, whole.startOffset + written.length),
      suggestion: `did you mean \`${meant}\`?`,
    });
    i += 2;
  }
  return { tokens: out, diagnostics };
}
