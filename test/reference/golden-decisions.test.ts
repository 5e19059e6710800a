/**
 * Decisions where semantics.md is silent (docs/semantics-decisions.md), each pinned by a run
 * computed by hand.
 */
import { describe, expect, it } from "vitest";
import type { BonusIR, PlanIR } from "../../core/ir.ts";
import { runPeriod } from "../../runtime/reference/runPeriod.ts";
import { agreement, cancellation, chain, CV, dataset, differentialBonus, gvAtLeast, levelBonus, order, partner, plan, PV, pvAtLeast, tier } from "./builders.ts";
import { ledgerLines, period, run, volumesOf } from "./harness.ts";

describe("ledger order", () => {
  it("orders in document order (not by id); pool entries last, by recipient id", () => {
    // Level 1 10% and a pool of 10% of CV, shares for everyone (Consultant: 1).
    // Orders Z1 (listed first) and A1 by B, each 10.00: level entries for Z1 then A1.
    // Pool 10% x 20.00 = 2.00 over T and B (1 share each): 1.00 each, B before T by id.
    const ir = plan({
      bonuses: [levelBonus(["0.1"]), { kind: "pool", name: "Pool", measure: CV, rate: "0.1", shares: [{ rank: 0, shares: "1" }] }],
    });
    const data = dataset({ partners: [partner("T", null), partner("B", "T")], orders: [order("Z1", "B", "2026-10-05", "10.00", "0"), order("A1", "B", "2026-10-06", "10.00", "0")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["T Level Z1/recruiter/1 1.00", "T Level A1/recruiter/1 1.00", "B Pool 1.00", "T Pool 1.00"]);
    expect(oct.ledger.map((e) => e.id)).toEqual(["2026-10#1", "2026-10#2", "2026-10#3", "2026-10#4"]);
  });
});

describe("breakage", () => {
  it("each unpaid share is rounded like the entry it would have been, then summed", () => {
    // Level 1 0.5% without compression; T (level 1) is terminated. Three orders of 1.00 each:
    // each unpaid share 0.005 rounds half-up to 0.01, so the breakage is 0.03 (not round(0.015)).
    const ir = plan({ bonuses: [levelBonus(["0.005"], false)] });
    const data = dataset({
      partners: [partner("T", null, { status: "terminated" }), partner("B", "T")],
      orders: ["O1", "O2", "O3"].map((id) => order(id, "B", "2026-10-05", "1.00", "0")),
    });
    expect(period(run(ir, data, { through: "2026-10" }), "2026-10").breakage).toEqual([{ bonus: "Level", amount: "0.03", reason: "recipient not active" }]);
  });

  it("without an open-volume owner the whole generation stack is breakage", () => {
    // Breakaway at Manager (PV >= 1000); nobody qualifies. A <- B buys 100.00: 5% + 5% = 10.00 unpaid.
    const ir = plan({
      ranks: [{ name: "Consultant", condition: null }, { name: "Manager", condition: pvAtLeast("1000") }],
      breakaway: 1,
      bonuses: [{ kind: "generation", name: "Gen", measure: CV, generations: [tier("0.05"), tier("0.05")] }],
    });
    const data = dataset({ partners: chain("A", "B"), orders: [order("O1", "B", "2026-10-05", "100.00", "0")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.ledger).toEqual([]);
    expect(oct.breakage).toEqual([{ bonus: "Gen", amount: "10.00", reason: "no open-volume owner (no manager on the credit path)" }]);
  });
});

describe("entries and amounts", () => {
  it("an entry that rounds to zero is not written", () => {
    // Level 1 0.5% of 1.00 = 0.005: half-even rounds to 0.00 -> no entry (and it is not breakage).
    const ir = plan({ rounding: { mode: "half-even", unit: "0.01" }, bonuses: [levelBonus(["0.005"])] });
    const data = dataset({ partners: chain("A", "B"), orders: [order("O1", "B", "2026-10-05", "1.00", "0")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.ledger).toEqual([]);
    expect(oct.breakage).toEqual([]);
  });

  it("volumes print exact and canonical; bases exact with at least the unit's decimals", () => {
    // 3 x 33.333 net: x = 99.999. Level 1 10% -> 9.9999 -> 10.00.
    const ir = plan({ bonuses: [levelBonus(["0.1"])] });
    const o = { ...order("O1", "B", "2026-10-05", "0", "0"), lines: [{ sku: "S", qty: "3", figures: { net: "33.333", points: "1.5" } }] };
    const oct = period(run(ir, dataset({ partners: chain("A", "B"), orders: [o] }), { through: "2026-10" }), "2026-10");
    expect(oct.ledger[0]).toMatchObject({ base: "99.999", rate: "10%", amount: "10.00" });
    expect(volumesOf(oct, "PV")["B"]).toBe("4.5/4.5/4.5");
  });
});

describe("as-of dates and cancellations", () => {
  it("an order cancelled before the run still sets the earliest as-of date", () => {
    // O1 delivered 10-25 (deadline 11-08 with 14 days), cancelled whole on 10-26: October still
    // runs as of 11-08 (which orders count does not depend on cancellations).
    const ir = plan({ cancellation: { withdrawalDays: 14, policy: "exact", lateCanceller: null } });
    const data = dataset({
      partners: chain("A"),
      orders: [order("O1", "A", "2026-10-10", "10.00", "0", { delivered: "2026-10-25" })],
      cancellations: [cancellation("C1", "O1", "2026-10-26")],
    });
    expect(period(run(ir, data, { through: "2026-10" }), "2026-10").asOf).toBe("2026-11-08");
  });

  it("without the commissioning period in the history, its earliest as-of date decides before/after", () => {
    // O1 counts in October (earliest as-of 11-01); C1 on 11-10 is after that run. A November run
    // with an empty history still finds it. `simple` needs no history: -10.00 on the path A, T,
    // level 1 10% -> T -1.00. `exact` (and `previous-rank`) need the October run and refuse.
    const ir = plan({ bonuses: [levelBonus(["0.1"])] });
    const data = dataset({ partners: chain("T", "A"), orders: [order("O1", "A", "2026-10-05", "10.00", "0")], cancellations: [cancellation("C1", "O1", "2026-11-10")] });
    const input = { ir, data, history: [], period: "2026-11", asOf: "2026-12-01", final: true };
    const simple = runPeriod({ ...input, policy: "simple" });
    expect(simple.ok && ledgerLines(simple.period)).toEqual(["T Level O1/recruiter/1 -1.00"]);
    for (const policy of ["exact", "previous-rank"] as const) {
      const outcome = runPeriod({ ...input, policy });
      expect(outcome.ok ? null : outcome.error.code).toBe("history-missing");
      expect(outcome.ok ? null : outcome.error.details).toEqual([
        "cancellation C1 of order O1 on 2026-11-10: after the 2026-10 run as of 2026-11-01, which is not in the history",
      ]);
    }
  });
});

describe("splits", () => {
  const split = (mode: "volume" | "commission", measures: number[]): PlanIR["split"] => ({ title: null, mode, measures, defaultShare: "0.5" });
  const data = dataset({
    partners: [...chain("TA", "A"), ...chain("TS", "S")],
    splits: [agreement(0, "A", "S", null, { shareByMeasure: { PV: "0.5", CV: "0.3" } })],
    orders: [order("O1", "A", "2026-10-05", "100.00", "100")],
  });

  it("a share given for a measure the plan does not split is ignored", () => {
    // The plan splits PV only: CV stays whole with the recruiter although the agreement says 30%.
    const oct = period(run(plan({ split: split("volume", [PV]) }), data, { through: "2026-10" }), "2026-10");
    expect(volumesOf(oct, "PV")).toMatchObject({ TA: "0/50/50", TS: "0/50/50" });
    expect(volumesOf(oct, "CV")).toMatchObject({ TA: "0/100/100", TS: "0/0/0" });
  });

  it("agreements are ignored by a plan without a split block", () => {
    const oct = period(run(plan(), data, { through: "2026-10" }), "2026-10");
    expect(volumesOf(oct, "PV")).toMatchObject({ TA: "0/100/100", TS: "0/0/0" });
  });

  it("a member who is also a direct child of its supporter is one leg", () => {
    // S sponsors M and also supports it (100% of PV). M buys 1000 points: the leg through M is
    // 1000 either way, capped at 60% of 1000 = 600: S is no Manager (GV >= 1000 with maxleg 60%).
    const ir = plan({ ranks: [{ name: "Consultant", condition: null }, { name: "Manager", condition: gvAtLeast("1000", "0.6") }], split: split("volume", [PV]) });
    const d = dataset({ partners: chain("S", "M"), splits: [agreement(0, "M", "S", "1")], orders: [order("O1", "M", "2026-10-05", "0", "1000")] });
    const oct = period(run(ir, d, { through: "2026-10" }), "2026-10");
    expect(volumesOf(oct, "PV")["S"]).toBe("0/1000/1000");
    expect(oct.ranks["S"]).toBe("Consultant");
  });
});

describe("equal rank follows the differential walk whatever its own measure", () => {
  it("pays on CV although the differential's PV base of the order is zero", () => {
    // Differential on PV (Consultant 5%, Manager 10%), equal rank 3% on CV from Manager.
    // X (Manager by PV 30, own order has PV 0) buys net 100.00; Y above is a Manager too:
    // the walk makes X an earner (no PV entry: base 0), Y is X's equal: 3% x 100.00 = 3.00.
    const bonuses: BonusIR[] = [
      differentialBonus(["0.05", "0.1"], PV, "Diff"),
      { kind: "equalrank", name: "Equal", measure: CV, rate: "0.03", minRank: 1, differential: 0 },
    ];
    const ir = plan({ ranks: [{ name: "Consultant", condition: null }, { name: "Manager", condition: pvAtLeast("30") }], bonuses });
    const data = dataset({
      partners: chain("Y", "X"),
      orders: [order("O1", "X", "2026-10-05", "100.00", "0"), order("O2", "X", "2026-10-06", "0", "30"), order("O3", "Y", "2026-10-06", "0", "30")],
    });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct).filter((l) => l.includes("O1"))).toEqual(["Y Equal O1/recruiter/1 3.00"]);
  });
});

describe("ids are data", () => {
  it("a partner called __proto__ is listed like any other", () => {
    const ir = plan({ bonuses: [levelBonus(["0.1"])] });
    const data = dataset({ partners: [partner("__proto__", null), partner("constructor", "__proto__")], orders: [order("O1", "constructor", "2026-10-05", "10.00", "0")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(Object.keys(oct.statements)).toEqual(["__proto__", "constructor"]);
    expect(oct.statements["__proto__"]!.earned).toBe("1.00");
    expect(JSON.parse(JSON.stringify(oct.ranks))).toEqual(JSON.parse('{"__proto__": "Consultant", "constructor": "Consultant"}'));
  });
});
