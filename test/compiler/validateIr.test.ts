/**
 * validateIr rejects what is not a PlanIR: wrong shapes and formats (the JSON Schema) and
 * broken references or invariants (irReferences.ts). Each case breaks one thing in a valid IR.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateIr } from "../../core/validateIr.ts";

const valid = compilePlan(readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8")).ir!;

/** A copy of the valid IR with one change; `any` because the change is meant to break the type. */
function broken(change: (ir: any) => void): unknown {
  const copy = structuredClone(valid);
  change(copy);
  return copy;
}

describe("validateIr", () => {
  test("accepts the compiled IR", () => {
    expect(validateIr(valid)).toEqual([]);
  });

  test("rejects values that are not objects", () => {
    for (const v of [null, 42, "plan", [], undefined]) expect(validateIr(v).length).toBeGreaterThan(0);
  });

  const schemaCases: [string, (ir: any) => void, string][] = [
    ["an unknown property", (ir) => (ir.extra = 1), "/: must NOT have additional properties (extra)"],
    ["another IR version", (ir) => (ir.irVersion = 2), "/irVersion: must be equal to constant"],
    ["a number instead of a decimal string", (ir) => (ir.payoutMinimum = 10), "/payoutMinimum: must be string"],
    ["a decimal with trailing zeros", (ir) => (ir.payoutMinimum = "10.00"), '/payoutMinimum: must match pattern "^(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$"'],
    ["an exponent", (ir) => (ir.rounding.unit = "1e-2"), "/rounding/unit: must match pattern"],
    ["a zero rounding unit", (ir) => (ir.rounding.unit = "0"), "/rounding/unit: must match pattern"],
    ["an unknown rounding mode", (ir) => (ir.rounding.mode = "banker"), "/rounding/mode: must be equal to one of the allowed values"],
    ["a rate above 1", (ir) => (ir.bonuses[0].levels[0].rate = "1.5"), "/bonuses/0/levels/0/rate: must match pattern"],
    ["a negative rank index", (ir) => (ir.breakaway = -1), "/breakaway: must be >= 0"],
    ["an unknown figure kind", (ir) => (ir.activity.figure.kind = "team"), "/activity/figure: must match exactly one schema in oneOf"],
    ["maxleg on legs()", (ir) => (ir.ranks[3].condition.operands[2].maxleg = "0.5"), "/ranks/3/condition/operands/2/figure/kind: must be equal to constant"],
    ["maxleg with <=", (ir) => (ir.ranks[3].condition.operands[1].op = "<="), "/ranks/3/condition/operands/1/op: must be equal to one of the allowed values"],
    ["a fractional leg count", (ir) => (ir.ranks[3].condition.operands[2].value = "2.5"), "/ranks/3/condition/operands/2/value: must match pattern"],
    ["an and of one operand", (ir) => (ir.ranks[2].condition.operands = [ir.ranks[2].condition.operands[0]]), "/ranks/2/condition/operands: must NOT have fewer than 2 items"],
    ["a zero pool share", (ir) => (ir.bonuses[5].shares[0].shares = "0"), "/bonuses/5/shares/0/shares: must match pattern"],
    ["zero fast-start days", (ir) => (ir.bonuses[4].withinDays = 0), "/bonuses/4/withinDays: must be >= 1"],
    ["a late canceller rule that does nothing", (ir) => (ir.cancellation.lateCanceller = { holdWeeks: null, prepaymentOnly: false }), "/cancellation/lateCanceller/prepaymentOnly: must be equal to constant"],
    ["a title with a line break", (ir) => (ir.name = "a\nb"), "/name: must match pattern"],
    ["a rank name that is not a name", (ir) => (ir.ranks[0].name = "Senior Partner"), "/ranks/0/name: must match pattern"],
    ["no ranks", (ir) => (ir.ranks = []), "/ranks: must NOT have fewer than 1 items"],
  ];
  for (const [what, change, problem] of schemaCases) {
    test(`schema: ${what}`, () => {
      const problems = validateIr(broken(change));
      expect(problems.some((p) => p.startsWith(problem)), problems.join("\n")).toBe(true);
    });
  }

  const referenceCases: [string, (ir: any) => void, string][] = [
    ["a rank index past the last rank", (ir) => (ir.breakaway = 5), "/breakaway: rank index 5 is out of range (5 ranks)"],
    ["a measure index past the last measure", (ir) => (ir.bonuses[0].measure = 2), "/bonuses/0/measure: measure index 2 is out of range (2 measures)"],
    ["a figure's rank out of range", (ir) => (ir.ranks[4].condition.operands[2].figure.rank = 9), "/ranks/4/condition/operands/2/figure: rank index 9 is out of range (5 ranks)"],
    ["a differential rate per rank missing", (ir) => ir.bonuses[1].rates.pop(), "/bonuses/1/rates: 4 rates for 5 ranks"],
    ["a falling differential rate", (ir) => (ir.bonuses[1].rates[2] = "0.01"), "/bonuses/1/rates/2: the rate falls as ranks rise"],
    ["an equal-rank bonus following the wrong bonus", (ir) => (ir.bonuses[3].differential = 0), "/bonuses/3/differential: must be 1, the index of the first differential bonus"],
    ["a generation bonus without breakaway", (ir) => (ir.breakaway = null), "/bonuses/2: a generation bonus needs a breakaway rank"],
    ["two ranks with one name", (ir) => (ir.ranks[1].name = "Consultant"), '/ranks: rank "Consultant" appears twice'],
    ["two bonuses with one name", (ir) => (ir.bonuses[1].name = "Ebenenbonus"), '/bonuses: bonus "Ebenenbonus" appears twice'],
    ["pool shares out of order", (ir) => ir.bonuses[5].shares.reverse(), "/bonuses/5/shares/1: ranks must ascend"],
  ];
  for (const [what, change, problem] of referenceCases) {
    test(`references: ${what}`, () => {
      expect(validateIr(broken(change))).toContain(problem);
    });
  }
});
