/**
 * Parse errors in the plan designer's words.
 *
 * chevrotain builds its error messages through a provider while parsing; ours
 * (`structuredMessageProvider`) records what was expected as JSON instead of prose, and
 * `syntaxProblems` turns that, plus the tokens around the error, into a Diagnostic:
 * "expected a percentage like `5%` after `level 1:`". Codes (stable):
 *   E010 expected something (a token is missing or wrong)
 *   E011 unexpected token (something that does not belong here)
 *   E012 missing closing brace
 */
import { EOF, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic } from "./diagnostic.ts";
import type { LineIndex, Span } from "./source.ts";
import { closestWord } from "./closestWord.ts";
import { showText, visibleText } from "./showText.ts";
import { blockOf, CONDITION_WORDS, expectedPhrase, noViableAltPhrase } from "./syntaxPhrases.ts";
import { BONUS_KINDS, ITEM_KEYWORDS, keywordTokenName, TOKEN_INFO } from "./tokenInfo.ts";

type ErrorKind = "mismatch" | "noViableAlt" | "earlyExit" | "notAllInput";

interface ErrorPayload {
  kind: ErrorKind;
  /** Token type names that would have been accepted. */
  expected: string[];
  /** The grammar rule the parser was in. */
  rule: string;
}

function firstTokens(paths: TokenType[][]): string[] {
  const names = new Set<string>();
  for (const path of paths) {
    const first = path[0];
    if (first !== undefined) names.add(first.name);
  }
  return [...names];
}

function payload(kind: ErrorKind, expected: string[], rule: string): string {
  return JSON.stringify({ kind, expected, rule } satisfies ErrorPayload);
}

export const structuredMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) => payload("mismatch", [expected.name], ruleName),
  buildNotAllInputParsedMessage: ({ ruleName }) => payload("notAllInput", ["EOF"], ruleName),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    payload("noViableAlt", firstTokens(expectedPathsPerAlt.flat()), ruleName),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    payload("earlyExit", firstTokens(expectedIterationPaths), ruleName),
};

function readPayload(message: string): ErrorPayload {
  try {
    const parsed = JSON.parse(message) as ErrorPayload;
    if (Array.isArray(parsed.expected) && typeof parsed.rule === "string") return parsed;
  } catch {
    // fall through: a message we did not build (should not happen)
  }
  return { kind: "notAllInput", expected: [], rule: "" };
}

// ---------------------------------------------------------------------------------------------

const KEYWORD_TOKENS = new Set(TOKEN_INFO.filter((t) => t.category === "keyword").map((t) => t.name));
const TOKEN_WORDS = new Map(TOKEN_INFO.filter((t) => t.category === "keyword").map((t) => [t.name, t.pattern]));
const ITEM_TOKENS = new Set(ITEM_KEYWORDS.map(keywordTokenName));

/** Values written with a hyphen, which designers may write as two words. */
const HYPHENATED_VALUES = ["half-up", "half-even", "previous-rank"];

/** Keywords that start their own phrase even right after another keyword (`when legs(`). */
const PHRASE_STARTERS = new Set(["Legs", "Frontline", "Not"]);

export interface SyntaxProblem {
  diagnostic: Diagnostic;
  /** End offset of the text recovery skipped over because of this error (>= span.end). */
  recoveredUntil: number;
  /**
   * Where the error belongs for "one diagnostic per item": usually its own start; but when the
   * offending token is the next item's keyword or the end of the plan (a block left open), the
   * error belongs to the item before, so it is anchored at the previous token.
   */
  anchor: number;
}

interface ErrorContext {
  tokens: IToken[];
  text: string;
  lines: LineIndex;
}

export function syntaxProblems(errors: readonly IRecognitionException[], ctx: ErrorContext): SyntaxProblem[] {
  return errors.map((error) => describe(error, ctx));
}

