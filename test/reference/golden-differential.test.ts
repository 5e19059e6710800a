/** Golden runs of the differential, equal-rank and generation bonuses, computed by hand. */
import { describe, expect, it } from "vitest";
import type { BonusIR, PlanIR } from "../../core/ir.ts";
import type { Partner } from "../../core/dataModel.ts";
import { chain, CV, dataset, differentialBonus, order, partner, plan, pvAtLeast, tier } from "./builders.ts";
import { earned, ledgerLines, period, run, volumesOf } from "./harness.ts";

// Ranks by own points: Consultant (none), Senior PV >= 20, Manager PV >= 30, Director PV >= 40.
const RANKS: PlanIR["ranks"] = [
  { name: "Consultant", condition: null },
  { name: "Senior", condition: pvAtLeast("20") },
  { name: "Manager", condition: pvAtLeast("30") },
  { name: "Director", condition: pvAtLeast("40") },
];
const POINTS = { Consultant: "0", Senior: "20", Manager: "30", Director: "40" } as const;
const DIFFERENTIAL = differentialBonus(["0.05", "0.15", "0.25", "0.35"], CV, "Diff");
const EQUAL_RANK: BonusIR = { kind: "equalrank", name: "Equal", measure: CV, rate: "0.03", minRank: 2, differential: 0 };

/**
 * A chain from the buyer X (a Consultant buying net 1000.00) upwards; `upline` lists the partners
 * above X, nearest first, with their rank (set by their own points, net 0) and whether they are
 * terminated (inactive).
 */
function stairstep(upline: [string, keyof typeof POINTS, "terminated"?][]) {
  const top = [...upline].reverse();
  const partners: Partner[] = top.map(([id, , t], i) =>
    partner(id, i === 0 ? null : top[i - 1]![0], t ? { status: "terminated", terminated: null } : {}),
  );
  partners.push(partner("X", upline[0]![0]));
  const orders = [order("OX", "X", "2026-10-05", "1000.00", "0"), ...upline.map(([id, r]) => order(`O${id}`, id, "2026-10-05", "0", POINTS[r]))];
  const oct = period(run(plan({ ranks: RANKS, bonuses: [DIFFERENTIAL, EQUAL_RANK] }), dataset({ partners, orders }), { through: "2026-10" }), "2026-10");
  return oct;
}

describe("differential", () => {
  it("a stairstep pays in total the highest rate on the path (35%)", () => {
    // X Consultant 5% = 50.00; A Senior 15-5 = 10% = 100.00; B Manager 25-15 = 100.00;
    // C Director 35-25 = 100.00; D Director: top rate reached, the walk stopped. 350.00 = 35%.
    const oct = stairstep([["A", "Senior"], ["B", "Manager"], ["C", "Director"], ["D", "Director"]]);
    expect(ledgerLines(oct).filter((l) => l.includes("Diff"))).toEqual([
      "X Diff OX/recruiter/0 50.00",
      "A Diff OX/recruiter/1 100.00",
      "B Diff OX/recruiter/2 100.00",
      "C Diff OX/recruiter/3 100.00",
    ]);
    expect(oct.ledger.filter((e) => e.kind === "differential").map((e) => e.rate)).toEqual(["5%", "10%", "10%", "10%"]);
    expect(oct.breakage).toEqual([]);
  });

  it("an ineligible partner is passed over and its difference moves up; short of the top rate is breakage", () => {
    // X 5% = 50.00; A Manager terminated: passed over; B Senior 15-5 = 100.00; nobody above:
    // 35% - 15% = 20% x 1000 = 200.00 not reached.
    const oct = stairstep([["A", "Manager", "terminated"], ["B", "Senior"]]);
    expect(ledgerLines(oct)).toEqual(["X Diff OX/recruiter/0 50.00", "B Diff OX/recruiter/2 100.00"]);
    expect(oct.breakage).toEqual([{ bonus: "Diff", amount: "200.00", reason: "top rate not reached on the credit path" }]);
  });
});

