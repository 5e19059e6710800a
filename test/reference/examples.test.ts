/**
 * The spec's worked examples (shared/spec/examples/NAME.md) reproduced from the real files:
 * every amount, volume and rank the hand calculation states.
 */
import { describe, expect, it } from "vitest";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import { earned, ledgerLines, loadExample, period, run, volumesOf } from "./harness.ts";

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

describe("example i: release, as-of dates, pending and partial cancellations (phase 1 parts)", () => {
  const { ir, data } = loadExample("i_release");
  // C1 is an after-run cancellation (phase 2): the run refuses it unless told to leave it out.
  const result = run(ir, data, { through: "2026-12", ignoreAfterRunCancellations: true });

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

  it("November: C2 (before the run) leaves O2 at 3 x 25.00 = 75.00; T 7.50; A flagged by C1", () => {
    const nov = period(result, "2026-11");
    expect(nov.asOf).toBe("2026-12-01");
    expect(ledgerLines(nov)).toEqual(["T Ebenenbonus O2/recruiter/1 7.50"]);
    expect(nov.ledger[0]!.base).toBe("75.00");
    expect(volumesOf(nov, "PV")["A"]).toBe("75/75/75");
    expect(nov.flags.map((f) => [f.buyer, f.from, f.cancellation])).toEqual([["A", "2026-11-15", "C1"]]);
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

  it("without the option, November refuses and names C1 (after-run clawbacks are phase 2)", () => {
    const outcome = runThrough(ir, data, { through: "2026-12" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("after-run-cancellations-unsupported");
    expect(outcome.error.message).toMatch(/^2026-11: /);
    expect(outcome.error.details).toEqual(["cancellation C1 of order O1 on 2026-11-15: after the 2026-10 run as of 2026-11-08"]);
  });
});

describe("examples f and h: the October runs (before any after-run cancellation)", () => {
  it("f: N 5.00, S1 55.00 (incl. fast start 20.00), TOP 10.00", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual([
      "S1 Ebenenbonus O1/recruiter/1 10.00",
      "N Differenzbonus O1/recruiter/0 5.00",
      "S1 Differenzbonus O1/recruiter/1 10.00",
      "S1 Fast Start O1/recruiter/1 20.00",
      "TOP Ebenenbonus O2/recruiter/1 10.00",
      "S1 Differenzbonus O2/recruiter/0 15.00",
    ]);
    expect(oct.ranks).toEqual({ N: "Consultant", S1: "Senior", TOP: "Senior" });
    expect(earned(oct)).toEqual({ N: "5.00", S1: "55.00", TOP: "10.00" });
  });

  it("f: November's O5 of the flagged buyer N is held to 2027-01 (11-28 + 8 weeks = 2027-01-23)", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const nov = period(run(ir, data, { through: "2026-11", ignoreAfterRunCancellations: true }), "2026-11");
    expect(nov.flags).toEqual([
      expect.objectContaining({ buyer: "N", from: "2026-11-25", cancellation: "S1C", order: "O1", hold: { weeks: 8, prepaymentOnly: true } }),
    ]);
    expect(nov.deferred).toEqual([expect.objectContaining({ order: "O5", countsIn: "2027-01" })]);
    expect(ledgerLines(nov)).toEqual(["TOP Ebenenbonus O4/recruiter/1 6.00", "S1 Differenzbonus O4/recruiter/0 3.00"]);
  });

  it("h: U and T 58.00 each in October; U terminated (inactive) from November", () => {
    const { ir, data } = loadExample("h_balances");
    const result = run(ir, data, { through: "2026-11", ignoreAfterRunCancellations: true });
    expect(earned(period(result, "2026-10"))).toEqual({ T: "58.00", U: "58.00" });
    const nov = period(result, "2026-11");
    expect(nov.active).toEqual({ B: true, T: true, U: false });
    expect(ledgerLines(nov)).toEqual(["T Ebenenbonus O3/recruiter/2 30.00"]);
    expect(nov.ledger[0]!.level).toBe(1);
    expect(nov.statements["U"]).toEqual({ earned: "0.00", carriedIn: "0.00", payout: "0.00", carriedOut: "0.00" });
  });
});
