import { describe, expect, it } from "vitest";
import type { Condition, Item } from "../../grammar/ast.ts";
import { parsePlan } from "../../grammar/parse.ts";

/** Parses a snippet that must be free of diagnostics and returns its only item. */
function onlyItem(text: string): Item {
  const { ast, diagnostics } = parsePlan(text);
  expect(diagnostics).toEqual([]);
  expect(ast.items).toHaveLength(1);
  return ast.items[0]!;
}

/** The span of the n-th occurrence (0-based) of `part` in `text`, as the parser must report it. */
function spanOf(text: string, part: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`no ${part}`);
  const before = text.slice(0, start);
  const line = before.split("\n").length;
  const column = start - (before.lastIndexOf("\n") + 1) + 1;
  return { start, end: start + part.length, line, column };
}

function condition(text: string): Condition {
  const item = onlyItem(`active when ${text}`);
  if (item.kind !== "Active") throw new Error(item.kind);
  return item.condition;
}

describe("top-level items", () => {
  it("plan header with and without version", () => {
    expect(onlyItem('plan "Vitalis Classic" version "2026.1"')).toEqual({
      kind: "PlanHeader",
      title: { value: "Vitalis Classic", span: { start: 5, end: 22, line: 1, column: 6 } },
      version: { value: "2026.1", span: { start: 31, end: 39, line: 1, column: 32 } },
      span: { start: 0, end: 39, line: 1, column: 1 },
    });
    expect(onlyItem('plan "A \\"quoted\\" \\\\ name"')).toMatchObject({ kind: "PlanHeader", title: { value: 'A "quoted" \\ name' } });
    expect(onlyItem('plan "Ümlaut — 計画"')).not.toHaveProperty("version");
  });

  it("currency, rounding, period, payout", () => {
    expect(onlyItem("currency EUR")).toEqual({
      kind: "Currency",
      code: { text: "EUR", span: { start: 9, end: 12, line: 1, column: 10 } },
      span: { start: 0, end: 12, line: 1, column: 1 },
    });
    expect(onlyItem("rounding half-even to 0.01")).toMatchObject({
      kind: "Rounding",
      mode: { text: "half-even" },
      unit: { text: "0.01", span: { start: 22, end: 26 } },
    });
    expect(onlyItem("rounding half-up")).not.toHaveProperty("unit");
    expect(onlyItem("period monthly")).toMatchObject({ kind: "Period", value: { text: "monthly" } });
    expect(onlyItem("payout minimum 10.00")).toMatchObject({ kind: "Payout", minimum: { text: "10.00" } });
  });

  it("volume declares a measure from a data figure", () => {
    const text = "\n\n  volume PV = points   # qualifying";
    expect(onlyItem(text)).toEqual({
      kind: "Volume",
      name: { text: "PV", span: { start: 11, end: 13, line: 3, column: 10 } },
      figure: { text: "points", span: { start: 16, end: 22, line: 3, column: 15 } },
      span: { start: 4, end: 22, line: 3, column: 3 },
    });
  });

  it("breakaway", () => {
    expect(onlyItem("breakaway at Manager")).toMatchObject({ kind: "Breakaway", rank: { text: "Manager", span: spanOf("breakaway at Manager", "Manager") } });
  });

  it("ranks: a rank without conditions, then ranks with conditions", () => {
    const text = "ranks {\n  Consultant\n  Junior: PV >= 50\n}";
    const item = onlyItem(text);
    if (item.kind !== "Ranks") throw new Error(item.kind);
    expect(item.span).toEqual({ start: 0, end: text.length, line: 1, column: 1 });
    expect(item.ranks[0]).toEqual({ name: { text: "Consultant", span: spanOf(text, "Consultant") }, span: spanOf(text, "Consultant") });
    expect(item.ranks[1]).toEqual({
      name: { text: "Junior", span: { start: 23, end: 29, line: 3, column: 3 } },
      condition: {
        kind: "Comparison",
        left: {
          kind: "VolumeFigure",
          figure: { text: "PV", span: { start: 31, end: 33, line: 3, column: 11 } },
          span: { start: 31, end: 33, line: 3, column: 11 },
        },
        op: ">=",
        right: { text: "50", span: { start: 37, end: 39, line: 3, column: 17 } },
        span: { start: 31, end: 39, line: 3, column: 11 },
      },
      span: { start: 23, end: 39, line: 3, column: 3 },
    });
  });

  it("keywords stay names when they are longer words or capitalised", () => {
    const item = onlyItem("ranks { Level levels Pool rate-x }");
    if (item.kind !== "Ranks") throw new Error(item.kind);
    expect(item.ranks.map((r) => r.name.text)).toEqual(["Level", "levels", "Pool", "rate-x"]);
  });
});

