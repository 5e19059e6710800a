/**
 * comparePolicies on the spec's examples and small hand-computed data sets: every figure worked
 * out in the comments before running (definitions in docs/semantics-decisions.md, "Comparisons").
 */
import { describe, expect, it } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { comparePolicies, type PolicyComparison } from "../../runtime/compare/index.ts";
import { cancellation, chain, dataset, gvAtLeast, levelBonus, differentialBonus, order, partner, plan, pvAtLeast } from "../reference/builders.ts";
import { loadExample } from "../reference/harness.ts";

function compared(ir: PlanIR, data: Dataset, through: string): PolicyComparison {
  const outcome = comparePolicies(ir, data, through);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.comparison;
}

/** The scalar figures of each policy, in the order simple, previous-rank, exact. */
function totals(c: PolicyComparison): string[][] {
  return c.policies.map((p) => [p.policy, p.totalClawback, p.reclaimedFromOriginal, p.reclaimedFromOthers, p.unrecovered, p.carriedNegative, p.totalPayout]);
}

describe("example f: one late cancellation, three policies", () => {
  const { ir, data } = loadExample("f_late_cancel");
  const c = compared(ir, data, "2026-11");

  it("reclaims 15.00 / 25.00 / 45.00 of the 45.00 paid on O1, all from the partners paid on it", () => {
    // f_late_cancel.md: simple S1 -10 -5; previous-rank S1 -10 -10, N -5; exact S1 -40, N -5.
    // Payout: October 70.00 (N 5, S1 55, TOP 10), November TOP 6.00 -> 76.00 under every policy.
    expect(c.plan).toBe("Late cancellation");
    expect(c.through).toBe("2026-11");
    expect(totals(c)).toEqual([
      ["simple", "15.00", "15.00", "0.00", "0.00", "12.00", "76.00"],
      ["previous-rank", "25.00", "25.00", "0.00", "0.00", "22.00", "76.00"],
      ["exact", "45.00", "45.00", "0.00", "0.00", "42.00", "76.00"],
    ]);
    expect(c.policies.map((p) => p.negativeBalances)).toEqual([
      [{ partner: "S1", amount: "-12.00" }],
      [{ partner: "S1", amount: "-17.00" }, { partner: "N", amount: "-5.00" }],
      [{ partner: "S1", amount: "-37.00" }, { partner: "N", amount: "-5.00" }],
    ]);
    // November ranks are all Consultant with or without the -100 (S1 GV 60 or -40).
    expect(c.policies.map((p) => p.rankChanges)).toEqual([[], [], []]);
  });

  it("differences: S1 43.00 / 38.00 / 18.00 (spread 25.00), N 5.00 / 0.00 / 0.00; TOP earns 16.00 everywhere", () => {
    expect(c.differences).toEqual([
      { partner: "S1", earned: { simple: "43.00", "previous-rank": "38.00", exact: "18.00" }, spread: "25.00" },
      { partner: "N", earned: { simple: "5.00", "previous-rank": "0.00", exact: "0.00" }, spread: "5.00" },
    ]);
  });
});

describe("example h: the terminated partner's clawback", () => {
  const { ir, data } = loadExample("h_balances");
  const c = compared(ir, data, "2027-01");

  it("simple charges T alone (U is skipped by compression); previous-rank and exact charge U's 50.00 as unrecovered", () => {
    // simple: C1's -500.00 on B, U, T with November's activity: U terminated -> T is level 1:
    // -50.00 (T was paid 50.00 on O1: from the original partners). previous-rank (October's
    // activity) and exact: U -50.00 (unrecovered, carried forever), T -50.00.
    // T: November 30 - 50 = -20, December +25 -> 5 (< 10), January +10 -> 15 paid: total payout
    // 116.00 (October) + 15.00 = 131.00 under every policy.
    expect(totals(c)).toEqual([
      ["simple", "50.00", "50.00", "0.00", "0.00", "0.00", "131.00"],
      ["previous-rank", "100.00", "100.00", "0.00", "50.00", "50.00", "131.00"],
      ["exact", "100.00", "100.00", "0.00", "50.00", "50.00", "131.00"],
    ]);
    expect(c.policies.map((p) => p.negativeBalances)).toEqual([[], [{ partner: "U", amount: "-50.00" }], [{ partner: "U", amount: "-50.00" }]]);
    // U: 58.00 in October, then -50.00 except under simple; T: 58 - 20 + 25 + 10 = 73.00 everywhere.
    expect(c.differences).toEqual([{ partner: "U", earned: { simple: "58.00", "previous-rank": "8.00", exact: "8.00" }, spread: "50.00" }]);
  });
});

