/**
 * After-run cancellations under the three policies, computed by hand (semantics §7). The same
 * data runs under simple, previous-rank and exact; the arithmetic is in the comments.
 */
import { describe, expect, it } from "vitest";
import type { BonusIR, PlanIR, Policy } from "../../core/ir.ts";
import { cancellation, CV, dataset, differentialBonus, gvAtLeast, levelBonus, order, partner, plan, pvAtLeast, tier } from "./builders.ts";
import { earned, ledgerLines, period, run, volumesOf } from "./harness.ts";
import { splitScenarioData, splitScenarioPlan } from "./splitScenario.ts";

const POLICIES: Policy[] = ["simple", "previous-rank", "exact"];

describe("ranks, fast start and a partial cancellation (one data set, three policies)", () => {
  // Plan: ranks Consultant, Senior (GV >= 300, PV measure); level 1 10%; differential on CV
  // Consultant 5%, Senior 10%; fast start within 30 days, level 1 20%; withdrawal 14 days;
  // everyone active (no activity condition); minimum payout 0.
  const fastStart = (days: number): BonusIR => ({ kind: "faststart", name: "FastStart", measure: CV, withinDays: days, levels: [tier("0.2")] });
  const irWith = (days: number): PlanIR =>
    plan({
      ranks: [{ name: "Consultant", condition: null }, { name: "Senior", condition: gvAtLeast("300") }],
      bonuses: [levelBonus(["0.1"]), differentialBonus(["0.05", "0.1"]), fastStart(days)],
      cancellation: { withdrawalDays: 14, policy: "exact", lateCanceller: null },
    });
  // T <- S <- N (joined 2026-10-01), D, E.
  // October: O1 N, 10-05 (4 days after joining): STARTER 1 x 100.00 / 100 pts + VIT 2 x 24.95 / 20 pts
  //   = 149.90 / 140 pts; O2 D 200.00 / 200 pts. As of 11-01 (deadlines 10-19, 10-24).
  // November: O3 D 150.00 / 150, O4 E 150.00 / 150; C1 (11-20) returns O1's STARTER line:
  //   c = 100.00 CV / 100 PV; O1 was commissioned at 149.90, so f = 100.00 / 149.90 = 1000/1499.
  const data = dataset({
    partners: [partner("T", null), partner("S", "T"), partner("N", "S", { joined: "2026-10-01" }), partner("D", "S"), partner("E", "S")],
    orders: [
      {
        ...order("O1", "N", "2026-10-05", "0", "0"),
        lines: [
          { sku: "STARTER", qty: "1", figures: { net: "100.00", points: "100" } },
          { sku: "VIT", qty: "2", figures: { net: "24.95", points: "20" } },
        ],
      },
      order("O2", "D", "2026-10-10", "200.00", "200"),
      order("O3", "D", "2026-11-03", "150.00", "150"),
      order("O4", "E", "2026-11-04", "150.00", "150"),
    ],
    cancellations: [cancellation("C1", "O1", "2026-11-20", { lines: [{ line: 0, qty: "1" }] })],
  });
  const runUnder = (policy: Policy, days = 30) => run(irWith(days), data, { through: "2026-11", policy });

  it("October (every policy): S is Senior on GV 340; S 82.47 incl. fast start 29.98", () => {
    // O1 x = 149.90 on N, S, T: level S 14.99; differential N 5% 7.495 -> 7.50, S 10%-5% 7.50;
    // fast start S 20% 29.98. O2 x = 200.00 on D, S, T: level S 20.00; differential D 10.00, S 10.00.
    // S: 14.99 + 7.50 + 29.98 + 20.00 + 10.00 = 82.47.
    for (const policy of POLICIES) {
      const oct = period(runUnder(policy), "2026-10");
      expect(oct.ranks).toEqual({ D: "Consultant", E: "Consultant", N: "Consultant", S: "Senior", T: "Senior" });
      expect(ledgerLines(oct)).toEqual([
        "S Level O1/recruiter/1 14.99",
        "N Differential O1/recruiter/0 7.50",
        "S Differential O1/recruiter/1 7.50",
        "S FastStart O1/recruiter/1 29.98",
        "S Level O2/recruiter/1 20.00",
        "D Differential O2/recruiter/0 10.00",
        "S Differential O2/recruiter/1 10.00",
      ]);
      expect(earned(oct)).toEqual({ D: "10.00", N: "7.50", S: "82.47" });
    }
  });

  it("simple: -100 on N, S, T demotes S (GV 300 - 100 = 200 < 300); the closed fast-start window reclaims nothing", () => {
    // Ranks all Consultant. O3: level S 15.00, differential D 5% 7.50 (S Consultant: nothing
    // more); O4 likewise with E. Clawback x = -100.00: level S -10.00, differential N -5.00;
    // fast start at 11-20 = 50 days after joining > 30: nothing. S: 30.00 - 10.00 = 20.00.
    const nov = period(runUnder("simple"), "2026-11");
    expect(nov.ranks).toEqual({ D: "Consultant", E: "Consultant", N: "Consultant", S: "Consultant", T: "Consultant" });
    expect(volumesOf(nov, "PV")).toEqual({ D: "150/150/150", E: "150/150/150", N: "-100/-100/-100", S: "0/200/200", T: "0/200/200" });
    expect(ledgerLines(nov)).toEqual([
      "S Level O3/recruiter/1 15.00",
      "D Differential O3/recruiter/0 7.50",
      "S Level O4/recruiter/1 15.00",
      "E Differential O4/recruiter/0 7.50",
      "S Level O1/recruiter/1 -10.00",
      "N Differential O1/recruiter/0 -5.00",
    ]);
    expect(earned(nov)).toEqual({ D: "7.50", E: "7.50", N: "-5.00", S: "20.00" });
  });

  it("simple with the window still open at the cancellation date reclaims the fast start too", () => {
    // Window 60 days: 11-20 is day 50 -> fast start on x = -100.00: S 20% -20.00. S: 20.00 - 20.00 = 0.00.
    const nov = period(runUnder("simple", 60), "2026-11");
    expect(ledgerLines(nov).slice(4)).toEqual(["S Level O1/recruiter/1 -10.00", "N Differential O1/recruiter/0 -5.00", "S FastStart O1/recruiter/1 -20.00"]);
    expect(nov.statements["S"]!.earned).toBe("0.00");
  });

  it("previous-rank: S stays Senior in November and is charged with October's Senior rate; no fast start", () => {
    // Volumes untouched: S GV 300, Senior. O3: level S 15.00, differential D 7.50, S 7.50; O4 the
    // same with E. Clawback with October's ranks (N Consultant, S Senior): level S -10.00,
    // differential N -5.00, S -5.00; fast start: window closed. S: 30 + 15 - 10 - 5 = 30.00.
    const nov = period(runUnder("previous-rank"), "2026-11");
    expect(nov.ranks["S"]).toBe("Senior");
    expect(nov.ranks["T"]).toBe("Senior");
    expect(volumesOf(nov, "PV")["S"]).toBe("0/300/300");
    expect(volumesOf(nov, "PV")["N"]).toBe("0/0/0");
    expect(ledgerLines(nov)).toEqual([
      "S Level O3/recruiter/1 15.00",
      "D Differential O3/recruiter/0 7.50",
      "S Differential O3/recruiter/1 7.50",
      "S Level O4/recruiter/1 15.00",
      "E Differential O4/recruiter/0 7.50",
      "S Differential O4/recruiter/1 7.50",
      "S Level O1/recruiter/1 -10.00",
      "N Differential O1/recruiter/0 -5.00",
      "S Differential O1/recruiter/1 -5.00",
    ]);
    expect(nov.ledger.slice(6).map((e) => [e.base, e.rate, e.cancellation])).toEqual([
      ["-100.00", "10%", "C1"],
      ["-100.00", "5%", "C1"],
      ["-100.00", "5%", "C1"],
    ]);
    expect(earned(nov)).toEqual({ D: "7.50", E: "7.50", N: "-5.00", S: "30.00" });
  });

  it("exact: every O1 entry reversed for f = 1000/1499, the fast start included; S keeps Senior", () => {
    // round(-f x amount): level 14.99 -> -10.00; N differential 7.50 -> -5.0033 -> -5.00;
    // S differential 7.50 -> -5.00; fast start 29.98 -> -20.00. S: 30 + 15 - 10 - 5 - 20 = 10.00.
    const nov = period(runUnder("exact"), "2026-11");
    expect(nov.ranks["S"]).toBe("Senior");
    expect(ledgerLines(nov).slice(6)).toEqual([
      "S Level O1/recruiter/1 -10.00",
      "N Differential O1/recruiter/0 -5.00",
      "S Differential O1/recruiter/1 -5.00",
      "S FastStart O1/recruiter/1 -20.00",
    ]);
    expect(nov.ledger.slice(6).map((e) => [e.reverses, e.cancellation, e.note])).toEqual([
      ["2026-10#1", "C1", "cancelled fraction 1000/1499"],
      ["2026-10#2", "C1", "cancelled fraction 1000/1499"],
      ["2026-10#3", "C1", "cancelled fraction 1000/1499"],
      ["2026-10#4", "C1", "cancelled fraction 1000/1499"],
    ]);
    expect(earned(nov)).toEqual({ D: "7.50", E: "7.50", N: "-5.00", S: "10.00" });
    expect(nov.statements["N"]).toEqual({ earned: "-5.00", carriedIn: "0.00", payout: "0.00", carriedOut: "-5.00" });
  });

  it("a run without the after-run cancellations has S Senior in November under every policy", () => {
    for (const policy of POLICIES) {
      const nov = period(run(irWith(30), data, { through: "2026-11", policy, ignoreAfterRunCancellations: true }), "2026-11");
      expect(nov.ranks["S"]).toBe("Senior");
      expect(nov.ledger.some((e) => e.cancellation !== undefined)).toBe(false);
      expect(nov.flags.map((f) => f.cancellation)).toEqual(["C1"]);
    }
  });
});

