/**
 * The editor's colouring is generated from TOKEN_INFO. These tests run the generated rules the
 * way Monarch does (first rule matching at the position wins; an identifier whose word is in
 * `keywords` becomes a keyword) — the browser test checks the same in the real Monaco.
 */
import { describe, expect, it } from "vitest";
import { KEYWORDS, TOKEN_INFO } from "../../../grammar/tokenInfo.ts";
import { buildMonarchLanguage, type MonarchRule, type PlanMonarchLanguage } from "../../../playground/src/editor/monarch.ts";

const language = buildMonarchLanguage();

function resolve(rule: MonarchRule, word: string, lang: PlanMonarchLanguage): string {
  if (typeof rule.action === "string") return rule.action;
  const cases = rule.action.cases;
  return lang.keywords.includes(word) ? (cases["@keywords"] ?? "") : (cases["@default"] ?? "");
}

/** Tokenize one line as Monarch would with these rules: [text, token class] pairs, whitespace left out. */
function tokenize(line: string, lang: PlanMonarchLanguage = language): [string, string][] {
  const out: [string, string][] = [];
  let at = 0;
  while (at < line.length) {
    const rest = line.slice(at);
    let matched = false;
    for (const rule of lang.tokenizer.root) {
      const m = new RegExp(`^(?:${rule.regex.source})`).exec(rest);
      if (!m || m[0].length === 0) continue;
      const token = resolve(rule, m[0], lang);
      if (token !== "white") out.push([m[0], token]);
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) throw new Error(`no rule matches at ${at} in ${line}`);
  }
  return out;
}

describe("Monarch grammar generated from TOKEN_INFO", () => {
  it("lists exactly the language's keywords", () => {
    expect([...language.keywords].sort()).toEqual([...KEYWORDS].sort());
  });

  it.each(KEYWORDS.map((k) => [k]))("highlights `%s` as a keyword", (keyword) => {
    expect(tokenize(keyword)).toEqual([[keyword, "keyword"]]);
    expect(tokenize(`  ${keyword}  `)).toEqual([[keyword, "keyword"]]);
  });

  it("keeps words that only start with a keyword as identifiers, like the lexer", () => {
    for (const word of ["levels", "half-up", "level-x", "onward", "Senior", "shares2", "previous-rank"]) {
      expect(tokenize(word)).toEqual([[word, "identifier"]]);
    }
  });

  it("colours a whole plan line", () => {
    expect(tokenize('bonus level "Ebenenbonus" on CV { level 3: 5% requires Senior # paid deep')).toEqual([
      ["bonus", "keyword"],
      ["level", "keyword"],
      ['"Ebenenbonus"', "string"],
      ["on", "keyword"],
      ["CV", "identifier"],
      ["{", "delimiter"],
      ["level", "keyword"],
      ["3", "number"],
      [":", "delimiter"],
      ["5%", "number.percent"],
      ["requires", "keyword"],
      ["Senior", "identifier"],
      ["# paid deep", "comment"],
    ]);
    expect(tokenize("Manager: PV >= 100 and GV(CV) != 4000.5")).toEqual([
      ["Manager", "identifier"],
      [":", "delimiter"],
      ["PV", "identifier"],
      [">=", "operator"],
      ["100", "number"],
      ["and", "keyword"],
      ["GV", "identifier"],
      ["(", "delimiter"],
      ["CV", "identifier"],
      [")", "delimiter"],
      ["!=", "operator"],
      ["4000.5", "number"],
    ]);
  });

  it("marks characters the lexer rejects as invalid, one at a time", () => {
    expect(tokenize("PV $ 5")).toEqual([
      ["PV", "identifier"],
      ["$", "invalid"],
      ["5", "number"],
    ]);
  });

  it("has one rule per non-keyword token, in the lexer's order", () => {
    const expected = TOKEN_INFO.filter((t) => t.category !== "keyword").map((t) => t.pattern);
    const rules = language.tokenizer.root.slice(1, -1).map((r) => r.regex.source);
    expect(rules).toEqual(expected.map((p) => new RegExp(p).source));
  });

  it("follows a new keyword added to the token table", () => {
    const extended = buildMonarchLanguage([
      ...TOKEN_INFO.slice(0, 4),
      { name: "Cap", label: "`cap`", category: "keyword", pattern: "cap", hover: "a cap" },
      ...TOKEN_INFO.slice(4),
    ]);
    expect(tokenize("cap", extended)).toEqual([["cap", "keyword"]]);
    expect(tokenize("cap")).toEqual([["cap", "identifier"]]);
  });
});
