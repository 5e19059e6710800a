/** Issue 11, item 1: `GV >= 1e3` was read as `GV >= 1` plus a new rank `e3`; now E006 with the number meant. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { shiftDecimalPoint } from "../../grammar/exponents.ts";
import { parsePlan } from "../../grammar/parse.ts";

const classic = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

describe("exponents in plan numbers (E006)", () => {
  it("`Senior: GV >= 1e3` is refused with one diagnostic that suggests 1000", () => {
    const text = classic.replace("Senior:   PV >= 50 and GV >= 1000", "Senior:   PV >= 50 and GV >= 1e3");
    expect(text).not.toBe(classic);
    const { ir, diagnostics } = compilePlan(text);
    expect(ir).toBeNull();
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe("E006");
    expect(d.message).toBe("`1e3` is not a number in the plan language: numbers are written out, without exponents");
    expect(d.suggestion).toBe("write `1000`");
    expect(text.slice(d.span.start, d.span.end)).toBe("1e3");
  });

  it.each([
    ["active when PV >= 2.5E3", "2.5E3", "write `2500`"],
    ["active when PV >= 1e+3", "1e+3", "write `1000`"],
    ["active when PV >= 5e-2", "5e-2", "write `0.05`"],
  ])("%s: E006 on exactly the number", (text, covers, suggestion) => {
    const { diagnostics } = parsePlan(text);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.suggestion])).toEqual([["E006", covers, suggestion]]);
  });

  it("a percentage with an exponent is one diagnostic, not a stray `%`", () => {
    const text = 'bonus level "L" on CV {\n  level 1: 5e0%\n}';
    const { diagnostics } = parsePlan(text);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.suggestion])).toEqual([["E006", "5e0%", "write `5%`"]]);
  });

  it("a huge exponent is refused without writing out a thousand zeros", () => {
    const { diagnostics } = parsePlan("active when PV >= 1e999999");
    expect(diagnostics.map((d) => d.code)).toEqual(["E006"]);
    expect(diagnostics[0]!.suggestion).toBeUndefined();
  });

  it("shifts the decimal point exactly", () => {
    expect(shiftDecimalPoint("1", 3)).toBe("1000");
    expect(shiftDecimalPoint("2.5", 1)).toBe("25");
    expect(shiftDecimalPoint("0.5", 2)).toBe("50");
    expect(shiftDecimalPoint("12.34", -3)).toBe("0.01234");
    expect(shiftDecimalPoint("7", 0)).toBe("7");
  });
});
