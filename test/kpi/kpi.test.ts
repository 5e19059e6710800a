import { describe, expect, it } from "vitest";
import { computeKpis, formatKpiTable, KpiInputError, nearestRank } from "../../runtime/kpi/index.ts";
import type { ResultDocument } from "../../core/result.ts";
import { RANK_ORDER, RESULT } from "./fixture.ts";

describe("computeKpis over all periods (hand-calculated)", () => {
  const k = computeKpis(RESULT, "CV", undefined, RANK_ORDER);

  it("sums CV over partners and periods and the ledger into the payout", () => {
    expect(k.periods).toEqual(["2026-10", "2026-11"]);
    // CV: October 100.00 + 250.50 + 49.50 = 400.00, November 200 + 100 + 50 + 50 = 400.00.
    expect(k.totalCv).toBe("800.00");
    // Ledger: 10 + 5 + 30.05 + 12.50 + 3 + 8 + 20 - 2.50 + 1.25 = 87.30; 87.30 / 800 = 10.9125%.
    expect(k.totalPayout).toBe("87.30");
    expect(k.payoutPercentOfCv).toBe("10.91");
    // Statements' payouts: 43.05 + 17.50 + 17.50 (B and C carried in November).
    expect(k.paidOut).toBe("78.05");
  });

  it("totals each bonus, clawbacks included, largest first, percentages half-up", () => {
    expect(k.perBonus).toEqual([
      { bonus: "Differenzbonus", kind: "differential", amount: "63.80", percentOfCv: "7.98" }, // 7.975
      { bonus: "Ebenenbonus", kind: "level", amount: "20.50", percentOfCv: "2.56" }, // 2.5625
      { bonus: "Weltpool", kind: "pool", amount: "3.00", percentOfCv: "0.38" }, // 0.375
    ]);
  });

  it("with the plan's bonuses, a declared bonus that paid nothing gets a 0.00 row (last: smallest)", () => {
    const bonuses = [
      { name: "Ebenenbonus", kind: "level" },
      { name: "Differenzbonus", kind: "differential" },
      { name: "Managerbonus", kind: "generation" },
      { name: "Weltpool", kind: "pool" },
    ];
    const withPlan = computeKpis(RESULT, "CV", undefined, RANK_ORDER, bonuses);
    expect(withPlan.perBonus.map((b) => [b.bonus, b.amount, b.percentOfCv])).toEqual([
      ["Differenzbonus", "63.80", "7.98"],
      ["Ebenenbonus", "20.50", "2.56"],
      ["Weltpool", "3.00", "0.38"],
      ["Managerbonus", "0.00", "0.00"],
    ]);
  });

  it("counts each partner once at their highest rank, highest first, no rank last", () => {
    // A Manager (Oct), B Manager (Nov), C Junior, D Senior, E Junior, F none.
    expect(k.rankDistribution).toEqual([
      { rank: "Director", count: 0 },
      { rank: "Manager", count: 2 },
      { rank: "Senior", count: 1 },
      { rank: "Junior", count: 2 },
      { rank: null, count: 1 },
    ]);
  });

  it("gives nearest-rank earnings percentiles over every listed partner", () => {
    // Earned: A 60.55, B 25.50, C 1.25, D 0, E 0, F 0 -> sorted 0, 0, 0, 1.25, 25.50, 60.55.
    // Ranks ceil(P/100 × 6): p10 1, p25 2, p50 3, p75 5, p90 6, p99 6, max 6.
    expect(k.earnings).toEqual([
      { percentile: 10, amount: "0.00" },
      { percentile: 25, amount: "0.00" },
      { percentile: 50, amount: "0.00" },
      { percentile: 75, amount: "25.50" },
      { percentile: 90, amount: "60.55" },
      { percentile: 99, amount: "60.55" },
      { percentile: 100, amount: "60.55" },
    ]);
    expect(k.earnersCount).toBe(3);
    expect(k.partnersCount).toBe(6);
  });
});

describe("computeKpis for one period", () => {
  it("covers only that period", () => {
    const k = computeKpis(RESULT, "CV", "2026-11", RANK_ORDER);
    expect(k.periods).toEqual(["2026-11"]);
    expect(k.totalCv).toBe("400.00");
    // 8 + 20 - 2.50 + 1.25 = 26.75; 26.75 / 400 = 6.6875%.
    expect(k.totalPayout).toBe("26.75");
    expect(k.payoutPercentOfCv).toBe("6.69");
    expect(k.paidOut).toBe("17.50");
    expect(k.perBonus).toEqual([
      { bonus: "Differenzbonus", kind: "differential", amount: "21.25", percentOfCv: "5.31" },
      { bonus: "Ebenenbonus", kind: "level", amount: "5.50", percentOfCv: "1.38" },
    ]);
    expect(k.rankDistribution).toEqual([
      { rank: "Director", count: 0 },
      { rank: "Manager", count: 1 },
      { rank: "Senior", count: 1 },
      { rank: "Junior", count: 1 },
      { rank: null, count: 3 },
    ]);
    expect(k.earnings.map((e) => e.amount)).toEqual(["0.00", "0.00", "0.00", "8.00", "17.50", "17.50", "17.50"]);
    expect([k.earnersCount, k.partnersCount]).toEqual([3, 6]);
  });

  it("reports an unknown period as covering nothing, with n/a percentages", () => {
    const k = computeKpis(RESULT, "CV", "2027-01");
    expect(k.periods).toEqual([]);
    expect([k.totalCv, k.totalPayout, k.payoutPercentOfCv, k.paidOut]).toEqual(["0.00", "0.00", "n/a", "0.00"]);
    expect(k.perBonus).toEqual([]);
    expect(k.rankDistribution).toEqual([{ rank: null, count: 0 }]);
    expect(k.partnersCount).toBe(0);
  });
});

