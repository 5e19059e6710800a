/**
 * The spec's worked examples (docs/spec/examples/NAME.md) reproduced from the real files:
 * every amount, volume and rank the hand calculation states.
 */
import { describe, expect, it } from "vitest";
import type { Policy } from "../../core/ir.ts";
import { earned, ledgerLines, loadExample, period, run, volumesOf } from "./harness.ts";

const POLICIES: Policy[] = ["simple", "previous-rank", "exact"];

describe("example a: seed 5 levels x 5%", () => {
  const { ir, data } = loadExample("a_seed_levels");
  const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");

  it("pays 5.00 to each of the five partners above P7 and nothing to P1", () => {
    expect(oct.asOf).toBe("2026-11-01");
    expect(ledgerLines(oct)).toEqual([
      "P6 Ebenenbonus O1/recruiter/1 5.00",
      "P5 Ebenenbonus O1/recruiter/2 5.00",
      "P4 Ebenenbonus O1/recruiter/3 5.00",
      "P3 Ebenenbonus O1/recruiter/4 5.00",
      "P2 Ebenenbonus O1/recruiter/5 5.00",
    ]);
    expect(oct.ledger.map((e) => e.level)).toEqual([1, 2, 3, 4, 5]);
    expect(oct.statements["P1"]).toEqual({ earned: "0.00", carriedIn: "0.00", payout: "0.00", carriedOut: "0.00" });
  });

  it("credits PV to P7 and GV = OV = 100 to every partner", () => {
    const pv = volumesOf(oct, "PV");
    expect(pv["P7"]).toBe("100/100/100");
    for (const id of ["P1", "P2", "P3", "P4", "P5", "P6"]) expect(pv[id]).toBe("0/100/100");
  });
});

describe("example b: generation bonus 3 x 5% on open volume", () => {
  const { ir, data } = loadExample("b_generation");
  const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");

  it("ranks bottom-up with open volume owned by managers", () => {
    expect(oct.ranks).toEqual({ A: "Consultant", B: "Consultant", C: "Consultant", M1: "Director", M2: "Manager", M3: "Manager", M4: "Manager", T: "Manager" });
    const pv = volumesOf(oct, "PV");
    expect(pv).toEqual({
      C: "150/150/150", M4: "200/350/350", B: "0/350/0", M3: "200/550/200",
      M2: "200/750/200", A: "150/900/150", M1: "350/1250/500", T: "200/1450/200",
    });
  });

  it("pays generations per the table: M3 17.50, M2 10.00, M1 37.50, T 25.00 (90.00)", () => {
    expect(ledgerLines(oct)).toEqual([
      "M3 Managerbonus O1/recruiter/3 7.50",
      "M1 Managerbonus O1/recruiter/6 7.50",
      "M3 Managerbonus O2/recruiter/2 10.00",
      "M1 Managerbonus O2/recruiter/5 10.00",
      "M2 Managerbonus O3/recruiter/1 10.00",
      "M1 Managerbonus O3/recruiter/3 10.00",
      "M1 Managerbonus O4/recruiter/2 10.00",
      "T Managerbonus O5/recruiter/2 7.50",
      "T Managerbonus O6/recruiter/1 17.50",
    ]);
    expect(oct.ledger.map((e) => e.generation)).toEqual([1, 3, 1, 3, 1, 2, 1, 1, 1]);
    expect(earned(oct)).toEqual({ M1: "37.50", M2: "10.00", M3: "17.50", T: "25.00" });
  });
});

describe("example c: differential stairstep to 35% past an inactive Manager", () => {
  const { ir, data } = loadExample("c_differential");
  const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");

  it("ranks on GV and marks P2 inactive", () => {
    expect(oct.ranks).toEqual({ TOP: "Director", P1: "Director", P2: "Manager", P3: "Senior", P4: "Junior", P5: "Junior", Q: "Senior" });
    expect(oct.active["P2"]).toBe(false);
    const pv = volumesOf(oct, "PV");
    expect([pv["P5"], pv["P4"], pv["P3"], pv["Q"], pv["P2"], pv["P1"], pv["TOP"]]).toEqual([
      "100/100/100", "60/160/160", "150/310/310", "400/400/400", "20/730/730", "300/1030/1030", "100/1130/1130",
    ]);
  });

  it("pays P5 100.00, P3 50.00, P1 200.00: 350.00 = 35%", () => {
    expect(ledgerLines(oct)).toEqual([
      "P5 Differenzbonus O1/recruiter/0 100.00",
      "P3 Differenzbonus O1/recruiter/2 50.00",
      "P1 Differenzbonus O1/recruiter/4 200.00",
    ]);
    expect(oct.ledger.map((e) => e.rate)).toEqual(["10%", "5%", "20%"]);
    expect(oct.breakage).toEqual([]);
  });
});

