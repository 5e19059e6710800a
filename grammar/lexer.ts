/**
 * The lexer: chevrotain token types built from TOKEN_INFO (the single source of truth), and
 * `lexPlan`, which turns text into tokens plus lexical diagnostics (E001 unexpected character,
 * E002 unterminated string, E003 unknown escape, E004 decimal comma, E005 letters that look like
 * digits in a number, E006 an exponent like `1e3`, E007 a number of more than 30 digits). Comments and whitespace
 * are skipped.
 */
import { createToken, Lexer, type ILexingError, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex } from "./source.ts";
import { joinDecimalCommas } from "./decimalComma.ts";
import { joinDigitLookalikes } from "./digitLookalikes.ts";
import { joinExponents } from "./exponents.ts";
import { longNumbers } from "./numberDigits.ts";
import { decodeStringLiteral } from "./stringLiteral.ts";
import { showText } from "./showText.ts";
import { TOKEN_INFO, type TokenInfo } from "./tokenInfo.ts";

const WhiteSpace = createToken({
  name: "WhiteSpace",
  // No-break space and the byte order mark come in with text pasted from documents.
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

function buildTokenTypes(infos: readonly TokenInfo[]): Map<string, TokenType> {
  const byName = new Map<string, TokenType>();
  const nameInfo = infos.find((t) => t.category === "identifier");
  if (nameInfo === undefined) throw new Error("TOKEN_INFO has no identifier token");
  const nameType = createToken({ name: nameInfo.name, pattern: new RegExp(nameInfo.pattern), label: nameInfo.label });
  for (const info of infos) {
    if (info === nameInfo) {
      byName.set(info.name, nameType);
      continue;
    }
    const type = createToken({
      name: info.name,
      pattern: new RegExp(info.pattern),
      label: info.label,
      ...(info.category === "comment" ? { group: Lexer.SKIPPED } : {}),
      // keywords are whole words: `levels`, `level-x` and `Level` are names
      ...(info.category === "keyword" ? { longer_alt: nameType } : {}),
    });
    byName.set(info.name, type);
  }
  return byName;
}

const TOKEN_TYPES = buildTokenTypes(TOKEN_INFO);

/** The chevrotain token type of a TOKEN_INFO name; throws only on a programming error. */
export function tokenType(name: string): TokenType {
  const type = TOKEN_TYPES.get(name);
  if (type === undefined) throw new Error(`no token type ${name}`);
  return type;
}

/** Lexer order: whitespace first (most frequent), then TOKEN_INFO order. */
export const ALL_TOKEN_TYPES: readonly TokenType[] = [WhiteSpace, ...TOKEN_INFO.map((t) => tokenType(t.name))];

const lexer = new Lexer([...ALL_TOKEN_TYPES], {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
});

export interface LexResult {
  tokens: IToken[];
  diagnostics: Diagnostic[];
}

export function lexPlan(text: string, lines: LineIndex): LexResult {
  const result = lexer.tokenize(text);
  const stringType = tokenType("String");
  const stringDiagnostics: Diagnostic[] = [];
  for (const token of result.tokens) {
    // "onlyOffset" tracking leaves endOffset out; the parser's node locations need it
    token.endOffset = token.startOffset + token.image.length - 1;
    if (token.tokenType !== stringType) continue;
    stringDiagnostics.push(...stringProblems(token, lines));
  }
  const exponents = joinExponents(result.tokens, text, lines, tokenType("Percent"));
  const explained = (offset: number) => exponents.covered.some(([start, end]) => offset >= start && offset < end);
  const diagnostics = result.errors.filter((e) => !explained(e.offset)).map((e) => unexpectedCharacters(e, text, lines));
  diagnostics.push(...stringDiagnostics, ...exponents.diagnostics);
  const joined = joinDecimalCommas(exponents.tokens, lines);
  const digits = joinDigitLookalikes(joined.tokens, lines);
  const tooLong = longNumbers(digits.tokens, lines);
  return { tokens: digits.tokens, diagnostics: [...diagnostics, ...joined.diagnostics, ...digits.diagnostics, ...tooLong] };
}

function unexpectedCharacters(error: ILexingError, text: string, lines: LineIndex): Diagnostic {
  const start = error.offset;
  const end = Math.min(text.length, start + Math.max(1, error.length));
  const found = text.slice(start, end);
  const span = lines.span(start, end);
  if (/^%+$/.test(found)) {
    return {
      code: "E001",
      severity: "error",
      message: `unexpected \`${found}\`: a percentage is a number directly followed by \`%\`, like \`5%\``,
      span,
    };
  }
  if (/\p{L}/u.test(found)) {
    return {
      code: "E001",
      severity: "error",
      message: `names may only use the letters A-Z and a-z, digits, \`_\` and \`-\`: ${showText(found)} is not allowed`,
      span,
    };
  }
  const what = [...found].length === 1 ? "this character is" : "these characters are";
  const meant = LOOK_ALIKES[[...found][0] ?? ""];
  return {
    code: "E001",
    severity: "error",
    message: `${what} not part of the plan language: ${showText(found)}`,
    span,
    ...(meant === undefined ? {} : { suggestion: `write \`${meant}\`` }),
  };
}

/** Characters that word processors and keyboards put where the plan language has ASCII ones. */
const LOOK_ALIKES: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "“": '"',
  "”": '"',
  "„": '"',
  "«": '"',
  "»": '"',
  "'": '"',
  "‘": '"',
  "’": '"',
  "–": "-",
  "—": "-",
};

function stringProblems(token: IToken, lines: LineIndex): Diagnostic[] {
  const decoded = decodeStringLiteral(token.image);
  const problems: Diagnostic[] = [];
  for (const at of decoded.unknownEscapes) {
    const start = token.startOffset + at;
    const escape = token.image.slice(at, at + 2);
    problems.push({
      code: "E003",
      severity: "error",
      message: `unknown escape ${showText(escape)} in a text: only \`\\"\` and \`\\\\\` are allowed`,
      span: lines.span(start, start + escape.length),
    });
  }
  if (!decoded.terminated) {
    problems.push({
      code: "E002",
      severity: "error",
      message: "this text has no closing `\"`: a text in quotes must end on the same line",
      span: lines.span(token.startOffset, token.startOffset + token.image.length),
    });
  }
  return problems;
}
