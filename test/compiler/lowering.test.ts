/**
 * Lowering details the golden files do not isolate: defaults, canonical numbers, resolved
 * differential rates, level gaps, condition flattening, share order, equal-rank links.
 */
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import type { PlanIR } from "../../core/ir.ts";
import { validateIr } from "../../core/validateIr.ts";

const head = 'plan "T"\ncurrency EUR\nvolume PV = points\nvolume CV = net\n';
const ranks = "ranks {\n  A\n  B: PV >= 10\n  C: PV >= 20\n  D: PV >= 30\n}\n";

function compiled(text: string): PlanIR {
  const { ir, diagnostics } = compilePlan(text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(validateIr(ir)).toEqual([]);
  return ir!;
}

describe("lowering", () => {
  test("defaults from language.md when the plan leaves things out", () => {
    const ir = compiled(head + ranks + 'bonus level "L" on CV {\n  level 1: 5%\n}\n');
    expect(ir.version).toBeNull();
    expect(ir.rounding).toEqual({ mode: "half-up", unit: "0.01" });
    expect(ir.period).toBe("monthly");
    expect(ir.activity).toBeNull();
    expect(ir.breakaway).toBeNull();
    expect(ir.split).toBeNull();
    expect(ir.cancellation).toEqual({ withdrawalDays: 0, policy: "exact", lateCanceller: null });
    expect(ir.payoutMinimum).toBe("0");
  });

  test("a split without `mode` is a volume split; a rounding line without a unit keeps 0.01", () => {
    const ir = compiled(head + "rounding half-even\n" + ranks + "split {\n  measures CV, PV\n  default share 50%\n}\n");
    expect(ir.split).toEqual({ title: null, mode: "volume", measures: [0, 1], defaultShare: "0.5" });
    expect(ir.rounding).toEqual({ mode: "half-even", unit: "0.01" });
  });

  test("numbers become canonical decimal strings; percentages become exact fractions", () => {
    const ir = compiled(
      head +
        "rounding down to 0.050\n" +
        ranks +
        'bonus level "L" on CV {\n  level 1: 2.50%\n  level 2: 0.75%\n  level 3: 100%\n}\n' +
        "payout minimum 10.00\n",
    );
    expect(ir.rounding.unit).toBe("0.05");
    expect(ir.payoutMinimum).toBe("10");
    const level = ir.bonuses[0]!;
    expect(level.kind === "level" && level.levels.map((l) => l.rate)).toEqual(["0.025", "0.0075", "1"]);
  });

  test("differential: an unlisted rank has the rate of the nearest listed rank below, 0 below all", () => {
    const ir = compiled(head + ranks + 'bonus differential "S" on CV {\n  D: 30%\n  B: 10%\n}\n');
    const d = ir.bonuses[0]!;
    expect(d.kind === "differential" && d.rates).toEqual(["0", "0.1", "0.1", "0.3"]);
  });

  test("level gaps pay 0 and require nothing", () => {
    const ir = compiled(head + ranks + 'bonus level "L" on CV {\n  level 3: 5% requires C\n  level 1: 4%\n}\n');
    const l = ir.bonuses[0]!;
    expect(l.kind === "level" && l.levels).toEqual([
      { rate: "0.04", requires: null },
      { rate: "0", requires: null },
      { rate: "0.05", requires: 2 },
    ]);
  });

  test("conditions: chains are flattened however they are parenthesised; measures and ranks become indices", () => {
    const a = compiled(head + "active when (PV >= 1 and (GV(CV) > 2 and OV < 3)) and legs(C) >= 1\n" + ranks);
    const b = compiled(head + "active when PV >= 1 and GV(CV) > 2 and OV < 3 and legs(C) >= 1\n" + ranks);
    expect(a.activity).toEqual(b.activity);
    expect(a.activity).toEqual({
      kind: "and",
      operands: [
        { kind: "compare", figure: { kind: "personal", measure: 0 }, op: ">=", value: "1" },
        { kind: "compare", figure: { kind: "group", measure: 1 }, op: ">", value: "2" },
        { kind: "compare", figure: { kind: "open", measure: 0 }, op: "<", value: "3" },
        { kind: "compare", figure: { kind: "legs", rank: 2 }, op: ">=", value: "1" },
      ],
    });
  });

  test("or of ands, not, frontline and maxleg keep their structure", () => {
    const ir = compiled(head + "active when not PV < 5 or frontline(B) != 2 and GV >= 100 with maxleg 50%\n" + ranks);
    expect(ir.activity).toEqual({
      kind: "or",
      operands: [
        { kind: "not", operand: { kind: "compare", figure: { kind: "personal", measure: 0 }, op: "<", value: "5" } },
        {
          kind: "and",
          operands: [
            { kind: "compare", figure: { kind: "frontline", rank: 1 }, op: "!=", value: "2" },
            { kind: "compare", figure: { kind: "group", measure: 0 }, op: ">=", value: "100", maxleg: "0.5" },
          ],
        },
      ],
    });
  });

  test("pool shares in ascending rank order; equal rank points at the first differential bonus", () => {
    const ir = compiled(
      head +
        ranks +
        'bonus pool "P" on CV {\n  shares { D: 3  B: 1.5 }\n  rate 1%\n}\n' +
        'bonus equalrank "E" on CV {\n  rate 2%\n}\n' +
        'bonus differential "S1" on CV {\n  A: 1%  D: 9%\n}\n' +
        'bonus differential "S2" on PV {\n  A: 1%\n}\n',
    );
    expect(ir.bonuses[0]).toEqual({ kind: "pool", name: "P", measure: 1, rate: "0.01", shares: [{ rank: 1, shares: "1.5" }, { rank: 3, shares: "3" }] });
    expect(ir.bonuses[1]).toEqual({ kind: "equalrank", name: "E", measure: 1, rate: "0.02", minRank: 0, differential: 2 });
  });

  test("fast start, generation and the cancellation block", () => {
    const ir = compiled(
      head +
        ranks +
        "breakaway at C\n" +
        'bonus faststart "F" on CV {\n  level 2: 5% requires B\n  within 30 days\n  level 1: 20%\n}\n' +
        'bonus generation "G" on CV {\n  generation 1: 5%\n  generation 2: 3% requires D\n}\n' +
        "cancellation {\n  late canceller: prepayment only\n  policy simple\n}\n",
    );
    expect(ir.breakaway).toBe(2);
    expect(ir.bonuses[0]).toEqual({
      kind: "faststart",
      name: "F",
      measure: 1,
      withinDays: 30,
      levels: [
        { rate: "0.2", requires: null },
        { rate: "0.05", requires: 1 },
      ],
    });
    expect(ir.bonuses[1]).toEqual({
      kind: "generation",
      name: "G",
      measure: 1,
      generations: [
        { rate: "0.05", requires: null },
        { rate: "0.03", requires: 3 },
      ],
    });
    expect(ir.cancellation).toEqual({ withdrawalDays: 0, policy: "simple", lateCanceller: { holdWeeks: null, prepaymentOnly: true } });
  });

  test("the same text always lowers to byte-identical JSON", () => {
    const text = head + ranks + 'bonus differential "S" on CV {\n  D: 30%\n  B: 10%\n}\n';
    expect(JSON.stringify(compilePlan(text).ir)).toBe(JSON.stringify(compilePlan(text).ir));
  });

  test("a rank may count legs or frontline partners of itself or of a higher rank: no cycle", () => {
    const ir = compiled(head + "ranks {\n  A\n  B: legs(B) >= 2 or frontline(C) >= 1\n  C: PV >= 5\n}\n");
    expect(ir.ranks[1]!.condition).toEqual({
      kind: "or",
      operands: [
        { kind: "compare", figure: { kind: "legs", rank: 1 }, op: ">=", value: "2" },
        { kind: "compare", figure: { kind: "frontline", rank: 2 }, op: ">=", value: "1" },
      ],
    });
  });

  test("whole numbers may be written with zero decimals: `level 2.0`, `legs(C) >= 2.0`", () => {
    const ir = compiled(head + "active when legs(C) >= 2.0\n" + ranks + 'bonus level "L" on CV {\n  level 1: 1%\n  level 2.0: 2%\n}\n');
    expect(ir.activity).toEqual({ kind: "compare", figure: { kind: "legs", rank: 2 }, op: ">=", value: "2" });
    const l = ir.bonuses[0]!;
    expect(l.kind === "level" && l.levels.length).toBe(2);
  });

  test("maxleg applies to the group volume of any measure, with >= or >", () => {
    const ir = compiled(head + "active when GV(CV) > 100 with maxleg 50%\n" + ranks);
    expect(ir.activity).toEqual({ kind: "compare", figure: { kind: "group", measure: 1 }, op: ">", value: "100", maxleg: "0.5" });
  });

  test("items may come in any order: `breakaway at` before the ranks block", () => {
    const ir = compiled(head + "breakaway at C\n" + ranks);
    expect(ir.breakaway).toBe(2);
  });

  test("ranks and measures are separate namespaces: a rank may be called like a measure", () => {
    const ir = compiled(head + "ranks {\n  CV\n  PV: PV(CV) >= 10 and legs(CV) >= 1\n}\n" + 'bonus level "L" on CV {\n  level 1: 1% requires PV\n}\n');
    expect(ir.ranks[1]!.condition).toEqual({
      kind: "and",
      operands: [
        { kind: "compare", figure: { kind: "personal", measure: 1 }, op: ">=", value: "10" },
        { kind: "compare", figure: { kind: "legs", rank: 0 }, op: ">=", value: "1" },
      ],
    });
    expect(ir.bonuses[0]).toEqual({ kind: "level", name: "L", measure: 1, levels: [{ rate: "0.01", requires: 1 }], compression: false });
  });
});