describe("example d: customer member split 50% to a supporter in another team", () => {
  const { ir, data } = loadExample("d_customer_split");
  const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");

  it("credits half the volume to each team", () => {
    expect(volumesOf(oct, "PV")).toEqual({
      A1: "0/100/100", A2: "0/100/100", A3: "100/100/100", B1: "0/100/100", B2: "0/100/100", B3: "100/100/100",
    });
  });

  it("pays 40.00 = 20% of 200.00, half in each upline", () => {
    expect(ledgerLines(oct)).toEqual([
      "A2 Ebenenbonus O1/recruiter/1 10.00",
      "A1 Ebenenbonus O1/recruiter/2 5.00",
      "A3 Differenzbonus O1/recruiter/0 5.00",
      "B2 Ebenenbonus O1/supporter/1 10.00",
      "B1 Ebenenbonus O1/supporter/2 5.00",
      "B3 Differenzbonus O1/supporter/0 5.00",
    ]);
  });
});

describe("example e: partner member split, PV 50% and CV 30%", () => {
  const { ir, data } = loadExample("e_partner_split");
  const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");

  it("keeps M's full personal volume and shares what flows above it", () => {
    expect(volumesOf(oct, "PV")).toEqual({ M: "100/100/100", A2: "0/50/50", A1: "0/50/50", S: "0/50/50", B1: "0/50/50" });
    expect(volumesOf(oct, "CV")).toEqual({ M: "200/200/200", A2: "0/140/140", A1: "0/140/140", S: "0/60/60", B1: "0/60/60" });
  });

  it("pays M 7.00 + 3.00 differential, A2 14.00, A1 7.00, S 6.00, B1 3.00", () => {
    expect(ledgerLines(oct)).toEqual([
      "A2 Ebenenbonus O1/recruiter/1 14.00",
      "A1 Ebenenbonus O1/recruiter/2 7.00",
      "M Differenzbonus O1/recruiter/0 7.00",
      "S Ebenenbonus O1/supporter/1 6.00",
      "B1 Ebenenbonus O1/supporter/2 3.00",
      "M Differenzbonus O1/supporter/0 3.00",
    ]);
    expect(oct.ledger.map((e) => e.base)).toEqual(["140.00", "140.00", "140.00", "60.00", "60.00", "60.00"]);
    expect(earned(oct)).toEqual({ A1: "7.00", A2: "14.00", B1: "3.00", M: "10.00", S: "6.00" });
  });
});

describe("example g: pool with largest-remainder cents", () => {
  const { ir, data } = loadExample("g_pool");
  const result = run(ir, data, { through: "2026-11" });

  it("October: 20.02 split 8.01 / 4.01 / 4.00 / 4.00, X (Manager by PV(CV)) inactive", () => {
    const oct = period(result, "2026-10");
    expect(oct.ranks).toEqual({ D1: "Director", MA: "Manager", MB: "Manager", MC: "Manager", X: "Manager" });
    expect(oct.active["X"]).toBe(false);
    expect(ledgerLines(oct)).toEqual(["D1 Weltpool 8.01", "MA Weltpool 4.01", "MB Weltpool 4.00", "MC Weltpool 4.00"]);
    expect(oct.ledger.every((e) => e.kind === "pool" && e.order === undefined && e.rate === "2%")).toBe(true);
    expect(oct.breakage).toEqual([]);
  });

  it("November: nobody qualifies, the 2.00 pool is breakage", () => {
    const nov = period(result, "2026-11");
    expect(nov.ranks["X"]).toBe("Consultant");
    expect(nov.ledger).toEqual([]);
    expect(nov.breakage).toEqual([{ bonus: "Weltpool", amount: "2.00", reason: "no qualifier" }]);
  });
});

