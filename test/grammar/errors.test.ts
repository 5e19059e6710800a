import { describe, expect, it } from "vitest";
import { parsePlan } from "../../grammar/parse.ts";

interface Case {
  text: string;
  code: string;
  /** line:column of the diagnostic's start */
  at: string;
  /** the text the span covers */
  covers: string;
  message: string;
  suggestion?: string;
}

const BONUS = 'bonus level "L" on CV';

const cases: Case[] = [
  { text: `${BONUS} {\n  level 1: 5\n}`, code: "E010", at: "2:12", covers: "5", message: "expected a percentage like `5%` after `level 1:`", suggestion: "did you mean `5%`?" },
  { text: `${BONUS} {\n  level 3: 5% requires\n}`, code: "E010", at: "3:1", covers: "}", message: "expected a rank name after `requires`" },
  { text: `${BONUS}\n  level 1: 5%\n}`, code: "E010", at: "2:3", covers: "level", message: "expected `{` to open the bonus body" },
  { text: "active when", code: "E010", at: "1:11", covers: "n", message: "expected a comparison like `PV >= 50` after `active when`, but the plan ends here" },
  { text: "active when not", code: "E010", at: "1:15", covers: "t", message: "expected a comparison like `PV >= 50` after `not`, but the plan ends here" },
  { text: "ranks {\n  Senior: PV >= 50 annd GV >= 1000\n}", code: "E011", at: "2:20", covers: "annd", message: "unknown word `annd`", suggestion: "did you mean `and`?" },
  { text: `${BONUS} {\n  level 1: 5%%\n}`, code: "E001", at: "2:14", covers: "%", message: "unexpected `%`: a percentage is a number directly followed by `%`, like `5%`" },
  { text: "currency $", code: "E001", at: "1:10", covers: "$", message: "this character is not part of the plan language: `$`" },
  { text: "ranks { Größe }", code: "E001", at: "1:11", covers: "öß", message: "names may only use the letters A-Z and a-z, digits, `_` and `-`: `öß` is not allowed" },
  { text: "rnks { A }", code: "E011", at: "1:1", covers: "rnks", message: "unknown word `rnks`", suggestion: "did you mean `ranks`?" },
  { text: `${BONUS} {\n  compresion\n}`, code: "E011", at: "2:3", covers: "compresion", message: "unknown word `compresion`", suggestion: "did you mean `compression`?" },
  { text: 'plan "Vitalis\ncurrency EUR', code: "E002", at: "1:6", covers: '"Vitalis', message: "this text has no closing `\"`: a text in quotes must end on the same line" },
  { text: 'plan "a\\q"', code: "E003", at: "1:8", covers: "\\q", message: "unknown escape `\\q` in a text: only `\\\"` and `\\\\` are allowed" },
  { text: "ranks {\n  A: PV >= 50\n\nbreakaway at A", code: "E012", at: "4:1", covers: "breakaway", message: "expected `}` to close the ranks list" },
  { text: "ranks { A: PV >= 50", code: "E012", at: "1:19", covers: "0", message: "expected `}` to close the ranks list, but the plan ends here" },
  { text: "ranks { A }\n}", code: "E011", at: "2:1", covers: "}", message: "unexpected `}`: there is no open block to close here" },
  { text: "split { measures PV CV }", code: "E010", at: "1:21", covers: "CV", message: "expected `,` between the measures `PV` and `CV`" },
  { text: "split { mode volume 50% }", code: "E011", at: "1:21", covers: "50%", message: "unexpected `50%` in the split block: expected `mode`, `measures` or `default share`, or `}` to close it" },
  { text: "cancellation { late canceller: hold 8 weeks, prepayment }", code: "E010", at: "1:57", covers: "}", message: "expected `only` after `prepayment`" },
  { text: "cancellation { late canceller: 5 }", code: "E010", at: "1:32", covers: "5", message: "expected `hold 8 weeks` or `prepayment only` after `late canceller:`" },
  { text: "cancellation { withdrawal 14 days after }", code: "E010", at: "1:41", covers: "}", message: "expected `delivery` after `days after`" },
  { text: "active when (PV >= 50 or (GV >= 1)", code: "E010", at: "1:34", covers: ")", message: "expected `)` to close the `(` at line 1, column 13, but the plan ends here" },
  { text: "active when legs(Senior >= 2", code: "E010", at: "1:25", covers: ">=", message: "expected `)` after `legs(Senior`" },
  { text: "active when PV => 50", code: "E010", at: "1:17", covers: ">", message: "expected a number like `50` after `active when PV =`", suggestion: "did you mean `>=`?" },
  { text: "active when legs(Senior) 2", code: "E010", at: "1:26", covers: "2", message: "expected a comparison operator (`>=`, `>`, `<=`, `<`, `=` or `!=`) after `legs(Senior)`" },
  { text: "active when GV >= 4000 with maxleg 60", code: "E010", at: "1:36", covers: "60", message: "expected a percentage like `5%` after `with maxleg`", suggestion: "did you mean `60%`?" },
  { text: "ranks { Junior PV >= 50 }", code: "E010", at: "1:16", covers: "PV", message: "expected `:` after `Junior`" },
  { text: `${BONUS} { level 1 5% }`, code: "E010", at: "1:33", covers: "5%", message: "expected `:` after `level 1`" },
  { text: 'bonus "x" on CV { }', code: "E010", at: "1:7", covers: '"x"', message: "expected a bonus kind (`level`, `differential`, `generation`, `equalrank`, `faststart` or `pool`) after `bonus`" },
  { text: "bonus level on CV { }", code: "E010", at: "1:13", covers: "on", message: 'expected the bonus title in double quotes, like `"Ebenenbonus"` after `bonus level`' },
  { text: "split { mode 5 }", code: "E010", at: "1:14", covers: "5", message: "expected a split mode (`volume` or `commission`) after `mode`" },
  { text: "payout minimum 10%", code: "E010", at: "1:16", covers: "10%", message: "expected an amount like `10.00` after `payout minimum`", suggestion: "did you mean `10`?" },
  { text: "volume PV points", code: "E010", at: "1:11", covers: "points", message: "expected `=` after `volume PV`" },
  { text: "breakaway Manager", code: "E010", at: "1:11", covers: "Manager", message: "expected `at` after `breakaway`" },
  { text: "plan", code: "E010", at: "1:4", covers: "n", message: "expected the plan's name in double quotes, like `\"Vitalis Classic\"` after `plan`, but the plan ends here" },
  { text: 'bonus pool "P" on CV { rate 2,5% }', code: "E004", at: "1:29", covers: "2,5%", message: "write decimals with a point: `2.5%`, not `2,5%`", suggestion: "did you mean `2.5%`?" },
  { text: "ranks { A: PV ≥ 50 }", code: "E001", at: "1:15", covers: "≥", message: "this character is not part of the plan language: `≥`", suggestion: "write `>=`" },
  { text: "plan “Vitalis”", code: "E001", at: "1:6", covers: "“", message: "this character is not part of the plan language: `“`", suggestion: 'write `"`' },
  { text: "rounding half up to 0.01", code: "E011", at: "1:10", covers: "half up", message: "`half up` is one word with a hyphen", suggestion: "did you mean `half-up`?" },
  { text: "ranks {\n  Senior: PV >= 50 und GV >= 1000\n}", code: "E011", at: "2:20", covers: "und", message: "unknown word `und`", suggestion: "did you mean `and`?" },
  { text: "active when " + "(".repeat(60) + "PV >= 1" + ")".repeat(60), code: "E013", at: "1:63", covers: "(", message: "this condition is nested too deeply: at most 50 levels of parentheses are allowed" },
];