describe("reclaimed from partners who were not paid on the order", () => {
  it("simple charges today's active partners: A, inactive in October, pays back 10.00 it never received", () => {
    // Level 1 and 2 at 10% with compression; active when PV >= 50. T <- A <- B.
    // October: O1 B 100.00 / 100; T buys 50 / 50 (T active, A inactive). O1 on B, A, T: A is
    //   skipped, T is level 1: 10.00 (level 2: the path ends). Payout 10.00.
    // November: A buys 60 / 60, T 50 / 50; C1 (11-10) cancels O1. O2 (A) pays T 6.00.
    //   simple: B PV -100 (inactive), A active: clawback A level 1 -10.00 (not paid on O1), T
    //     level 2 -10.00 (paid): 20.00 = 10.00 original + 10.00 others; A -10, T 6 - 10 = -4.
    //   previous-rank: October's activity (A inactive): T level 1 -10.00. exact: T -10.00.
    const ir = plan({ activity: pvAtLeast("50"), bonuses: [levelBonus(["0.1", "0.1"])] });
    const data = dataset({
      partners: chain("T", "A", "B"),
      orders: [
        order("O1", "B", "2026-10-05", "100.00", "100"),
        order("OT1", "T", "2026-10-05", "50.00", "50"),
        order("O2", "A", "2026-11-05", "60.00", "60"),
        order("OT2", "T", "2026-11-05", "50.00", "50"),
      ],
      cancellations: [cancellation("C1", "O1", "2026-11-10")],
    });
    const c = compared(ir, data, "2026-11");
    expect(totals(c)).toEqual([
      ["simple", "20.00", "10.00", "10.00", "0.00", "14.00", "10.00"],
      ["previous-rank", "10.00", "10.00", "0.00", "0.00", "4.00", "10.00"],
      ["exact", "10.00", "10.00", "0.00", "0.00", "4.00", "10.00"],
    ]);
    expect(c.policies[0]!.negativeBalances).toEqual([{ partner: "A", amount: "-10.00" }, { partner: "T", amount: "-4.00" }]);
    expect(c.differences).toEqual([{ partner: "A", earned: { simple: "-10.00", "previous-rank": "0.00", exact: "0.00" }, spread: "10.00" }]);
  });
});

describe("rank changes against the run without the after-run cancellations", () => {
  it("simple demotes S and T in November (GV 300 - 100 = 200 < 300); the others change no rank", () => {
    // The data of golden-afterrun.test.ts "ranks, fast start and a partial cancellation".
    const ir = plan({
      ranks: [{ name: "Consultant", condition: null }, { name: "Senior", condition: gvAtLeast("300") }],
      bonuses: [levelBonus(["0.1"]), differentialBonus(["0.05", "0.1"])],
      cancellation: { withdrawalDays: 14, policy: "exact", lateCanceller: null },
    });
    const data = dataset({
      partners: [partner("T", null), partner("S", "T"), partner("N", "S", { joined: "2026-10-01" }), partner("D", "S"), partner("E", "S")],
      orders: [
        order("O1", "N", "2026-10-05", "100.00", "100"),
        order("O2", "D", "2026-10-10", "200.00", "200"),
        order("O3", "D", "2026-11-03", "150.00", "150"),
        order("O4", "E", "2026-11-04", "150.00", "150"),
      ],
      cancellations: [cancellation("C1", "O1", "2026-11-20")],
    });
    const c = compared(ir, data, "2026-11");
    expect(c.policies.map((p) => p.rankChanges)).toEqual([
      [
        { partner: "S", period: "2026-11", without: "Senior", with: "Consultant" },
        { partner: "T", period: "2026-11", without: "Senior", with: "Consultant" },
      ],
      [],
      [],
    ]);
  });
});

describe("refusals", () => {
  it("a refused run is the comparison's error: nothing is compared", () => {
    const { ir, data } = loadExample("f_late_cancel");
    expect(comparePolicies(ir, data, "2026-13")).toEqual({ ok: false, error: { code: "invalid-period", message: '"2026-13" is not a period (YYYY-MM)', details: [] } });
    expect(comparePolicies(ir, data, "2026-09")).toMatchObject({ ok: false, error: { code: "through-before-first-period" } });
  });
});