describe("example i: release, as-of dates, pending and partial cancellations", () => {
  const { ir, data } = loadExample("i_release");
  const result = run(ir, data, { through: "2026-12" });

  it("October: only O1 counts, as of 11-08 (its withdrawal deadline); T earns 10.00", () => {
    const oct = period(result, "2026-10");
    expect(oct.asOf).toBe("2026-11-08");
    expect(ledgerLines(oct)).toEqual(["T Ebenenbonus O1/recruiter/1 10.00"]);
    expect(volumesOf(oct, "PV")["A"]).toBe("100/100/100");
    expect(oct.deferred).toEqual([
      { order: "O2", countsIn: "2026-11", reason: "commissionable on 2026-11-06 (paid 2026-11-05, delivered 2026-11-06)" },
      { order: "O3", countsIn: null, reason: "pending: not paid and not delivered" },
      { order: "O4", countsIn: "2026-12", reason: "commissionable on 2026-12-03 (paid 2026-12-02, delivered 2026-12-03)" },
    ]);
  });

  it("November: C2 (before the run) leaves O2 at 75.00 -> T 7.50; C1 (after the run) reverses half of T's 10.00", () => {
    const nov = period(result, "2026-11");
    expect(nov.asOf).toBe("2026-12-01");
    expect(ledgerLines(nov)).toEqual(["T Ebenenbonus O2/recruiter/1 7.50", "T Ebenenbonus O1/recruiter/1 -5.00"]);
    expect(nov.ledger[0]!.base).toBe("75.00");
    // f = 50.00 / 100.00 = 1/2 of the October entry 2026-10#1.
    expect(nov.ledger[1]).toEqual({
      id: "2026-11#2", recipient: "T", bonus: "Ebenenbonus", kind: "level", order: "O1", portion: "recruiter", step: 1, level: 1,
      amount: "-5.00", cancellation: "C1", reverses: "2026-10#1", note: "cancelled fraction 1/2",
    });
    expect(nov.statements["T"]).toEqual({ earned: "2.50", carriedIn: "0.00", payout: "2.50", carriedOut: "0.00" });
    // exact: the after-run cancellation does not touch volumes.
    expect(volumesOf(nov, "PV")["A"]).toBe("75/75/75");
    expect(nov.flags.map((f) => [f.buyer, f.from, f.cancellation, f.order])).toEqual([["A", "2026-11-15", "C1", "O1"]]);
    expect(nov.flags[0]!.hold).toBeUndefined();
    expect(nov.unrecovered).toEqual([]);
    expect(nov.stock).toEqual([
      { cancellation: "C1", order: "O1", sku: "SKU-1", qty: "1" },
      { cancellation: "C2", order: "O2", sku: "SKU-1", qty: "1" },
    ]);
  });

  it("December: O4 counts, as of 2027-01-01; T earns 20.00", () => {
    const dec = period(result, "2026-12");
    expect(dec.asOf).toBe("2027-01-01");
    expect(ledgerLines(dec)).toEqual(["T Ebenenbonus O4/recruiter/1 20.00"]);
    expect(volumesOf(dec, "PV")["A"]).toBe("200/200/200");
    expect(dec.statements["T"]).toEqual({ earned: "20.00", carriedIn: "0.00", payout: "20.00", carriedOut: "0.00" });
  });
});

