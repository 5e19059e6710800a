/**
 * The comparison's bottom line (docs/semantics-decisions.md, "Comparison bottom line"): net cost
 * per policy and its difference from the plan's policy, the unrecovered loss apart from the
 * carried negative balances, and who pays back how much. Figures worked out from the examples'
 * hand computations (see comparePolicies.test.ts for the runs they come from).
 */
import { describe, expect, it } from "vitest";
import { bottomLinesOf, comparisonOf, replayPolicies, type PolicyBottomLines } from "../../runtime/compare/index.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal } from "../../core/decimal.ts";
import { loadExample } from "../reference/harness.ts";

function bottom(ir: PlanIR, data: Dataset, through: string): PolicyBottomLines {
  const replayed = replayPolicies(ir, data, through);
  if (!replayed.ok) throw new Error(JSON.stringify(replayed.error));
  return bottomLinesOf(ir, data, replayed.runs);
}

const row = (b: PolicyBottomLines) =>
  b.bottomLines.map((l) => [l.policy, l.totalPayout, l.carriedPositive, l.owedByActive, l.owedByTerminated, l.unrecovered, l.terminatedOtherBalance, l.netCost, l.differenceFromPlan]);

describe("example h: a terminated partner's clawback is a loss, not a receivable", () => {
  const { ir, data } = loadExample("h_balances");
  const b = bottom(ir, data, "2027-01");

  it("keeps U's 50.00 apart: owed by a terminated partner = the unrecovered clawback, nothing else", () => {
    // Payout 131.00 under every policy; nothing is carried positive at the end (T was paid 15.00
    // in January). simple charges only T (paid back from later earnings): no balance left.
    // previous-rank and exact: U (terminated) ends at -50.00, exactly its unrecovered clawback.
    // Net cost = payout + carried positive - owed by active partners = 131.00 everywhere: U's
    // -50.00 is never recovered, so the clawback of U saves the company nothing.
    expect(b.periods).toEqual(["2026-10", "2026-11", "2026-12", "2027-01"]);
    expect(row(b)).toEqual([
      ["simple", "131.00", "0.00", "0.00", "0.00", "0.00", "0.00", "131.00", "0.00"],
      ["previous-rank", "131.00", "0.00", "0.00", "50.00", "50.00", "0.00", "131.00", "0.00"],
      ["exact", "131.00", "0.00", "0.00", "50.00", "50.00", "0.00", "131.00", "0.00"],
    ]);
  });

  it("lists who pays back what under each policy", () => {
    expect(b.clawbacks).toEqual([
      { partner: "T", terminated: false, paidBack: { simple: "50.00", "previous-rank": "50.00", exact: "50.00" } },
      { partner: "U", terminated: true, paidBack: { simple: "0.00", "previous-rank": "50.00", exact: "50.00" } },
    ]);
  });

  it("total earned + owed by terminated partners = net cost (the identity the page shows)", () => {
    for (const l of b.bottomLines) expect(new Decimal(l.totalEarned).plus(l.owedByTerminated).toFixed(2)).toBe(l.netCost);
  });
});

describe("example f: active partners' debts are netted from their future earnings", () => {
  const { ir, data } = loadExample("f_late_cancel");
  const replayed = replayPolicies(ir, data, "2026-11");
  if (!replayed.ok) throw new Error("example f refused");
  const b = bottomLinesOf(ir, data, replayed.runs);

  it("net cost = 76.00 paid − what S1 and N still owe; the difference is against the plan's policy", () => {
    // comparePolicies.test.ts: payout 76.00; carried negative simple S1 -12; previous-rank S1 -17,
    // N -5; exact S1 -37, N -5. Nobody is terminated, nothing is carried positive.
    // Net cost: simple 76 - 12 = 64.00, previous-rank 76 - 22 = 54.00, exact 76 - 42 = 34.00.
    expect(ir.cancellation.policy).toBe(b.planPolicy);
    const cost = Object.fromEntries(b.bottomLines.map((l) => [l.policy, l.netCost]));
    expect(cost).toEqual({ simple: "64.00", "previous-rank": "54.00", exact: "34.00" });
    const plan = cost[b.planPolicy]!;
    for (const l of b.bottomLines) expect(new Decimal(l.netCost).minus(plan).toFixed(2)).toBe(l.differenceFromPlan);
    expect(b.bottomLines.map((l) => l.owedByTerminated)).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("the replays give the same comparison as comparePolicies", () => {
    expect(comparisonOf(ir, data, "2026-11", replayed.runs).policies.map((p) => p.totalClawback)).toEqual(["15.00", "25.00", "45.00"]);
  });

  it("reports progress per run and period without changing a figure", () => {
    const seen: string[] = [];
    const again = replayPolicies(ir, data, "2026-11", (run, i, runs, period, p, periods) => seen.push(`${i + 1}/${runs} ${run} ${period} ${p + 1}/${periods}`));
    expect(again.ok).toBe(true);
    expect(seen).toEqual([
      "1/4 without the after-run cancellations 2026-10 1/2",
      "1/4 without the after-run cancellations 2026-11 2/2",
      "2/4 simple 2026-10 1/2",
      "2/4 simple 2026-11 2/2",
      "3/4 previous-rank 2026-10 1/2",
      "3/4 previous-rank 2026-11 2/2",
      "4/4 exact 2026-10 1/2",
      "4/4 exact 2026-11 2/2",
    ]);
  });
});