describe("equal rank (3% from Manager), along the differential walk", () => {
  it("a lower rank in between is passed over; the top-rate earner's search goes on above", () => {
    // Walk: X 5% (Consultant, below the minimum rank: no equal-rank search), A Manager 20% = 200.00,
    // B Senior (lower: passed over), C Manager = A's equal: 3% = 30.00, D Director 10% = 100.00
    // (top rate), E Director = D's equal above the stop: 30.00.
    const oct = stairstep([["A", "Manager"], ["B", "Senior"], ["C", "Manager"], ["D", "Director"], ["E", "Director"]]);
    expect(ledgerLines(oct)).toEqual([
      "X Diff OX/recruiter/0 50.00",
      "A Diff OX/recruiter/1 200.00",
      "D Diff OX/recruiter/4 100.00",
      "C Equal OX/recruiter/3 30.00",
      "E Equal OX/recruiter/5 30.00",
    ]);
  });

  it("an inactive equal neither receives nor blocks", () => {
    // A Manager earns 20%; B Manager terminated: skipped; C Manager: A's equal, 30.00.
    const oct = stairstep([["A", "Manager"], ["B", "Manager", "terminated"], ["C", "Manager"]]);
    expect(ledgerLines(oct).filter((l) => l.includes("Equal"))).toEqual(["C Equal OX/recruiter/3 30.00"]);
  });

  it("an eligible higher rank ends the search; once per earner", () => {
    // A Manager 20%; B Director 10% ends A's search (C, a Manager above B, gets nothing for A);
    // B's search: C Manager lower, passed over; D Director: B's equal 30.00; F Director above D:
    // nothing (once per earner).
    const oct = stairstep([["A", "Manager"], ["B", "Director"], ["C", "Manager"], ["D", "Director"], ["F", "Director"]]);
    expect(ledgerLines(oct).filter((l) => l.includes("Equal"))).toEqual(["D Equal OX/recruiter/4 30.00"]);
    expect(earned(oct)).toEqual({ X: "50.00", A: "200.00", B: "100.00", D: "30.00" });
  });

  it("an earner below the minimum rank starts no search", () => {
    // A Senior 10% = 100.00, B Senior above it: Senior < Manager, no equal-rank bonus.
    const oct = stairstep([["A", "Senior"], ["B", "Senior"]]);
    expect(oct.ledger.filter((e) => e.kind === "equalrank")).toEqual([]);
  });
});

describe("generation bonus", () => {
  // Consultant, Manager (PV >= 100), breakaway Manager; 3 generations x 5% on CV.
  const ir = plan({
    ranks: [{ name: "Consultant", condition: null }, { name: "Manager", condition: pvAtLeast("100") }],
    breakaway: 1,
    bonuses: [{ kind: "generation", name: "Gen", measure: CV, generations: [tier("0.05"), tier("0.05"), tier("0.05")] }],
  });
  // G3 <- G2 <- G1 <- OWN <- B. The four managers buy 100 points (net 0); B buys net 200.00, 50 points.
  const orders = [
    order("OB", "B", "2026-10-05", "200.00", "50"),
    ...["OWN", "G1", "G2", "G3"].map((id) => order(`O${id}`, id, "2026-10-05", "0", "100")),
  ];

  it("3 generations x 5% = 15% of the open volume OWN owns", () => {
    // OWN owns B's 200.00 as open volume (B is no manager): G1, G2, G3 get 5% x 200.00 = 10.00 each.
    const oct = period(run(ir, dataset({ partners: chain("G3", "G2", "G1", "OWN", "B"), orders }), { through: "2026-10" }), "2026-10");
    expect(volumesOf(oct, "CV")["OWN"]).toBe("0/200/200");
    expect(volumesOf(oct, "PV")).toMatchObject({ OWN: "100/150/150", G1: "100/250/100" });
    expect(ledgerLines(oct)).toEqual(["G1 Gen OB/recruiter/2 10.00", "G2 Gen OB/recruiter/3 10.00", "G3 Gen OB/recruiter/4 10.00"]);
    expect(oct.ledger.map((e) => e.generation)).toEqual([1, 2, 3]);
  });

  it("an inactive manager still counts as a generation but is not paid", () => {
    // G2 terminated: generation 2 by rank, its 10.00 is breakage; G3 is still generation 3.
    const partners = chain("G3", "G2", "G1", "OWN", "B");
    partners[1] = { ...partners[1]!, status: "terminated" };
    const oct = period(run(ir, dataset({ partners, orders }), { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["G1 Gen OB/recruiter/2 10.00", "G3 Gen OB/recruiter/4 10.00"]);
    expect(oct.ledger.map((e) => e.generation)).toEqual([1, 3]);
    expect(oct.breakage).toContainEqual({ bonus: "Gen", amount: "10.00", reason: "recipient not active" });
  });
});