describe("bonuses", () => {
  it("level clauses with and without requires, and compression", () => {
    const text = 'bonus level "Ebenenbonus" on CV {\n  level 1: 5%\n  level 3: 2.5% requires Senior\n  compression\n}';
    const item = onlyItem(text);
    if (item.kind !== "Bonus") throw new Error(item.kind);
    expect(item.bonusKind).toEqual({ text: "level", span: spanOf(text, "level") });
    expect(item.title).toEqual({ value: "Ebenenbonus", span: spanOf(text, '"Ebenenbonus"') });
    expect(item.measure).toEqual({ text: "CV", span: spanOf(text, "CV") });
    expect(item.clauses).toEqual([
      {
        kind: "Level",
        level: { text: "1", span: spanOf(text, "1") },
        rate: { text: "5", span: spanOf(text, "5%") },
        span: spanOf(text, "level 1: 5%"),
      },
      {
        kind: "Level",
        level: { text: "3", span: spanOf(text, "3") },
        rate: { text: "2.5", span: { start: 59, end: 63, line: 3, column: 12 } },
        requires: { text: "Senior", span: spanOf(text, "Senior") },
        span: { start: 50, end: 79, line: 3, column: 3 },
      },
      { kind: "Compression", span: spanOf(text, "compression") },
    ]);
  });

  it("generation, differential rank rates, equal rank, fast start, pool", () => {
    const generation = onlyItem('bonus generation "G" on CV { generation 2: 5% requires Director }');
    expect(generation).toMatchObject({
      bonusKind: { text: "generation" },
      clauses: [{ kind: "Generation", generation: { text: "2" }, rate: { text: "5" }, requires: { text: "Director" } }],
    });
    const differential = onlyItem('bonus differential "D" on CV { Consultant: 5%   Junior: 10% }');
    expect(differential).toMatchObject({
      clauses: [
        { kind: "RankRate", rank: { text: "Consultant" }, rate: { text: "5" } },
        { kind: "RankRate", rank: { text: "Junior" }, rate: { text: "10" } },
      ],
    });
    expect(onlyItem('bonus equalrank "E" on CV { rate 3% from Manager }')).toMatchObject({
      clauses: [{ kind: "Rate", rate: { text: "3" }, from: { text: "Manager" } }],
    });
    expect(onlyItem('bonus faststart "F" on CV { within 60 days level 1: 20% }')).toMatchObject({
      clauses: [{ kind: "Within", days: { text: "60" } }, { kind: "Level", level: { text: "1" } }],
    });
    const poolText = 'bonus pool "W" on CV {\n  rate 2%\n  shares { Manager: 1  Director: 2 }\n}';
    const pool = onlyItem(poolText);
    if (pool.kind !== "Bonus") throw new Error(pool.kind);
    expect(pool.clauses[0]).toEqual({ kind: "Rate", rate: { text: "2", span: spanOf(poolText, "2%") }, span: spanOf(poolText, "rate 2%") });
    expect(pool.clauses[1]).toEqual({
      kind: "Shares",
      entries: [
        { rank: { text: "Manager", span: spanOf(poolText, "Manager") }, shares: { text: "1", span: spanOf(poolText, "1") }, span: spanOf(poolText, "Manager: 1") },
        { rank: { text: "Director", span: spanOf(poolText, "Director") }, shares: { text: "2", span: spanOf(poolText, "2", 1) }, span: spanOf(poolText, "Director: 2") },
      ],
      span: { start: 35, end: 69, line: 3, column: 3 },
    });
  });

  it("an unknown bonus kind is a name for the checker", () => {
    expect(onlyItem('bonus matrix "M" on CV { }')).toMatchObject({ kind: "Bonus", bonusKind: { text: "matrix" }, clauses: [] });
  });
});

describe("split and cancellation", () => {
  it("split with title, mode, measures and default share", () => {
    const text = 'split "Mentorenbonus" {\n  mode volume\n  measures PV, CV\n  default share 50%\n}';
    expect(onlyItem(text)).toEqual({
      kind: "Split",
      title: { value: "Mentorenbonus", span: spanOf(text, '"Mentorenbonus"') },
      clauses: [
        { kind: "SplitMode", mode: { text: "volume", span: spanOf(text, "volume") }, span: spanOf(text, "mode volume") },
        {
          kind: "SplitMeasures",
          measures: [
            { text: "PV", span: spanOf(text, "PV") },
            { text: "CV", span: spanOf(text, "CV") },
          ],
          span: spanOf(text, "measures PV, CV"),
        },
        { kind: "SplitDefaultShare", share: { text: "50", span: spanOf(text, "50%") }, span: spanOf(text, "default share 50%") },
      ],
      span: { start: 0, end: text.length, line: 1, column: 1 },
    });
    expect(onlyItem("split { mode commission }")).not.toHaveProperty("title");
  });

  it("cancellation with withdrawal, policy and the late canceller rule", () => {
    const text = "cancellation {\n  withdrawal 14 days after delivery\n  policy previous-rank\n  late canceller: hold 8 weeks, prepayment only\n}";
    const item = onlyItem(text);
    expect(item).toEqual({
      kind: "Cancellation",
      clauses: [
        { kind: "Withdrawal", days: { text: "14", span: spanOf(text, "14") }, span: spanOf(text, "withdrawal 14 days after delivery") },
        { kind: "Policy", policy: { text: "previous-rank", span: spanOf(text, "previous-rank") }, span: spanOf(text, "policy previous-rank") },
        {
          kind: "LateCanceller",
          holdWeeks: { text: "8", span: spanOf(text, "8") },
          prepaymentOnly: true,
          span: { start: 76, end: 121, line: 4, column: 3 },
        },
      ],
      span: { start: 0, end: text.length, line: 1, column: 1 },
    });
  });

  it("either part of the late canceller rule may be left out", () => {
    expect(onlyItem("cancellation { late canceller: prepayment only }")).toMatchObject({
      clauses: [{ kind: "LateCanceller", prepaymentOnly: true }],
    });
    const holdOnly = onlyItem("cancellation { late canceller: hold 2 weeks }");
    expect(holdOnly).toMatchObject({ clauses: [{ kind: "LateCanceller", holdWeeks: { text: "2" }, prepaymentOnly: false }] });
    const reversed = onlyItem("cancellation { late canceller: prepayment only, hold 3 weeks }");
    expect(reversed).toMatchObject({ clauses: [{ kind: "LateCanceller", holdWeeks: { text: "3" }, prepaymentOnly: true }] });
  });
});