function isEof(token: IToken | undefined): boolean {
  return token === undefined || token.tokenType === EOF || Number.isNaN(token.startOffset);
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Index of the first token starting at or after `offset`. */
function tokenIndexAt(tokens: IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spanOfToken(token: IToken | undefined, ctx: ErrorContext): Span {
  if (isEof(token)) {
    const n = ctx.text.length;
    return ctx.lines.span(Math.max(0, n - 1), n);
  }
  return ctx.lines.span(token!.startOffset, tokenEnd(token!));
}

/**
 * The words just before the error that say where we are: `level 1:`, `requires`, `active when`.
 * Walks back over the previous tokens and stops after the keyword that starts the phrase.
 */
function leadIn(tokens: IToken[], before: number): string | undefined {
  const parts: IToken[] = [];
  for (let i = before - 1; i >= 0 && parts.length < 6; i--) {
    const token = tokens[i]!;
    const name = token.tokenType.name;
    if (name === "LBrace" || name === "RBrace") break;
    parts.unshift(token);
    const previous = tokens[i - 1];
    const isKeyword = KEYWORD_TOKENS.has(name);
    const previousIsKeyword = previous !== undefined && KEYWORD_TOKENS.has(previous.tokenType.name);
    if (isKeyword && (!previousIsKeyword || PHRASE_STARTERS.has(name))) break;
    if (ITEM_TOKENS.has(name)) break;
  }
  if (parts.length === 0) return undefined;
  let out = "";
  parts.forEach((token, i) => {
    const name = token.tokenType.name;
    const prev = parts[i - 1];
    const glue =
      i === 0 || name === "Colon" || name === "Comma" || name === "RParen" || prev?.tokenType.name === "LParen" ||
      (name === "LParen" && prev !== undefined && ["Name", "Legs", "Frontline"].includes(prev.tokenType.name));
    out += (glue ? "" : " ") + token.image;
  });
  // keep the end, which is what the missing part follows: `…"Sehr langer Titel" on`
  const shown = visibleText(out, Infinity);
  return shown.length > MAX_LEAD_IN ? `…${shown.slice(shown.length - MAX_LEAD_IN + 1)}` : shown;
}

const MAX_LEAD_IN = 48;

function describe(error: IRecognitionException, ctx: ErrorContext): SyntaxProblem {
  const info = readPayload(error.message);
  const actual = isEof(error.token) ? undefined : error.token;
  const at = actual === undefined ? ctx.tokens.length : tokenIndexAt(ctx.tokens, actual.startOffset);
  const previous = ctx.tokens[at - 1];
  const beforePrevious = ctx.tokens[at - 2];
  const after = leadIn(ctx.tokens, at);
  const afterText = after === undefined ? "" : ` after \`${after}\``;
  const atEnd = actual === undefined ? ", but the plan ends here" : "";
  const lastSkipped = error.resyncedTokens?.[error.resyncedTokens.length - 1];
  const recoveredFrom = actual === undefined ? ctx.text.length : tokenEnd(actual);
  const startsNextItem = actual === undefined || ITEM_TOKENS.has(actual.tokenType.name);
  const recoveredUntil = Math.max(recoveredFrom, lastSkipped === undefined ? 0 : tokenEnd(lastSkipped));
  const result = (code: string, message: string, span: Span, suggestion?: string): SyntaxProblem => ({
    diagnostic: { code, severity: "error", message, span, ...(suggestion === undefined ? {} : { suggestion }) },
    recoveredUntil: Math.max(recoveredUntil, span.end),
    anchor: startsNextItem && previous !== undefined ? previous.startOffset : span.start,
  });
  const span = spanOfToken(actual, ctx);
  const expected = info.expected;
  const single = expected.length === 1 ? expected[0]! : undefined;

  // A misspelled keyword is the most common typo: say so, at the misspelled word.
  const typo = misspelledKeyword(info, actual, previous, beforePrevious);
  if (typo !== undefined) {
    return result("E011", `unknown word \`${typo.token.image}\``, spanOfToken(typo.token, ctx), `did you mean \`${typo.keyword}\`?`);
  }

  if (actual?.tokenType.name === "Name" && previous?.tokenType.name === "Name") {
    const joined = `${previous.image}-${actual.image}`;
    if (HYPHENATED_VALUES.includes(joined)) {
      const both = ctx.lines.span(previous.startOffset, tokenEnd(actual));
      return result("E011", `\`${previous.image} ${actual.image}\` is one word with a hyphen`, both, `did you mean \`${joined}\`?`);
    }
  }
  const missingColon = missingRankColon(info, actual, previous, beforePrevious);
  if (missingColon !== undefined) {
    return result("E010", `expected \`:\` after \`${missingColon.rank.image}\``, spanOfToken(missingColon.at, ctx));
  }
  if (info.kind === "mismatch" && single === "RParen" && info.rule === "primaryCondition") {
    const open = unclosedParen(ctx.tokens, at);
    if (open !== undefined) {
      const where = ctx.lines.position(open.startOffset);
      return result("E010", `expected \`)\` to close the \`(\` at line ${where.line}, column ${where.column}${atEnd}`, span);
    }
  }
  if (info.kind === "mismatch" && single === "RBrace") {
    const block = blockOf(info.rule);
    const blockName = block?.name ?? "block";
    if (actual === undefined || ITEM_TOKENS.has(actual.tokenType.name)) {
      return result("E012", `expected \`}\` to close the ${blockName}${atEnd}`, span);
    }
    if (info.rule === "splitItem" && actual.tokenType.name === "Name" && previous?.tokenType.name === "Name") {
      return result("E010", `expected \`,\` between the measures \`${previous.image}\` and \`${actual.image}\``, span);
    }
    const hint = block === undefined ? "" : `: expected ${block.hint}, or \`}\` to close it`;
    return result("E011", `unexpected ${showText(actual.image)} in the ${blockName}${hint}`, span);
  }
  if ((info.kind === "mismatch" && single === "EOF") || info.kind === "notAllInput") {
    if (actual === undefined) return result("E011", "unexpected end of the plan", span);
    if (actual.tokenType.name === "RBrace") {
      return result("E011", "unexpected `}`: there is no open block to close here", span);
    }
    return result(
      "E011",
      `unexpected ${showText(actual.image)}: expected a plan item such as \`ranks\`, \`bonus\` or \`cancellation\``,
      span,
    );
  }
  if (info.kind === "mismatch" && single === "LBrace") {
    const block = blockOf(info.rule);
    return result("E010", `expected \`{\` to open the ${block?.name ?? "block"}${atEnd}`, span);
  }
  if (info.kind === "mismatch" && single !== undefined) {
    const phrase = expectedPhrase(single, info.rule, previous, beforePrevious);
    return result("E010", `expected ${phrase}${afterText}${atEnd}`, span, valueSuggestion(single, actual, previous));
  }
  const phrase = noViableAltPhrase(info.rule, expected, previous, beforePrevious);
  return result("E010", `expected ${phrase}${afterText}${atEnd}`, span);
}

/**
 * `Junior PV >= 50` in a ranks list: without the colon, `PV` reads as the next rank and the
 * comparison operator is where parsing fails. Say what is missing, at the figure.
 */
function missingRankColon(
  info: ErrorPayload,
  actual: IToken | undefined,
  previous: IToken | undefined,
  beforePrevious: IToken | undefined,
): { rank: IToken; at: IToken } | undefined {
  if (info.rule !== "ranksItem" || actual === undefined || previous?.tokenType.name !== "Name") return undefined;
  const name = actual.tokenType.name;
  if (COMPARE_OPS.has(name) && beforePrevious?.tokenType.name === "Name") return { rank: beforePrevious, at: previous };
  if (["Legs", "Frontline", "Not", "LParen"].includes(name)) return { rank: previous, at: actual };
  return undefined;
}

const COMPARE_OPS = new Set(["GreaterEqual", "Greater", "LessEqual", "Less", "Equals", "NotEqual"]);

/** The `(` that is still open just before token index `at`. */
function unclosedParen(tokens: IToken[], at: number): IToken | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const name = tokens[i]!.tokenType.name;
    if (name === "RParen") depth++;
    else if (name === "LParen") {
      if (depth === 0) return tokens[i];
      depth--;
    } else if (ITEM_TOKENS.has(name) || name === "LBrace" || name === "RBrace") return undefined;
  }
  return undefined;
}

