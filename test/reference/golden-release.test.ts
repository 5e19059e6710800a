/** Golden runs of release, as-of dates, before-run cancellations, late cancellers and run errors. */
import { describe, expect, it } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import { earliestFinalAsOf, runPeriod } from "../../runtime/reference/runPeriod.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import { agreement, cancellation, chain, customer, dataset, levelBonus, order, partner, plan } from "./builders.ts";
import { ledgerLines, period, run, runOne, volumesOf } from "./harness.ts";

// Level 1 10%; withdrawal 14 days.
const ir: PlanIR = plan({ bonuses: [levelBonus(["0.1"])], cancellation: { withdrawalDays: 14, policy: "exact", lateCanceller: null } });

describe("as-of dates of final runs", () => {
  // O1 delivered 10-25 (deadline 11-08), O2 delivered 10-20 (deadline 11-03), O3 delivered 10-05.
  const data = dataset({
    partners: chain("T", "A"),
    orders: [
      order("O1", "A", "2026-10-10", "100.00", "0", { delivered: "2026-10-25" }),
      order("O2", "A", "2026-10-11", "50.00", "0", { delivered: "2026-10-20" }),
      order("O3", "A", "2026-10-05", "10.00", "0"),
    ],
  });

  it("the earliest as-of is the latest deadline of the orders counted in the period", () => {
    expect(earliestFinalAsOf(ir, data, "2026-10")).toEqual({ asOf: "2026-11-08", blocking: ["O2", "O1"] });
    expect(earliestFinalAsOf(ir, data, "2026-11")).toEqual({ asOf: "2026-12-01", blocking: [] });
  });

  it("a final run before that date is refused, naming the blocking orders and the earliest date", () => {
    const outcome = runPeriod({ ir, data, history: [], period: "2026-10", asOf: "2026-11-05", final: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("as-of-too-early");
    expect(outcome.error.message).toContain("2026-11-08");
    // O2's deadline 11-03 is already past on 11-05: only O1 blocks.
    expect(outcome.error.details).toEqual(["order O1: delivered 2026-10-25, withdrawal deadline 2026-11-08", "earliest allowed as-of date: 2026-11-08"]);
  });

  it("a final run inside the period is refused even without deadlines", () => {
    const outcome = runPeriod({ ir, data, history: [], period: "2026-10", asOf: "2026-10-31", final: true });
    expect(outcome.ok ? null : outcome.error.code).toBe("as-of-too-early");
  });

  it("a preliminary run may use any date: it counts what is commissionable by then, labelled final: false", () => {
    // On 10-22: O3 (10-05) and O2 (delivered 10-20) are commissionable; O1 (delivered 10-25) not yet.
    const prelim = runOne({ ir, data, history: [], period: "2026-10", asOf: "2026-10-22", final: false });
    expect(prelim.final).toBe(false);
    expect(ledgerLines(prelim)).toEqual(["T Level O2/recruiter/1 5.00", "T Level O3/recruiter/1 1.00"]);
    expect(prelim.deferred).toEqual([
      { order: "O1", countsIn: "2026-10", reason: "commissionable on 2026-10-25, after this preliminary run's as-of date 2026-10-22" },
    ]);
    const final = runOne({ ir, data, history: [], period: "2026-10", asOf: "2026-11-08", final: true });
    expect(ledgerLines(final)).toEqual(["T Level O1/recruiter/1 10.00", "T Level O2/recruiter/1 5.00", "T Level O3/recruiter/1 1.00"]);
  });
});

describe("before-run cancellations", () => {
  it("a whole-order cancellation before the run leaves nothing to pay; returned goods are stock", () => {
    // O1 (2 x 50.00) delivered 10-05, deadline 10-19, cancelled whole on 10-12 (not late).
    const data = dataset({
      partners: chain("T", "A"),
      orders: [{ ...order("O1", "A", "2026-10-05", "50.00", "50"), lines: [{ sku: "S", qty: "2", figures: { net: "50.00", points: "50" } }] }],
      cancellations: [cancellation("C1", "O1", "2026-10-12")],
    });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.ledger).toEqual([]);
    expect(volumesOf(oct, "CV")["A"]).toBe("0/0/0");
    expect(oct.stock).toEqual([{ cancellation: "C1", order: "O1", sku: "S", qty: "2" }]);
    expect(oct.flags).toEqual([]);
  });

  it("a cancellation without lines takes what an earlier partial one left; lost goods are no stock", () => {
    // O1: line 0 3 x 10.00, line 1 1 x 40.00. C1 (10-10) returns 1 of line 0; C2 (10-11, lost,
    // no lines) takes the rest: 2 of line 0 and 1 of line 1. O2 counts in full: 10% x 20.00.
    const data = dataset({
      partners: chain("T", "A"),
      orders: [
        { ...order("O1", "A", "2026-10-05", "0", "0"), lines: [{ sku: "X", qty: "3", figures: { net: "10.00", points: "0" } }, { sku: "Y", qty: "1", figures: { net: "40.00", points: "0" } }] },
        order("O2", "A", "2026-10-06", "20.00", "0"),
      ],
      cancellations: [cancellation("C2", "O1", "2026-10-11", { goods: "lost" }), cancellation("C1", "O1", "2026-10-10", { lines: [{ line: 0, qty: "1" }] })],
    });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["T Level O2/recruiter/1 2.00"]);
    expect(oct.stock).toEqual([{ cancellation: "C1", order: "O1", sku: "X", qty: "1" }]);
  });

  it("a cancellation after the period but by its run's as-of date is still before the run", () => {
    // O1 delivered 10-25: October runs as of 11-08. C1 on 11-05 takes 1 of 2 units before that run;
    // its stock movement is listed in November, the period of its date.
    const data = dataset({
      partners: chain("T", "A"),
      orders: [{ ...order("O1", "A", "2026-10-10", "0", "0", { delivered: "2026-10-25" }), lines: [{ sku: "S", qty: "2", figures: { net: "50.00", points: "0" } }] }],
      cancellations: [cancellation("C1", "O1", "2026-11-05", { lines: [{ line: 0, qty: "1" }] })],
    });
    const result = run(ir, data, { through: "2026-11" });
    expect(ledgerLines(period(result, "2026-10"))).toEqual(["T Level O1/recruiter/1 5.00"]);
    expect(period(result, "2026-10").stock).toEqual([]);
    expect(period(result, "2026-11").stock).toEqual([{ cancellation: "C1", order: "O1", sku: "S", qty: "1" }]);
  });

  it("a late cancellation before the run flags the buyer and holds the buyer's later orders", () => {
    // Withdrawal 0 days, hold 4 weeks. O1 delivered 10-05 (deadline 10-05), cancelled 10-08: late,
    // A is flagged from 10-08 (listed in October). O2 dated 10-20, paid 10-20: held until
    // 10-20 + 28 days = 11-17, so it counts in November. O0 dated 10-01 is before the flag: not held.
    const held = plan({ bonuses: [levelBonus(["0.1"])], cancellation: { withdrawalDays: 0, policy: "exact", lateCanceller: { holdWeeks: 4, prepaymentOnly: true } } });
    const data = dataset({
      partners: chain("T", "A"),
      orders: [order("O0", "A", "2026-10-01", "30.00", "0"), order("O1", "A", "2026-10-05", "100.00", "0"), order("O2", "A", "2026-10-20", "50.00", "0")],
      cancellations: [cancellation("C1", "O1", "2026-10-08")],
    });
    const result = run(held, data, { through: "2026-11" });
    const oct = period(result, "2026-10");
    expect(ledgerLines(oct)).toEqual(["T Level O0/recruiter/1 3.00"]);
    expect(oct.flags).toEqual([
      {
        buyer: "A", from: "2026-10-08", cancellation: "C1", order: "O1",
        reason: "cancellation C1 of order O1 on 2026-10-08 came after the withdrawal deadline 2026-10-05",
        hold: { weeks: 4, prepaymentOnly: true },
      },
    ]);
    expect(oct.deferred).toEqual([expect.objectContaining({ order: "O2", countsIn: "2026-11" })]);
    expect(oct.deferred[0]!.reason).toContain("held until 2026-11-17");
    expect(ledgerLines(period(result, "2026-11"))).toEqual(["T Level O2/recruiter/1 5.00"]);
  });
});

