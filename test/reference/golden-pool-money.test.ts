/** Golden runs: pool remainders, fast start windows, rounding modes, minimum payout carry. */
import { describe, expect, it } from "vitest";
import type { BonusIR, PlanIR } from "../../core/ir.ts";
import { Decimal } from "../../core/decimal.ts";
import { splitByLargestRemainder } from "../../runtime/reference/bonuses/largestRemainder.ts";
import { moneyOf } from "../../core/money.ts";
import { chain, customer, CV, dataset, levelBonus, order, partner, plan, pvAtLeast, tier } from "./builders.ts";
import { earned, ledgerLines, period, run } from "./harness.ts";

describe("pool", () => {
  // Ranks Consultant, Manager PV >= 100, Director PV >= 200, Top PV >= 300; shares Manager 1,
  // Director 2 (Top holds Director's 2). Pool 1% of CV.
  const ir = plan({
    ranks: [
      { name: "Consultant", condition: null },
      { name: "Manager", condition: pvAtLeast("100") },
      { name: "Director", condition: pvAtLeast("200") },
      { name: "Top", condition: pvAtLeast("300") },
    ],
    bonuses: [{ kind: "pool", name: "Pool", measure: CV, rate: "0.01", shares: [{ rank: 1, shares: "1" }, { rank: 2, shares: "2" }] }],
  });
  const partners = [partner("ROOT", null), ...["A", "B", "C", "D", "E"].map((id) => partner(id, "ROOT")), partner("T", "ROOT", { status: "terminated" })];
  const orders = [
    order("OA", "A", "2026-10-05", "5.00", "100"), // Manager: 1 share
    order("OB", "B", "2026-10-05", "4.00", "300"), // Top: Director's 2 shares
    order("OC", "C", "2026-10-05", "2.00", "100"), // Manager: 1
    order("OD", "D", "2026-10-05", "2.00", "100"), // Manager: 1
    order("OE", "E", "2026-10-05", "0", "50"), //     Consultant: no share
    order("OT", "T", "2026-10-05", "0", "200"), //    Director but terminated: no share
  ];

  it("splits 0.13 by largest remainder: A 0.03, B 0.05, C 0.03, D 0.02", () => {
    // Pool 1% x 13.00 = 0.13; 5 shares. Exact parts (cents): A 2.6, B 5.2, C 2.6, D 2.6.
    // Toward zero: 2 + 5 + 2 + 2 = 11 cents; 2 left. Remainders .6 (A, C, D) > .2 (B); the tie
    // goes by ascending id: A, C. (Half-up per part would pay 3 + 5 + 3 + 3 = 14 cents.)
    const oct = period(run(ir, dataset({ partners, orders }), { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["A Pool 0.03", "B Pool 0.05", "C Pool 0.03", "D Pool 0.02"]);
    expect(oct.ledger.map((e) => e.note)).toEqual(["1 of 5 shares", "2 of 5 shares", "1 of 5 shares", "1 of 5 shares"]);
    expect(oct.ledger[0]).toMatchObject({ kind: "pool", base: "13.00", rate: "1%" });
  });

  it("largest remainder compares remainders exactly (thirds), with any share sizes", () => {
    const money = moneyOf("0.01", "half-up");
    // 1.00 over shares 1, 1, 1: 33.33... cents each, one cent left: the lowest id.
    const thirds = splitByLargestRemainder(new Decimal("1"), [{ id: "b", shares: new Decimal(1) }, { id: "a", shares: new Decimal(1) }, { id: "c", shares: new Decimal(1) }], money);
    expect(thirds.map((d) => d.toFixed(2))).toEqual(["0.33", "0.34", "0.33"]);
    // 0.10 over shares 0.5 and 1.5: 2.5 and 7.5 cents; the pool rounds to 10: remainders tie (.5),
    // the cent goes to "x" < "y".
    const halves = splitByLargestRemainder(new Decimal("0.1"), [{ id: "y", shares: new Decimal("0.5") }, { id: "x", shares: new Decimal("1.5") }], money);
    expect(halves.map((d) => d.toFixed(2))).toEqual(["0.02", "0.08"]);
  });
});

describe("fast start: within 30 days, level 1 20%, level 2 5%", () => {
  const fastStart: BonusIR = { kind: "faststart", name: "FS", measure: CV, withinDays: 30, levels: [tier("0.2"), tier("0.05")] };
  // S2 <- S1 <- N (joined 2026-10-01); customer K of N.
  const partners = [...chain("S2", "S1"), partner("N", "S1", { joined: "2026-10-01" })];

  it("pays on day 30 after joining, not on day 31, and never for a customer's order", () => {
    // O1 2026-10-31 (30 days): S1 20% x 100 = 20.00, S2 5% = 5.00. O2 2026-11-01 (31 days): nothing.
    // OK by customer K on 2026-10-10: the buyer is not a partner: nothing.
    const data = dataset({
      partners,
      customers: [customer("K", "N")],
      orders: [order("O1", "N", "2026-10-31", "100.00", "0"), order("O2", "N", "2026-11-01", "100.00", "0"), order("OK", "K", "2026-10-10", "100.00", "0")],
    });
    const result = run(plan({ bonuses: [fastStart] }), data, { through: "2026-11" });
    expect(ledgerLines(period(result, "2026-10"))).toEqual(["S1 FS O1/recruiter/1 20.00", "S2 FS O1/recruiter/2 5.00"]);
    expect(period(result, "2026-11").ledger).toEqual([]);
  });

  it("has no compression: an inactive level 1 is breakage and level 2 stays level 2", () => {
    // Active when PV >= 10: S1 has no points. S1's 20.00 is unpaid; S2 (PV 10) gets 5.00.
    const data = dataset({ partners, orders: [order("O1", "N", "2026-10-05", "100.00", "10"), order("O2", "S2", "2026-10-05", "0", "10")] });
    const oct = period(run(plan({ activity: pvAtLeast("10"), bonuses: [fastStart] }), data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["S2 FS O1/recruiter/2 5.00"]);
    expect(oct.breakage).toEqual([{ bonus: "FS", amount: "20.00", reason: "recipient not active" }]);
  });
});

describe("rounding and balances", () => {
  // Level 1 at 0.5% on an order of net 5.00: exactly 0.025.
  function levelAmount(mode: PlanIR["rounding"]["mode"]): string[] {
    const ir = plan({ rounding: { mode, unit: "0.01" }, bonuses: [levelBonus(["0.005"])] });
    const data = dataset({ partners: chain("A", "B"), orders: [order("O1", "B", "2026-10-05", "5.00", "0")] });
    return period(run(ir, data, { through: "2026-10" }), "2026-10").ledger.map((e) => e.amount);
  }

  it("half-up rounds 0.025 away from zero to 0.03; half-even to the even 0.02", () => {
    expect(levelAmount("half-up")).toEqual(["0.03"]);
    expect(levelAmount("half-even")).toEqual(["0.02"]);
    expect(levelAmount("down")).toEqual(["0.02"]);
  });

  it("a unit of 0.05 rounds to nickels and prints two decimals", () => {
    // 10% x 1.23 = 0.123 -> 2.46 nickels -> 2 -> 0.10.
    const ir = plan({ rounding: { mode: "half-up", unit: "0.05" }, bonuses: [levelBonus(["0.1"])] });
    const data = dataset({ partners: chain("A", "B"), orders: [order("O1", "B", "2026-10-05", "1.23", "0")] });
    expect(period(run(ir, data, { through: "2026-10" }), "2026-10").ledger.map((e) => e.amount)).toEqual(["0.10"]);
  });

  it("carries a balance below the minimum payout until it reaches it", () => {
    // Minimum 10.00, level 1 10%. Oct: B buys 60.00 -> A earns 6.00 < 10.00: payout 0, carried 6.00.
    // Nov: 50.00 -> 5.00; balance 6.00 + 5.00 = 11.00 >= 10.00: payout 11.00, carried 0.00.
    const ir = plan({ payoutMinimum: "10", bonuses: [levelBonus(["0.1"])] });
    const data = dataset({ partners: chain("A", "B"), orders: [order("O1", "B", "2026-10-05", "60.00", "0"), order("O2", "B", "2026-11-05", "50.00", "0")] });
    const result = run(ir, data, { through: "2026-11" });
    expect(period(result, "2026-10").statements["A"]).toEqual({ earned: "6.00", carriedIn: "0.00", payout: "0.00", carriedOut: "6.00" });
    expect(period(result, "2026-11").statements["A"]).toEqual({ earned: "5.00", carriedIn: "6.00", payout: "11.00", carriedOut: "0.00" });
    expect(earned(period(result, "2026-11"))).toEqual({ A: "5.00" });
  });
});