describe("syntax errors read like the plan designer's own words", () => {
  for (const c of cases) {
    it(`${c.code} ${c.message}`, () => {
      const { diagnostics } = parsePlan(c.text);
      expect(diagnostics).toHaveLength(1);
      const [d] = diagnostics;
      expect(d!.code).toBe(c.code);
      expect(d!.severity).toBe("error");
      expect(d!.message).toBe(c.message);
      expect(`${d!.span.line}:${d!.span.column}`).toBe(c.at);
      expect(c.text.slice(d!.span.start, d!.span.end)).toBe(c.covers);
      expect(d!.suggestion).toBe(c.suggestion);
    });
  }

  it("never shows chevrotain's own wording", () => {
    for (const c of cases) {
      for (const d of parsePlan(c.text).diagnostics) {
        expect(d.message).not.toMatch(/Expecting|-->|token of type|EOF|\bPercent\b|\bLBrace\b/);
      }
    }
  });

  it("reports one diagnostic per broken item, each where it belongs", () => {
    const text = ["currency EUR", `${BONUS} {`, "  level 1: 5", "}", "ranks {", "  A: PV >== 5", "}", "payout minimum 10"].join("\n");
    const { diagnostics, ast } = parsePlan(text);
    expect(diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(["E010 3:12", "E010 6:11"]);
    expect(ast.items.map((i) => i.kind)).toEqual(["Currency", "Bonus", "Ranks", "Payout"]);
  });
});