describe("splits follow the agreement in force in the commissioning period", () => {
  it("an October order released in November is split under November's agreement", () => {
    // Agreement K -> S from 2026-11, share 50%. O0 (October) is not split: TA, level 1 above A
    // (K's partner), gets 10% x 100.00. O1 dated 10-30, paid 11-02, counts in November, so it is
    // split: recruiter portion A, TA (x = 50.00) -> TA 5.00; supporter portion S, TS -> TS 5.00.
    const split = plan({ bonuses: [levelBonus(["0.1"])], split: { title: null, mode: "volume", measures: [0, 1], defaultShare: "0.3" } });
    const data = dataset({
      partners: [...chain("TA", "A"), ...chain("TS", "S")],
      customers: [customer("K", "A")],
      splits: [agreement(0, "K", "S", "0.5", { from: "2026-11" })],
      orders: [order("O0", "K", "2026-10-05", "100.00", "0"), order("O1", "K", "2026-10-30", "100.00", "0", { paid: "2026-11-02" })],
    });
    const result = run(split, data, { through: "2026-11" });
    expect(ledgerLines(period(result, "2026-10"))).toEqual(["TA Level O0/recruiter/1 10.00"]);
    expect(ledgerLines(period(result, "2026-11"))).toEqual(["TA Level O1/recruiter/1 5.00", "TS Level O1/supporter/1 5.00"]);
  });
});

