/**
 * The editor's syntax colouring, generated from grammar/tokenInfo.ts TOKEN_INFO — the same
 * table the lexer is built from, so a new keyword or token cannot be forgotten here.
 *
 * Monarch tries rules in order and the first one that matches wins, which is the lexer's order
 * too. Keywords are the one exception (tokenInfo.ts explains it): a keyword only counts as a
 * whole word, so keywords get no rule of their own; the identifier rule matches the whole word
 * and its `cases` turn the words listed in `keywords` into keyword tokens.
 *
 * Pure data, no Monaco import: unit tests read the rules directly.
 */
import { TOKEN_INFO, type TokenInfo } from "../../../runtime/surface.ts";

export const PLAN_LANGUAGE_ID = "comp-plan";

export type MonarchAction = string | { cases: Record<string, string> };

export interface MonarchRule {
  regex: RegExp;
  action: MonarchAction;
}

/** The subset of Monaco's IMonarchLanguage this grammar uses (assignable to it). */
export interface PlanMonarchLanguage {
  defaultToken: string;
  tokenPostfix: string;
  keywords: string[];
  tokenizer: { root: MonarchRule[] };
}

/** Token class per category; Monaco themes colour these names. */
export function tokenClass(category: TokenInfo["category"]): string {
  switch (category) {
    case "keyword":
      return "keyword";
    case "identifier":
      return "identifier";
    case "string":
      return "string";
    case "number":
      return "number";
    case "percent":
      return "number.percent";
    case "operator":
      return "operator";
    case "punctuation":
      return "delimiter";
    case "comment":
      return "comment";
    default: {
      const unknown: never = category;
      throw new Error(`token category without a class: ${String(unknown)}`);
    }
  }
}

export function buildMonarchLanguage(tokens: readonly TokenInfo[] = TOKEN_INFO): PlanMonarchLanguage {
  const keywords = tokens.filter((t) => t.category === "keyword").map((t) => t.pattern);
  const keywordSet = new Set(keywords);
  const rules: MonarchRule[] = [{ regex: /[ \t\r\n]+/, action: "white" }];
  for (const token of tokens) {
    if (token.category === "keyword") continue;
    const regex = new RegExp(token.pattern);
    if (token.category === "identifier" && keywordSet.size > 0) {
      rules.push({ regex, action: { cases: { "@keywords": tokenClass("keyword"), "@default": tokenClass("identifier") } } });
    } else {
      rules.push({ regex, action: tokenClass(token.category) });
    }
  }
  // Anything the lexer would reject (`$`, `;`, a lone `!`) is shown as invalid, one character
  // at a time, so the rest of the line keeps its colours.
  rules.push({ regex: /./, action: "invalid" });
  return {
    defaultToken: "invalid",
    tokenPostfix: ".plan",
    keywords,
    tokenizer: { root: rules },
  };
}