describe("example f: one late cancellation under simple, previous-rank and exact", () => {
  const { ir, data } = loadExample("f_late_cancel");
  const runUnder = (policy: Policy) => run(ir, data, { through: "2027-01", policy });
  const october = [
    "S1 Ebenenbonus O1/recruiter/1 10.00",
    "N Differenzbonus O1/recruiter/0 5.00",
    "S1 Differenzbonus O1/recruiter/1 10.00",
    "S1 Fast Start O1/recruiter/1 20.00",
    "TOP Ebenenbonus O2/recruiter/1 10.00",
    "S1 Differenzbonus O2/recruiter/0 15.00",
  ];
  const o4 = ["TOP Ebenenbonus O4/recruiter/1 6.00", "S1 Differenzbonus O4/recruiter/0 3.00"];
  const clawedBack = (result: ReturnType<typeof runUnder>) =>
    period(result, "2026-11").ledger.filter((e) => e.cancellation === "S1C").reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0) / 100;

  it("October (every policy): N 5.00, S1 55.00 (fast start 20.00 included), TOP 10.00, all paid out", () => {
    for (const policy of POLICIES) {
      const oct = period(runUnder(policy), "2026-10");
      expect(oct.asOf).toBe("2026-11-01");
      expect(ledgerLines(oct)).toEqual(october);
      expect(oct.ranks).toEqual({ N: "Consultant", S1: "Senior", TOP: "Senior" });
      expect(earned(oct)).toEqual({ N: "5.00", S1: "55.00", TOP: "10.00" });
      expect(Object.values(oct.statements).map((s) => s.carriedOut)).toEqual(["0.00", "0.00", "0.00"]);
    }
  });

  it("November (every policy): N flagged from 11-25, O5 held to 2027-01 (11-28 + 8 weeks = 2027-01-23)", () => {
    for (const policy of POLICIES) {
      const result = runUnder(policy);
      const nov = period(result, "2026-11");
      expect(nov.flags).toEqual([
        {
          buyer: "N", from: "2026-11-25", cancellation: "S1C", order: "O1",
          reason: "cancellation S1C of order O1 on 2026-11-25 came after the withdrawal deadline 2026-10-21",
          hold: { weeks: 8, prepaymentOnly: true },
        },
      ]);
      expect(nov.deferred).toEqual([
        {
          order: "O5", countsIn: "2027-01",
          reason: "held: the buyer is flagged as a late canceller from 2026-11-25; held until 2027-01-23 (payment on 2026-11-28 plus the hold)",
        },
      ]);
      expect(ledgerLines(period(result, "2027-01"))).toEqual(["S1 Ebenenbonus O5/recruiter/1 4.00", "N Differenzbonus O5/recruiter/0 2.00"]);
    }
  });

  it("simple: -100 is a negative order of November; S1 -12.00 carried, TOP 6.00, N 0; 15.00 reclaimed", () => {
    const nov = period(runUnder("simple"), "2026-11");
    expect(volumesOf(nov, "PV")).toEqual({ N: "-100/-100/-100", S1: "60/-40/-40", TOP: "0/-40/-40" });
    expect(nov.ranks).toEqual({ N: "Consultant", S1: "Consultant", TOP: "Consultant" });
    expect(nov.active).toEqual({ N: false, S1: true, TOP: true });
    // Clawback on N, S1, TOP with x = -100: level S1 -10.00; differential N inactive (passed
    // over), S1 Consultant 5% -5.00; fast start: 11-25 is 66 days after joining > 30.
    expect(ledgerLines(nov)).toEqual([...o4, "S1 Ebenenbonus O1/recruiter/1 -10.00", "S1 Differenzbonus O1/recruiter/1 -5.00"]);
    expect(nov.ledger.slice(2).map((e) => [e.base, e.rate, e.cancellation, e.reverses])).toEqual([
      ["-100.00", "10%", "S1C", undefined],
      ["-100.00", "5%", "S1C", undefined],
    ]);
    expect(nov.statements).toEqual({
      N: { earned: "0.00", carriedIn: "0.00", payout: "0.00", carriedOut: "0.00" },
      S1: { earned: "-12.00", carriedIn: "0.00", payout: "0.00", carriedOut: "-12.00" },
      TOP: { earned: "6.00", carriedIn: "0.00", payout: "6.00", carriedOut: "0.00" },
    });
    expect(clawedBack(runUnder("simple"))).toBe(-15);
  });

  it("previous-rank: volumes untouched; October's ranks and activity; S1 -17.00, N -5.00, TOP 6.00; 25.00 reclaimed", () => {
    const nov = period(runUnder("previous-rank"), "2026-11");
    expect(volumesOf(nov, "PV")).toEqual({ N: "0/0/0", S1: "60/60/60", TOP: "0/60/60" });
    expect(ledgerLines(nov)).toEqual([
      ...o4,
      "S1 Ebenenbonus O1/recruiter/1 -10.00",
      "N Differenzbonus O1/recruiter/0 -5.00",
      "S1 Differenzbonus O1/recruiter/1 -10.00",
    ]);
    expect(earned(nov)).toEqual({ N: "-5.00", S1: "-17.00", TOP: "6.00" });
    expect(nov.statements["S1"]!.carriedOut).toBe("-17.00");
    expect(nov.statements["N"]!.carriedOut).toBe("-5.00");
    expect(clawedBack(runUnder("previous-rank"))).toBe(-25);
  });

  it("exact: every October entry of O1 reversed (f = 1); S1 -37.00, N -5.00, TOP 6.00; 45.00 reclaimed from exactly those paid", () => {
    const result = runUnder("exact");
    const nov = period(result, "2026-11");
    expect(volumesOf(nov, "PV")).toEqual({ N: "0/0/0", S1: "60/60/60", TOP: "0/60/60" });
    expect(ledgerLines(nov)).toEqual([
      ...o4,
      "S1 Ebenenbonus O1/recruiter/1 -10.00",
      "N Differenzbonus O1/recruiter/0 -5.00",
      "S1 Differenzbonus O1/recruiter/1 -10.00",
      "S1 Fast Start O1/recruiter/1 -20.00",
    ]);
    expect(nov.ledger.slice(2).map((e) => e.reverses)).toEqual(["2026-10#1", "2026-10#2", "2026-10#3", "2026-10#4"]);
    expect(nov.ledger.slice(2).every((e) => e.cancellation === "S1C" && e.base === undefined && e.rate === undefined)).toBe(true);
    expect(earned(nov)).toEqual({ N: "-5.00", S1: "-37.00", TOP: "6.00" });
    expect(clawedBack(result)).toBe(-45);
  });

  it("December and January net the carried balances (minimum payout 0)", () => {
    // Carried out of November: simple S1 -12; previous-rank S1 -17, N -5; exact S1 -37, N -5.
    // December has no orders; January: O5 (N, 40.00) pays S1 level 4.00 and N differential 2.00.
    const expected: Record<Policy, Record<string, string>> = {
      simple: { N: "0.00", S1: "-8.00", TOP: "0.00" },
      "previous-rank": { N: "-3.00", S1: "-13.00", TOP: "0.00" },
      exact: { N: "-3.00", S1: "-33.00", TOP: "0.00" },
    };
    for (const policy of POLICIES) {
      const jan = period(runUnder(policy), "2027-01");
      expect(Object.fromEntries(Object.entries(jan.statements).map(([id, s]) => [id, s.carriedOut]))).toEqual(expected[policy]);
    }
  });
});

