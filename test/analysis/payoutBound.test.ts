/** The payout bound's figures and reasoning on the bundled plans, and `payout target`. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { payoutBound } from "../../compiler/analysis/payoutBound.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { printIr } from "../../core/printIr.ts";
import { validateIr } from "../../core/validateIr.ts";

const plan = (name: string) => new URL(`../../plans/${name}.plan`, import.meta.url);
const irOf = (text: string) => {
  const { ir, diagnostics } = compilePlan(text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return ir!;
};

describe("payout bound", () => {
  it("vitalis-classic: 108% of CV, bonus by bonus", () => {
    const bound = payoutBound(irOf(readFileSync(plan("vitalis-classic"), "utf8")));
    expect(bound.measures.map((m) => [m.measure, m.percent])).toEqual([["PV", "0%"], ["CV", "108%"]]);
    expect(bound.bonuses.map((b) => [b.bonus, b.percent, b.entriesPerPortion])).toEqual([
      ["Ebenenbonus", "25%", 5],
      ["Differenzbonus", "35%", 5],
      ["Managerbonus", "15%", 3],
      ["Stufengleich", "6%", 2],
      ["Fast Start", "25%", 2],
      ["Weltpool", "2%", 1],
    ]);
    expect(bound.bonuses[3]!.reasoning).toBe(
      "equal-rank bonus: one payment per differential earner of rank Manager or higher; earners' rates strictly rise, so there are at most 2 (the distinct differential rates from Manager up): 3% × 2 = 6%",
    );
    expect(bound.splits).toMatch(/^splits never add: /);
    // 17 entries per portion, two portions: 34 × 0.005.
    expect(bound.rounding).toMatchObject({ perEntry: "0.005", entriesPerOrder: 34, perOrder: "0.17" });
    expect(bound.target).toBeNull();
  });

  it("stairstep-breakaway: equal rates count once for the equal-rank bonus", () => {
    const bound = payoutBound(irOf(readFileSync(plan("stairstep-breakaway"), "utf8")));
    expect(bound.measures.find((m) => m.measure === "CV")!.percent).toBe("36%");
    expect(bound.bonuses.find((b) => b.kind === "equalrank")!.percent).toBe("2%");
    expect(bound.splits).toBeNull();
  });

  it("rounding: up adds a unit at most, down nothing", () => {
    const text = readFileSync(plan("unilevel-essentials"), "utf8");
    expect(payoutBound(irOf(text)).rounding.perOrder).toBe("0.045");
    expect(payoutBound(irOf(text.replace("half-even to 0.01", "up to 0.05"))).rounding).toMatchObject({ perEntry: "0.05", perOrder: "0.45" });
    expect(payoutBound(irOf(text.replace("half-even to 0.01", "down to 0.01"))).rounding.perOrder).toBe("0");
  });

  it("`payout target` goes into the IR, prints back and drives the target line", () => {
    const text = readFileSync(plan("unilevel-essentials"), "utf8") + "payout target 62.5%\n";
    const ir = irOf(text);
    expect(ir.payoutTarget).toBe("0.625");
    expect(validateIr(ir)).toEqual([]);
    expect(printIr(ir)).toContain("payout minimum 25\npayout target 62.5%\n");
    expect(compilePlan(printIr(ir)).ir).toEqual(ir);
    expect(payoutBound(ir).target).toEqual({ share: "0.625", percent: "62.5%", exceeded: false });
    expect(compilePlan(text).diagnostics).toEqual([]);
  });
});

describe("comp check shows the bound", () => {
  it("text: per measure, per bonus with the reasoning, splits and rounding", () => {
    const out = runCli(["check", plan("vitalis-classic").pathname]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("  CV: at most 108% of an order's CV\n");
    expect(out.stdout).toContain("    Differenzbonus  35%  differential bonus: each earner gets only the difference to what was paid below, and the walk stops at the highest rate, so at most the highest rate (35%, Director)\n");
    expect(out.stdout).toContain("  splits never add: a split order is divided");
    expect(out.stdout).toContain("rounding half-up to 0.01 adds at most half a unit (0.005) per entry");
  });

  it("--json carries the bound", () => {
    const out = runCli(["check", plan("stairstep-breakaway").pathname, "--json"]);
    const doc = JSON.parse(out.stdout);
    expect(doc.payoutBound.measures).toEqual([
      { measure: "PV", share: "0", percent: "0%", bonuses: [] },
      { measure: "CV", share: "0.36", percent: "36%", bonuses: ["Stairstep", "Generation Royalty", "Matching Manager", "Executive Pool"] },
    ]);
  });
});
