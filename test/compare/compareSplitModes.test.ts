/**
 * compareSplitModes on the data of test/reference/golden-commission.test.ts (fixtures.ts), figures
 * worked out by hand there and summed here (definitions in docs/semantics-decisions.md, "Comparisons").
 */
import { describe, expect, it } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { compareSplitModes, type SplitComparison } from "../../runtime/compare/index.ts";
import { agreement, levelBonus, partner, plan } from "../reference/builders.ts";
import { splitData, splitPlan } from "./fixtures.ts";

function compared(ir: PlanIR, data: Dataset, through: string): SplitComparison {
  const outcome = compareSplitModes(ir, data, through);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.comparison;
}

describe("volume against commission mode", () => {
  it("October: the supporter line earns 12.00 with volume splits and 7.00 with transfers; payout 55.00 both", () => {
    // Volume: A2 18.00, A1 15.00 | S 7.00, B1 5.00. Commission: A2 20 - 6 + 5 - 1 = 18.00,
    // A1 10 + 10 = 20.00 | S 6 + 1 = 7.00, B1 0.00. Both pay 55.00 (M 10.00 included).
    const c = compared(splitPlan, splitData, "2026-10");
    expect(c.modes.map((m) => [m.mode, m.recruiterLinesEarned, m.supporterLinesEarned, m.totalPayout])).toEqual([
      ["volume", "33.00", "12.00", "55.00"],
      ["commission", "38.00", "7.00", "55.00"],
    ]);
    const [volume, commission] = c.modes;
    expect(volume!.agreements[0]).toEqual({
      agreement: 0, member: "M", recruiter: "A2", supporter: "S",
      recruiterLine: { partners: [{ partner: "A2", rank: "Consultant", earned: "18.00" }, { partner: "A1", rank: "Consultant", earned: "15.00" }], earned: "33.00" },
      supporterLine: { partners: [{ partner: "S", rank: "Consultant", earned: "7.00" }, { partner: "B1", rank: "Consultant", earned: "5.00" }], earned: "12.00" },
    });
    expect(commission!.agreements.map((a) => [a.agreement, a.member, a.recruiter, a.supporter, a.recruiterLine.earned, a.supporterLine.earned])).toEqual([
      [0, "M", "A2", "S", "38.00", "7.00"],
      [1, "K", "A2", "S", "38.00", "7.00"],
    ]);
  });

  it("through November (exact): the clawbacks follow each mode's entries", () => {
    // Volume: A2 18 - 11 = 7.00, A1 15 - 11.50 = 3.50 | S 7 - 4 = 3.00, B1 5 - 3.50 = 1.50.
    // Commission: A2 18 - 11 = 7.00, A1 20 - 15 = 5.00 | S 7 - 4 = 3.00, B1 0.00.
    // November pays nothing (every balance negative): payout 55.00 both.
    const c = compared(splitPlan, splitData, "2026-11");
    expect(c.modes.map((m) => [m.mode, m.recruiterLinesEarned, m.supporterLinesEarned, m.totalPayout])).toEqual([
      ["volume", "10.50", "4.50", "55.00"],
      ["commission", "12.00", "3.00", "55.00"],
    ]);
    // K's agreement ended in October but was in force in a compared period: still listed.
    expect(c.modes[0]!.agreements.map((a) => a.member)).toEqual(["M", "K"]);
  });

  it("lists agreements in force in a compared period only, and none whose member has no recruiter", () => {
    // A member who is a top partner has no recruiter; an agreement from 2027-01 is not in force.
    const data = {
      ...splitData,
      partners: [...splitData.partners, partner("Z", null)],
      splits: [...splitData.splits, agreement(2, "Z", "S", "0.5"), agreement(3, "A1", "S", "0.5", { from: "2027-01" })],
    };
    expect(compared(splitPlan, data, "2026-10").modes[0]!.agreements.map((a) => a.agreement)).toEqual([0, 1]);
  });

  it("a plan without a split block has no split modes to compare", () => {
    const outcome = compareSplitModes(plan({ bonuses: [levelBonus(["0.1"])] }), splitData, "2026-10");
    expect(outcome.ok ? null : outcome.error.code).toBe("no-split-block");
  });
});