describe("conditions", () => {
  it("`or` binds looser than `and`; chains are flat", () => {
    const c = condition("PV >= 1 and GV >= 2 and OV >= 3 or PV >= 4 or PV >= 5");
    expect(c.kind).toBe("Or");
    if (c.kind !== "Or") return;
    expect(c.operands.map((o) => o.kind)).toEqual(["And", "Comparison", "Comparison"]);
    const and = c.operands[0]!;
    expect(and.kind === "And" && and.operands.length).toBe(3);
    expect(c.span).toEqual({ start: 12, end: 65, line: 1, column: 13 });
    expect(and.span).toEqual({ start: 12, end: 43, line: 1, column: 13 });
  });

  it("`not` binds tightest and parentheses group", () => {
    const text = "not PV >= 1 and not (GV >= 2 or OV >= 3)";
    const c = condition(text);
    if (c.kind !== "And") throw new Error(c.kind);
    const [first, second] = c.operands;
    expect(first).toMatchObject({ kind: "Not", operand: { kind: "Comparison" }, span: { start: 12, end: 23 } });
    expect(second).toMatchObject({ kind: "Not", operand: { kind: "Or" }, span: { start: 28, end: 52 } });
    expect(condition("not not PV >= 1")).toMatchObject({ kind: "Not", operand: { kind: "Not", operand: { kind: "Comparison" } } });
  });

  it("every comparison operator", () => {
    for (const op of [">=", ">", "<=", "<", "=", "!="]) {
      expect(condition(`PV ${op} 1`)).toMatchObject({ kind: "Comparison", op });
    }
  });

  it("figures: volume of another measure, legs, frontline, and maxleg", () => {
    const text = "GV(CV) >= 4000 with maxleg 60% and legs(Senior) >= 2 and frontline(Junior) > 0";
    const c = condition(text);
    if (c.kind !== "And") throw new Error(c.kind);
    expect(c.operands[0]).toEqual({
      kind: "Comparison",
      left: {
        kind: "VolumeFigure",
        figure: { text: "GV", span: { start: 12, end: 14, line: 1, column: 13 } },
        measure: { text: "CV", span: { start: 15, end: 17, line: 1, column: 16 } },
        span: { start: 12, end: 18, line: 1, column: 13 },
      },
      op: ">=",
      right: { text: "4000", span: { start: 22, end: 26, line: 1, column: 23 } },
      maxleg: { text: "60", span: { start: 39, end: 42, line: 1, column: 40 } },
      span: { start: 12, end: 42, line: 1, column: 13 },
    });
    expect(c.operands[1]).toMatchObject({ left: { kind: "Legs", rank: { text: "Senior" }, span: { start: 47, end: 59 } } });
    expect(c.operands[2]).toMatchObject({ left: { kind: "Frontline", rank: { text: "Junior" } }, op: ">" });
  });
});

describe("a broken plan still yields the other items", () => {
  it("keeps items before and after a broken one, and leaves out what is missing", () => {
    const { ast, diagnostics } = parsePlan('currency EUR\nbonus level "L" on CV {\n  level 1: requires Senior\n  level 2: 5%\n}\npayout minimum 1');
    expect(diagnostics).toHaveLength(1);
    expect(ast.items.map((i) => i.kind)).toEqual(["Currency", "Bonus", "Payout"]);
    const bonus = ast.items[1]!;
    // `level 1:` has no rate, so it is left out rather than invented
    expect(bonus.kind === "Bonus" && bonus.clauses.map((c) => c.kind === "Level" && c.level.text)).toEqual(["2"]);
  });
});