describe("run errors", () => {
  const data = dataset({ partners: chain("T", "A"), orders: [order("O1", "A", "2026-10-05", "10.00", "0")] });

  it("through before the first period, no orders, or a malformed period: a clear RunError", () => {
    const before = runThrough(ir, data, { through: "2026-09" });
    expect(before.ok ? null : before.error).toEqual({
      code: "through-before-first-period",
      message: "nothing to run through 2026-09: the first order is dated in 2026-10",
      details: ["run through 2026-10 or later"],
    });
    const none = runThrough(ir, dataset({ partners: chain("T") }), { through: "2026-10" });
    expect(none.ok ? null : none.error.code).toBe("no-orders");
    const bad = runThrough(ir, data, { through: "2026-13" });
    expect(bad.ok ? null : bad.error.code).toBe("invalid-period");
  });

  it("a history that does not end with the previous period is refused", () => {
    const oct = runOne({ ir, data, history: [], period: "2026-10", asOf: "2026-11-01", final: true });
    const gap = runPeriod({ ir, data, history: [oct], period: "2026-12", asOf: "2027-01-01", final: true });
    expect(gap.ok ? null : gap.error.code).toBe("invalid-history");
    const prelim = runOne({ ir, data, history: [], period: "2026-10", asOf: "2026-10-20", final: false });
    const notFinal = runPeriod({ ir, data, history: [prelim], period: "2026-11", asOf: "2026-12-01", final: true });
    expect(notFinal.ok ? null : notFinal.error.details).toEqual(["history[0] (2026-10) is a preliminary run; only final runs are history"]);
  });

  it("an inconsistent IR is refused, not thrown", () => {
    const broken = plan({ bonuses: [{ kind: "level", name: "L", measure: 7, levels: [], compression: true }] });
    const outcome = runThrough(broken, data, { through: "2026-10" });
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: "invalid-plan", details: ['bonus "L": measure 7 does not exist'] });
  });

  it("partners who join after the period are not listed in it", () => {
    const later = dataset({ partners: [...chain("T", "A"), partner("N", "A", { joined: "2026-11-03" })], orders: data.orders });
    const oct = period(run(ir, later, { through: "2026-10" }), "2026-10");
    expect(Object.keys(oct.ranks)).toEqual(["A", "T"]);
    expect(Object.keys(oct.statements)).toEqual(["A", "T"]);
  });
});