describe("pools under the three policies", () => {
  // Plan: ranks Consultant, Manager (PV >= 100); pool 10% of CV, shares Consultant 1, Manager 2;
  // everyone active. T <- X, T <- Y.
  // October: O1 X 100.00 / 100, O2 Y 33.33 / 50. Pool 10% x 133.33 = 13.333 over X (Manager, 2),
  //   T and Y (1 each): X 6.6665, T and Y 3.33325 -> floors 6.66 + 3.33 + 3.33 = 13.32; the
  //   rounded pool 13.33 leaves 1 cent for the largest remainder (X .0065): X 6.67, T 3.33, Y 3.33.
  // November: O3 Y 150.00 / 100; C1 (11-10) cancels O2 (33.33 / 50) whole.
  const ir = plan({
    ranks: [{ name: "Consultant", condition: null }, { name: "Manager", condition: pvAtLeast("100") }],
    bonuses: [{ kind: "pool", name: "Pool", measure: CV, rate: "0.1", shares: [{ rank: 0, shares: "1" }, { rank: 1, shares: "2" }] }],
  });
  const data = dataset({
    partners: [partner("T", null), partner("X", "T"), partner("Y", "T")],
    orders: [order("O1", "X", "2026-10-05", "100.00", "100"), order("O2", "Y", "2026-10-06", "33.33", "50"), order("O3", "Y", "2026-11-05", "150.00", "100")],
    cancellations: [cancellation("C1", "O2", "2026-11-10")],
  });
  const runUnder = (policy: Policy) => run(ir, data, { through: "2026-11", policy });

  it("October: 13.33 split 6.67 / 3.33 / 3.33", () => {
    expect(ledgerLines(period(runUnder("exact"), "2026-10"))).toEqual(["T Pool 3.33", "X Pool 6.67", "Y Pool 3.33"]);
  });

  it("exact: the November pool is untouched (15.00); the original holders give back 10% x 33.33 by their October shares", () => {
    // November pool 10% x 150.00 = 15.00; Y Manager (2), X and T (1): Y 7.50, T 3.75, X 3.75.
    // Give-back 3.333 over X 2, T 1, Y 1: X 1.6665, T and Y 0.83325 -> floors 1.66 + 0.83 + 0.83
    // = 3.32; rounded 3.33 -> 1 cent to X: X -1.67, T -0.83, Y -0.83, each reversing its October part.
    const nov = period(runUnder("exact"), "2026-11");
    expect(ledgerLines(nov).slice(0, 3)).toEqual(["T Pool 3.75", "X Pool 3.75", "Y Pool 7.50"]);
    expect(nov.ledger.slice(3).map((e) => [e.recipient, e.kind, e.order, e.amount, e.cancellation, e.reverses, e.note])).toEqual([
      ["T", "pool", "O2", "-0.83", "C1", "2026-10#1", "1 of 4 shares"],
      ["X", "pool", "O2", "-1.67", "C1", "2026-10#2", "2 of 4 shares"],
      ["Y", "pool", "O2", "-0.83", "C1", "2026-10#3", "1 of 4 shares"],
    ]);
    expect(earned(nov)).toEqual({ T: "2.92", X: "2.08", Y: "6.67" });
  });

  it("simple: -33.33 / -50 is a negative order: the base falls to 116.67 and Y (PV 100 - 50) is no Manager", () => {
    // Pool 11.667 over T, X, Y with 1 share each: 3.889 -> floors 3.88 x 3 = 11.64; rounded 11.67
    // leaves 3 cents, one each: 3.89 each. No clawback entries.
    const nov = period(runUnder("simple"), "2026-11");
    expect(nov.ranks).toEqual({ T: "Consultant", X: "Consultant", Y: "Consultant" });
    expect(ledgerLines(nov)).toEqual(["T Pool 3.89", "X Pool 3.89", "Y Pool 3.89"]);
    expect(nov.ledger[0]!.base).toBe("116.67");
  });

  it("previous-rank: the base falls to 116.67, Y stays Manager (volumes untouched)", () => {
    // 11.667 over Y 2, T 1, X 1: Y 5.8335, T and X 2.91675 -> floors 5.83 + 2.91 + 2.91 = 11.65;
    // 2 cents left go to the larger remainders (T and X .00675 > Y .0035): T 2.92, X 2.92, Y 5.83.
    const nov = period(runUnder("previous-rank"), "2026-11");
    expect(nov.ranks["Y"]).toBe("Manager");
    expect(ledgerLines(nov)).toEqual(["T Pool 2.92", "X Pool 2.92", "Y Pool 5.83"]);
  });
});

