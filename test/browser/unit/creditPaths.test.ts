/**
 * The credit paths' money and rate text (playground/src/worker/creditPaths.ts) comes from the one
 * money interface (core/money.ts) and the one percent text (core/numbers.ts): the plan's money
 * decimals and rounding, never a fixed two decimals.
 */
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../../compiler/compile.ts";
import type { Dataset } from "../../../core/dataModel.ts";
import type { PlanIR } from "../../../core/ir.ts";
import { fractionOfPercentText, percentText } from "../../../core/numbers.ts";
import { creditPaths } from "../../../playground/src/worker/creditPaths.ts";
import { referenceEngine } from "../../../runtime/reference/engine.ts";
import { loadCase } from "../../runs/corpus.ts";

/** Order `2` of the numeric-ids case (chain 10 <- 9 <- P1 <- 100, 5 levels of 5%), on a plan possibly reworded. */
function pathsOfOrder2(plan: (text: string) => string) {
  const c = loadCase("numeric-ids");
  const ir: PlanIR | null = compilePlan(plan(PLAN)).ir;
  if (ir === null) throw new Error("the plan must compile");
  const data: Dataset = c.data;
  const outcome = referenceEngine.runThrough(ir, data, c.options);
  if (!outcome.ok) throw new Error(outcome.error.message);
  const sponsors = new Map(data.partners.map((p) => [p.id, p.sponsor]));
  const paths = creditPaths(ir, data, outcome.result.periods[0]!, "2026-10", "2", (id) => sponsors.get(id) ?? null);
  if (paths === null) throw new Error("order 2 must be found");
  return paths.portions[0]!;
}

const PLAN = `plan "Seed 5x5 levels" version "test"
currency EUR
rounding half-up to 0.01
period monthly
volume PV = points
volume CV = net
active when PV >= 0
ranks {
  Consultant
}
bonus level "Ebenenbonus" on CV {
  level 1: 5%
  level 2: 5%
  level 3: 5%
  level 4: 5%
  level 5: 5%
  compression
}
cancellation {
  withdrawal 14 days after delivery
  policy exact
}
payout minimum 0
`;

describe("credit paths' money text", () => {
  it("cents: the paid amounts, their total and the unpaid levels 4 and 5", () => {
    const portion = pathsOfOrder2((t) => t);
    expect(portion.nodes.map((n) => [n.partner, n.received])).toEqual([["100", "0.00"], ["P1", "5.00"], ["9", "5.00"], ["10", "5.00"]]);
    expect(portion.total).toBe("15.00");
    expect(portion.breakage).toEqual([
      "Ebenenbonus level 4: 5% = 5.00 unpaid — nobody on the path qualified for it",
      "Ebenenbonus level 5: 5% = 5.00 unpaid — nobody on the path qualified for it",
    ]);
  });

  it("whole units rounded down: every amount with the plan's decimals (none) and its rounding", () => {
    // 3.5% of 100.00 is 3.50: paid as 3 with `rounding down to 1`, and so is the unpaid share.
    const portion = pathsOfOrder2((t) => t.replace("rounding half-up to 0.01", "rounding down to 1").replaceAll("5%", "3.5%"));
    expect(portion.nodes.map((n) => n.received)).toEqual(["0", "3", "3", "3"]);
    expect(portion.total).toBe("9");
    expect(portion.breakage).toEqual([
      "Ebenenbonus level 4: 3.5% = 3 unpaid — nobody on the path qualified for it",
      "Ebenenbonus level 5: 3.5% = 3 unpaid — nobody on the path qualified for it",
    ]);
  });

  it("a rate's percent text and its fraction are inverse", () => {
    for (const fraction of ["0.05", "0.035", "0.0125", "1", "0"]) expect(fractionOfPercentText(percentText(fraction))).toBe(fraction);
  });
});