describe("example h: a negative balance carried forward; a terminated partner's unrecovered clawback", () => {
  const { ir, data } = loadExample("h_balances");
  const result = run(ir, data, { through: "2027-01" });
  const statement = (p: string, id: string) => period(result, p).statements[id];

  it("October: U and T 58.00 each (O1 50.00 + O2 8.00), paid out", () => {
    const oct = period(result, "2026-10");
    expect(earned(oct)).toEqual({ T: "58.00", U: "58.00" });
    expect(statement("2026-10", "U")).toEqual({ earned: "58.00", carriedIn: "0.00", payout: "58.00", carriedOut: "0.00" });
    expect(statement("2026-10", "T")).toEqual({ earned: "58.00", carriedIn: "0.00", payout: "58.00", carriedOut: "0.00" });
  });

  it("November: C1 reverses U -50.00 (unrecovered) and T -50.00; O3 pays T 30.00 past terminated U", () => {
    const nov = period(result, "2026-11");
    expect(nov.active).toEqual({ B: true, T: true, U: false });
    expect(ledgerLines(nov)).toEqual(["T Ebenenbonus O3/recruiter/2 30.00", "U Ebenenbonus O1/recruiter/1 -50.00", "T Ebenenbonus O1/recruiter/2 -50.00"]);
    expect(nov.ledger[0]!.level).toBe(1);
    expect(nov.ledger.slice(1).map((e) => e.reverses)).toEqual(["2026-10#1", "2026-10#2"]);
    expect(nov.unrecovered).toEqual([
      { partner: "U", amount: "-50.00", reason: "terminated on 2026-11-10: the clawback of cancellation C1 (order O1) cannot be recovered (company loss)" },
    ]);
    expect(statement("2026-11", "T")).toEqual({ earned: "-20.00", carriedIn: "0.00", payout: "0.00", carriedOut: "-20.00" });
    expect(statement("2026-11", "U")).toEqual({ earned: "-50.00", carriedIn: "0.00", payout: "0.00", carriedOut: "-50.00" });
  });

  it("December: T -20.00 + 25.00 = 5.00 < minimum 10.00: payout 0, carried 5.00", () => {
    expect(ledgerLines(period(result, "2026-12"))).toEqual(["T Ebenenbonus O4/recruiter/2 25.00"]);
    expect(statement("2026-12", "T")).toEqual({ earned: "25.00", carriedIn: "-20.00", payout: "0.00", carriedOut: "5.00" });
    expect(statement("2026-12", "U")).toEqual({ earned: "0.00", carriedIn: "-50.00", payout: "0.00", carriedOut: "-50.00" });
  });

  it("January 2027: T 5.00 + 10.00 = 15.00 paid out, carried 0", () => {
    expect(ledgerLines(period(result, "2027-01"))).toEqual(["T Ebenenbonus O5/recruiter/2 10.00"]);
    expect(statement("2027-01", "T")).toEqual({ earned: "10.00", carriedIn: "5.00", payout: "15.00", carriedOut: "0.00" });
    expect(period(result, "2027-01").unrecovered).toEqual([]);
  });
});