describe("split members cancelled after the run (volume mode)", () => {
  // Plan: split PV and CV (default 50%); level 1 10%, level 2 5% (compression); differential
  // Consultant 5%; one rank; everyone active; withdrawal 0 days.
  // A1 <- A2 <- M (partner member, recruiter A2); customer K of A2; B1 <- S.
  // Agreements: M -> S with PV 50% / CV 30% (always); K -> S with PV 40% / CV 20%, October only.
  // October: O1 M 2 x 100.00 / 50 pts = 200.00 / 100; O2 K 100.00 / 100.
  // November: C1 (11-10) returns one unit of O1 (100.00 / 50: half); C2 (11-12) cancels O2 whole.
  const ir = splitScenarioPlan("volume");
  const data = splitScenarioData;
  const runUnder = (policy: Policy) => run(ir, data, { through: "2026-11", policy });

  it("October: M's order splits 140/60 of CV, K's 80/20; 55.00 paid", () => {
    // O1 recruiter M, A2, A1 x = 140.00: A2 14.00, A1 7.00, M differential 7.00; supporter M, S,
    // B1 x = 60.00: S 6.00, B1 3.00, M 3.00. O2 recruiter A2, A1 x = 80.00: A1 level 1 8.00, A2
    // differential 4.00; supporter S, B1 x = 20.00: B1 level 1 2.00, S differential 1.00.
    const oct = period(runUnder("exact"), "2026-10");
    expect(ledgerLines(oct)).toEqual([
      "A2 Level O1/recruiter/1 14.00",
      "A1 Level O1/recruiter/2 7.00",
      "M Differential O1/recruiter/0 7.00",
      "S Level O1/supporter/1 6.00",
      "B1 Level O1/supporter/2 3.00",
      "M Differential O1/supporter/0 3.00",
      "A1 Level O2/recruiter/1 8.00",
      "A2 Differential O2/recruiter/0 4.00",
      "B1 Level O2/supporter/1 2.00",
      "S Differential O2/supporter/0 1.00",
    ]);
    expect(earned(oct)).toEqual({ A1: "15.00", A2: "18.00", B1: "5.00", M: "10.00", S: "7.00" });
  });

  it("simple: C1 splits by today's agreement (PV 25/25, CV 70/30); C2 (K's agreement ended) falls on A2's line alone", () => {
    // C1 recruiter M, A2, A1 x = -70.00: A2 -7.00, A1 -3.50, M -3.50; supporter M, S, B1 x = -30.00:
    // S -3.00, B1 -1.50, M -1.50. C2 one portion A2, A1 x = -100.00: A1 -10.00, A2 -5.00.
    // Volumes PV: M -25 -25 = -50; A2 own -100, GV -125; S, B1 -25. CV: A2 GV -100 - 70 = -170; S, B1 -30.
    const nov = period(runUnder("simple"), "2026-11");
    expect(volumesOf(nov, "PV")).toEqual({ A1: "0/-125/-125", A2: "-100/-125/-125", B1: "0/-25/-25", M: "-50/-50/-50", S: "0/-25/-25" });
    expect(volumesOf(nov, "CV")).toEqual({ A1: "0/-170/-170", A2: "-100/-170/-170", B1: "0/-30/-30", M: "-100/-100/-100", S: "0/-30/-30" });
    const clawbacks = [
      "A2 Level O1/recruiter/1 -7.00",
      "A1 Level O1/recruiter/2 -3.50",
      "M Differential O1/recruiter/0 -3.50",
      "S Level O1/supporter/1 -3.00",
      "B1 Level O1/supporter/2 -1.50",
      "M Differential O1/supporter/0 -1.50",
      "A1 Level O2/recruiter/1 -10.00",
      "A2 Differential O2/recruiter/0 -5.00",
    ];
    expect(ledgerLines(nov)).toEqual(clawbacks);
    expect(nov.ledger.map((e) => e.cancellation)).toEqual(["C1", "C1", "C1", "C1", "C1", "C1", "C2", "C2"]);
    expect(earned(nov)).toEqual({ A1: "-13.50", A2: "-12.00", B1: "-1.50", M: "-5.00", S: "-3.00" });
    // previous-rank: one rank and everyone active, so the same entries; volumes untouched.
    const prev = period(runUnder("previous-rank"), "2026-11");
    expect(ledgerLines(prev)).toEqual(clawbacks);
    expect(volumesOf(prev, "PV")["A2"]).toBe("0/0/0");
  });

  it("exact: reverses as stored — half of O1's six entries, all of O2's four, the supporter line included", () => {
    // f(C1) = 100.00 / 200.00 = 1/2; f(C2) = 1. A2: -7.00 - 4.00 = -11.00; A1: -3.50 - 8.00 = -11.50;
    // S: -3.00 - 1.00 = -4.00; B1: -1.50 - 2.00 = -3.50; M: -3.50 - 1.50 = -5.00. Total -35.00 as under simple.
    const nov = period(runUnder("exact"), "2026-11");
    expect(ledgerLines(nov)).toEqual([
      "A2 Level O1/recruiter/1 -7.00",
      "A1 Level O1/recruiter/2 -3.50",
      "M Differential O1/recruiter/0 -3.50",
      "S Level O1/supporter/1 -3.00",
      "B1 Level O1/supporter/2 -1.50",
      "M Differential O1/supporter/0 -1.50",
      "A1 Level O2/recruiter/1 -8.00",
      "A2 Differential O2/recruiter/0 -4.00",
      "B1 Level O2/supporter/1 -2.00",
      "S Differential O2/supporter/0 -1.00",
    ]);
    expect(nov.ledger.map((e) => e.reverses)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-10#${i + 1}`));
    expect(earned(nov)).toEqual({ A1: "-11.50", A2: "-11.00", B1: "-3.50", M: "-5.00", S: "-4.00" });
    expect(volumesOf(nov, "CV")["M"]).toBe("0/0/0");
  });
});