describe("computeKpis with a measure the result does not have", () => {
  it("finds no CV, so every percentage is n/a while the payout is still summed", () => {
    const k = computeKpis(RESULT, "BV");
    expect([k.totalCv, k.totalPayout, k.payoutPercentOfCv]).toEqual(["0.00", "87.30", "n/a"]);
    expect(k.perBonus.every((b) => b.percentOfCv === "n/a")).toBe(true);
  });
});

describe("computeKpis without the plan's rank order", () => {
  it("orders ranks by their holders' average group CV (stairstep plans)", () => {
    // Manager (5000 + 4200) / 2, Senior (1200 + 800 + 1500) / 3, Junior (100 + 60) / 2.
    const k = computeKpis(RESULT, "CV");
    expect(k.rankDistribution).toEqual([
      { rank: "Manager", count: 2 },
      { rank: "Senior", count: 1 },
      { rank: "Junior", count: 2 },
      { rank: null, count: 1 },
    ]);
  });
});

describe("computeKpis input checks and determinism", () => {
  it("names the bad number in a malformed result instead of failing inside decimal.js", () => {
    const bad: ResultDocument = structuredClone(RESULT);
    bad.periods[1]!.ledger[2]!.amount = "-2,50";
    expect(() => computeKpis(bad, "CV")).toThrow(KpiInputError);
    expect(() => computeKpis(bad, "CV")).toThrow("2026-11.ledger[2].amount");
  });

  it("does not depend on the key order of the maps in the result", () => {
    const shuffled: ResultDocument = structuredClone(RESULT);
    for (const p of shuffled.periods) {
      p.ranks = Object.fromEntries(Object.entries(p.ranks).reverse());
      p.volumes = Object.fromEntries(Object.entries(p.volumes).reverse());
      p.statements = Object.fromEntries(Object.entries(p.statements).reverse());
    }
    expect(JSON.stringify(computeKpis(shuffled, "CV"))).toBe(JSON.stringify(computeKpis(RESULT, "CV")));
  });

  it("keeps the money decimals of the result (here 0.001)", () => {
    const mills: ResultDocument = structuredClone(RESULT);
    mills.periods = [mills.periods[0]!];
    for (const e of mills.periods[0]!.ledger) e.amount = `${e.amount}0`;
    for (const s of Object.values(mills.periods[0]!.statements)) {
      s.earned = `${s.earned}0`;
      s.payout = `${s.payout}0`;
    }
    const k = computeKpis(mills, "CV");
    expect(k.totalPayout).toBe("60.550");
    expect(k.totalCv).toBe("400.000");
    expect(k.earnings.at(-1)).toEqual({ percentile: 100, amount: "43.050" });
  });
});

describe("nearestRank", () => {
  it("is ceil(P/100 × N), computed without float error", () => {
    expect(nearestRank(7, 100)).toBe(7); // 0.07 × 100 is 7.000000000000001 in floating point
    expect(nearestRank(29, 100)).toBe(29);
    expect(nearestRank(10, 3)).toBe(1);
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(50, 5)).toBe(3);
    expect(nearestRank(100, 6)).toBe(6);
    expect(nearestRank(50, 0)).toBe(0);
  });
});

describe("formatKpiTable", () => {
  it("prints the KPIs as aligned plain-text tables", () => {
    expect(formatKpiTable(computeKpis(RESULT, "CV", undefined, RANK_ORDER))).toBe(
      [
        "Periods: 2026-10 .. 2026-11 (2 periods)",
        "  figure                  value  % of CV",
        "  ---------------------  ------  -------",
        "  total CV               800.00",
        "  total payout (ledger)   87.30   10.91%",
        "  paid out (statements)   78.05",
        "  partners                    6",
        "  partners who earned         3",
        "",
        "Payout per bonus",
        "  bonus           kind          amount  % of CV",
        "  --------------  ------------  ------  -------",
        "  Differenzbonus  differential   63.80    7.98%",
        "  Ebenenbonus     level          20.50    2.56%",
        "  Weltpool        pool            3.00    0.38%",
        "",
        "Rank distribution (highest paid-as rank)",
        "  rank       partners",
        "  ---------  --------",
        "  Director          0",
        "  Manager           2",
        "  Senior            1",
        "  Junior            2",
        "  (no rank)         1",
        "",
        "Earnings per partner (nearest-rank percentiles)",
        "   p10   p25   p50    p75    p90    p99    max",
        "  ----  ----  ----  -----  -----  -----  -----",
        "  0.00  0.00  0.00  25.50  60.55  60.55  60.55",
        "",
      ].join("\n"),
    );
  });

  it("says when no ledger entries and no periods are covered", () => {
    const text = formatKpiTable(computeKpis(RESULT, "CV", "2027-01"));
    expect(text).toContain("Periods: none (the period is not in the result)");
    expect(text).toContain("  (no ledger entries)\n");
    expect(text).toContain("  total payout (ledger)   0.00      n/a");
  });
});
