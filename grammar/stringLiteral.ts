/**
 * Decoding of a double-quoted string token. The lexer accepts a string without its closing quote
 * (up to the end of the line) so that one missing quote is one diagnostic; this module says
 * whether the quote was there and resolves the two escapes the language has: `\"` and `\\`.
 */
export interface DecodedString {
  value: string;
  terminated: boolean;
  /** Offsets (relative to the token start) of backslashes that start an unknown escape. */
  unknownEscapes: number[];
}

export function decodeStringLiteral(image: string): DecodedString {
  let value = "";
  const unknownEscapes: number[] = [];
  // index 0 is the opening quote
  for (let i = 1; i < image.length; i++) {
    const ch = image[i]!;
    if (ch === '"') return { value, terminated: true, unknownEscapes };
    if (ch !== "\\") {
      value += ch;
      continue;
    }
    const next = image[i + 1];
    if (next === '"' || next === "\\") {
      value += next;
      i++;
    } else {
      // Keep the text as written: the diagnostic tells the designer, the value stays readable.
      unknownEscapes.push(i);
      value += ch;
    }
  }
  return { value, terminated: false, unknownEscapes };
}
