/** Golden runs of rank qualification: legs, frontline, the max-leg rule, split legs, the credit graph. */
import { describe, expect, it } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import { agreement, compare, dataset, gvAtLeast, legsAtLeast, order, partner, plan, pvAtLeast } from "./builders.ts";
import { period, run, volumesOf } from "./harness.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";

const consultant = { name: "Consultant", condition: null };

describe("max-leg rule: GV >= 1000 with maxleg 60% (at most 600 from any one leg)", () => {
  // X has two legs: L1 with 800 points, L2 with 300. X's own PV varies.
  function rankOfX(maxleg: string | undefined, ownPoints: string): string | null {
    const ir = plan({ ranks: [consultant, { name: "Manager", condition: gvAtLeast("1000", maxleg) }] });
    const data = dataset({
      partners: [partner("X", null), partner("L1", "X"), partner("L2", "X")],
      orders: [
        order("O1", "L1", "2026-10-05", "0", "800"),
        order("O2", "L2", "2026-10-05", "0", "300"),
        ...(ownPoints === "0" ? [] : [order("O3", "X", "2026-10-05", "0", ownPoints)]),
      ],
    });
    return period(run(ir, data, { through: "2026-10" }), "2026-10").ranks["X"]!;
  }

  it("qualifies without the cap (GV 800 + 300 = 1100) but not with it (600 + 300 = 900)", () => {
    expect(rankOfX(undefined, "0")).toBe("Manager");
    expect(rankOfX("0.6", "0")).toBe("Consultant");
  });

  it("counts the partner's own PV in full (100 + 600 + 300 = 1000)", () => {
    expect(rankOfX("0.6", "100")).toBe("Manager");
  });
});

describe("legs and frontline", () => {
  // Y has frontline L1 and L2; L1's child G and L2 are Managers (PV >= 1000).
  const ranks: PlanIR["ranks"] = [
    consultant,
    { name: "Manager", condition: pvAtLeast("1000") },
    { name: "Director", condition: legsAtLeast(1, 2) },
    { name: "Frontliner", condition: compare({ kind: "frontline", rank: 1 }, ">=", "2") },
  ];
  const data = dataset({
    partners: [partner("Y", null), partner("L1", "Y"), partner("L2", "Y"), partner("G", "L1")],
    orders: [order("O1", "G", "2026-10-05", "0", "1000"), order("O2", "L2", "2026-10-05", "0", "1000")],
  });

  it("legs(Manager) counts both legs (one Manager two levels down); frontline(Manager) only L2", () => {
    // Y: legs(Manager) = 2 -> Director; frontline(Manager) = 1 -> not Frontliner.
    // L1: legs(Manager) = 1 (G) -> Consultant.
    const oct = period(run(plan({ ranks }), data, { through: "2026-10" }), "2026-10");
    expect(oct.ranks).toEqual({ G: "Manager", L1: "Consultant", L2: "Manager", Y: "Director" });
  });
});

describe("partner-member splits and ranks", () => {
  // S supports partner member M (in another tree) with 100% of PV. M buys 1000 points.
  // S's sponsored child C has 300 points. Manager: GV >= 1000 with maxleg 60%.
  // M is listed after S, so only the credit-graph order (M before S) gets S's figures right.
  const ir = plan({
    ranks: [consultant, { name: "Manager", condition: gvAtLeast("1000", "0.6") }],
    breakaway: 1,
    split: { title: null, mode: "volume", measures: [0], defaultShare: "0.5" },
  });
  const data = dataset({
    partners: [partner("S", null), partner("C", "S"), partner("A", null), partner("M", "A")],
    splits: [agreement(0, "M", "S", "1")],
    orders: [order("OM", "M", "2026-10-05", "0", "1000"), order("OC", "C", "2026-10-05", "0", "300")],
  });

  it("the member is a leg of its supporter, capped like any leg", () => {
    // S: GV = 1000 (via M) + 300 (via C) = 1300, but capped 600 + 300 = 900 < 1000: Consultant.
    // M keeps its full PV 1000: Manager. A gets the recruiter portion, weight 0 for PV.
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.ranks).toEqual({ A: "Consultant", C: "Consultant", M: "Manager", S: "Consultant" });
    // M is a manager, so it owns the supporter portion as open volume: S's OV is only C's 300.
    expect(volumesOf(oct, "PV")).toEqual({ A: "0/0/0", C: "300/300/300", M: "1000/1000/1000", S: "0/1300/300" });
  });

  it("agreements that close a circle together are refused, naming them", () => {
    // Tree 1: A <- M1 <- S2; tree 2: B <- M2 <- S1. Agreements M1 -> S1 and M2 -> S2 are each valid
    // (no supporter in its member's downline), but M1 -> S1 -> M2 -> S2 -> M1 is a circle.
    const circular = dataset({
      partners: [partner("A", null), partner("M1", "A"), partner("S2", "M1"), partner("B", null), partner("M2", "B"), partner("S1", "M2")],
      splits: [agreement(0, "M1", "S1", "0.5"), agreement(1, "M2", "S2", "0.5", { from: "2026-10" })],
      orders: [order("O1", "M1", "2026-10-05", "0", "100")],
    });
    const outcome = runThrough(ir, circular, { through: "2026-10" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("credit-cycle");
    expect(outcome.error.details).toEqual(["splits[0]: member M1, supporter S1", "splits[1]: member M2, supporter S2"]);
  });

  it("the same agreements are fine in a period where only one of them is in force", () => {
    const oneInForce = dataset({
      partners: [partner("A", null), partner("M1", "A"), partner("S2", "M1"), partner("B", null), partner("M2", "B"), partner("S1", "M2")],
      splits: [agreement(0, "M1", "S1", "0.5"), agreement(1, "M2", "S2", "0.5", { from: "2026-11" })],
      orders: [order("O1", "M1", "2026-10-05", "0", "100")],
    });
    // M1's supporter portion (50) flows M1 -> S1 -> M2 -> B.
    const oct = period(run(ir, oneInForce, { through: "2026-10" }), "2026-10");
    expect(volumesOf(oct, "PV")).toMatchObject({ M1: "100/100/100", A: "0/50/50", S1: "0/50/50", M2: "0/50/50", B: "0/50/50" });
  });
});
