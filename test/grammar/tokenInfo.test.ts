import { describe, expect, it } from "vitest";
import { lexPlan } from "../../grammar/lexer.ts";
import { LineIndex } from "../../grammar/source.ts";
import { BONUS_KINDS, ITEM_KEYWORDS, KEYWORDS, TOKEN_INFO } from "../../grammar/tokenInfo.ts";

function lex(text: string): string[] {
  const { tokens, diagnostics } = lexPlan(text, new LineIndex(text));
  expect(diagnostics).toEqual([]);
  return tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe("TOKEN_INFO", () => {
  it("has unique names and patterns that compile", () => {
    const names = TOKEN_INFO.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const info of TOKEN_INFO) expect(() => new RegExp(info.pattern)).not.toThrow();
  });

  it("lists every keyword the brief names, each with a one-sentence hover", () => {
    const required = `plan version currency rounding to period volume active when ranks breakaway at bonus on level
      generation requires compression rate from within days shares split mode measures default share cancellation
      withdrawal after delivery policy late canceller hold weeks prepayment only payout minimum target and or not legs
      frontline with maxleg differential equalrank faststart pool`.split(/\s+/);
    expect([...KEYWORDS].sort()).toEqual([...new Set(required)].sort());
    const keywordInfos = TOKEN_INFO.filter((t) => t.category === "keyword");
    expect(keywordInfos.map((t) => t.pattern).sort()).toEqual([...KEYWORDS].sort());
    for (const info of keywordInfos) {
      expect(info.hover, info.name).toMatch(/^[A-Z`].*\.$/);
      expect(info.label).toBe(`\`${info.pattern}\``);
    }
    expect(keywordInfos.find((t) => t.pattern === "compression")!.hover).toBe("Inactive partners are skipped and do not count as a level.");
  });

  it("bonus kinds and item keywords are keywords", () => {
    expect(BONUS_KINDS).toEqual(["level", "differential", "generation", "equalrank", "faststart", "pool"]);
    for (const word of [...BONUS_KINDS, ...ITEM_KEYWORDS]) expect(KEYWORDS).toContain(word);
  });

  it("the lexer follows it: keywords are whole lower-case words, everything else is a name", () => {
    for (const info of TOKEN_INFO.filter((t) => t.category === "keyword")) {
      expect(lex(info.pattern)).toEqual([`${info.name}:${info.pattern}`]);
      expect(lex(`${info.pattern}x`)).toEqual([`Name:${info.pattern}x`]);
      expect(lex(`${info.pattern}-x`)).toEqual([`Name:${info.pattern}-x`]);
      expect(lex(info.pattern.toUpperCase())).toEqual([`Name:${info.pattern.toUpperCase()}`]);
    }
    expect(lex('on only share shares 2.5% 10.00 half-up "a \\" b" >= != # note')).toEqual([
      "On:on", "Only:only", "Share:share", "Shares:shares", "Percent:2.5%", "Number:10.00", "Name:half-up",
      'String:"a \\" b"', "GreaterEqual:>=", "NotEqual:!=",
    ]);
  });

  it("each pattern matches the examples of its category", () => {
    const samples: Record<string, string[]> = {
      Name: ["PV", "previous-rank", "half_even", "R2"],
      Number: ["50", "0.01", "10.00"],
      Percent: ["5%", "2.5%", "0.75%"],
      String: ['"Vitalis Classic"', '"a \\"quoted\\" word"'],
      Comment: ["# a comment"],
    };
    for (const [name, texts] of Object.entries(samples)) {
      const info = TOKEN_INFO.find((t) => t.name === name)!;
      for (const text of texts) expect(new RegExp(`^(?:${info.pattern})$`).test(text), `${name} ${text}`).toBe(true);
    }
  });
});
