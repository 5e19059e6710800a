/**
 * `PV >= 5O` (letter O for zero) lexes as the number `5` followed by the name `O`, and the
 * parser then complains somewhere after it. This pass joins a number and a touching name made
 * only of digit look-alikes (O, o, I, l, and digits) into the number that was meant — same
 * length, so every span stays exact — and reports E005 on exactly that text.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";

const LOOKALIKE = /^[OoIl][OoIl0-9]*$/;

function asDigits(text: string): string {
  return text.replace(/[Oo]/g, "0").replace(/[Il]/g, "1");
}

export function joinDigitLookalikes(tokens: IToken[], lines: LineIndex): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const number = tokens[i]!;
    const name = tokens[i + 1];
    const glued =
      name !== undefined &&
      number.tokenType.name === "Number" &&
      name.tokenType.name === "Name" &&
      name.startOffset === number.startOffset + number.image.length &&
      LOOKALIKE.test(name.image);
    if (!glued) {
      out.push(number);
      continue;
    }
    const written = number.image + name.image;
    const meant = number.image + asDigits(name.image);
    out.push({ ...number, image: meant, endOffset: number.startOffset + meant.length - 1 });
    diagnostics.push({
      code: "E005",
      severity: "error",
      message: `\`${written}\` is not a number: it has letters that look like digits`,
      span: lines.span(number.startOffset, number.startOffset + written.length),
      suggestion: `did you mean \`${meant}\`?`,
    });
    i += 1;
  }
  return { tokens: out, diagnostics };
}