/** `5` where `5%` was expected and the like: suggest the fixed text. */
function valueSuggestion(expected: string, actual: IToken | undefined, previous: IToken | undefined): string | undefined {
  if (actual === undefined) return undefined;
  // `PV => 50` or `PV =< 50`
  if (previous?.tokenType.name === "Equals" && (actual.image === ">" || actual.image === "<")) {
    return `did you mean \`${actual.image}=\`?`;
  }
  if (expected === "Percent" && actual.tokenType.name === "Number") return `did you mean \`${actual.image}%\`?`;
  if (expected === "Number" && actual.tokenType.name === "Percent") return `did you mean \`${actual.image.slice(0, -1)}\`?`;
  return undefined;
}

/**
 * A name (the token at the error, or one of the two before it) that is one or two edits away from
 * a keyword that fits here: `compresion` in a bonus body, `annd` in a condition, `rnks` at the top.
 */
function misspelledKeyword(
  info: ErrorPayload,
  actual: IToken | undefined,
  previous: IToken | undefined,
  beforePrevious: IToken | undefined,
): { token: IToken; keyword: string } | undefined {
  const words = new Set<string>();
  for (const name of info.expected) {
    const word = TOKEN_WORDS.get(name);
    if (word !== undefined) words.add(word);
  }
  const block = blockOf(info.rule);
  block?.words.forEach((w) => words.add(w));
  if (info.rule === "plan") {
    // at the top level a misspelled `and` after a condition also ends up here
    ITEM_KEYWORDS.forEach((w) => words.add(w));
    CONDITION_WORDS.forEach((w) => words.add(w));
  }
  if (["rankDecl", "ranksItem", "activeItem", "condition", "andCondition", "comparison"].includes(info.rule)) {
    CONDITION_WORDS.forEach((w) => words.add(w));
  }
  if (info.rule === "bonusKind") BONUS_KINDS.forEach((w) => words.add(w));
  const candidates = [...words].sort();
  // look back no further than the start of the current item: a name in the item before is not
  // what went wrong here
  const nearby = [actual];
  if (actual === undefined || !ITEM_TOKENS.has(actual.tokenType.name)) {
    if (previous !== undefined && !ITEM_TOKENS.has(previous.tokenType.name)) nearby.push(previous, beforePrevious);
  }
  for (const token of nearby) {
    if (token === undefined || token.tokenType.name !== "Name") continue;
    const keyword = closestWord(token.image, candidates);
    if (keyword !== undefined) return { token, keyword };
  }
  return undefined;
}
