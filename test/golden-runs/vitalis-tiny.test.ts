/**
 * Golden run computed by hand (docs/golden/vitalis-tiny.md): plans/vitalis-classic.plan on
 * samples/tiny.data.json through 2026-12. Every number below was derived from the spec
 * (semantics.md + docs/semantics-decisions.md) without the evaluator; the comments summarise
 * the arithmetic, the markdown file has it in full.
 *
 * Facts of this data that drive the whole run: no splits, no cancellations, nobody terminated;
 * the largest GV is 825 points, so nobody reaches Senior (GV >= 1000), let alone Manager or
 * Director. Hence rank = Junior iff PV >= 50 iff active, otherwise Consultant; OV = GV for
 * everyone (no breakaway owner); generation, equal rank and pool pay nothing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { canonical, Decimal } from "../../core/decimal.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import type { PeriodResult, ResultDocument, Statement } from "../../core/result.ts";

const root = new URL("../../", import.meta.url);
const readText = (relative: string): string => readFileSync(fileURLToPath(new URL(relative, root)), "utf8");

function load() {
  const compiled = compilePlan(readText("plans/vitalis-classic.plan"));
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const validated = validateData(JSON.parse(readText("samples/tiny.data.json")) as unknown);
  if (!validated.ok) throw new Error(`tiny data is invalid: ${JSON.stringify(validated.problems)}`);
  if (compiled.ir === null) throw new Error("the plan did not compile");
  return { ir: compiled.ir, data: validated.data };
}

function run(through: string): ResultDocument {
  const { ir, data } = load();
  const outcome = runThrough(ir, data, { through });
  if (!outcome.ok) throw new Error(`run refused: ${JSON.stringify(outcome.error)}`);
  return outcome.result;
}

const result = run("2026-12");
const byPeriod = (name: string): PeriodResult => {
  const found = result.periods.find((p) => p.period === name);
  if (found === undefined) throw new Error(`no period ${name}`);
  return found;
};
const oct = byPeriod("2026-10");
const nov = byPeriod("2026-11");
const dec = byPeriod("2026-12");

const ALL = ["P1", "P10", "P11", "P12", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];

/** "order bonus recipient s<step> [L<level>] amount": enough to tell every entry apart. */
function ledgerLines(p: PeriodResult): string[] {
  return p.ledger.map((e) => {
    const level = e.level === undefined ? "" : ` L${e.level}`;
    return `${e.order ?? "-"} ${e.bonus} ${e.recipient} s${e.step ?? "-"}${level} ${e.amount}`;
  });
}

/** Sum of amounts per bonus title, every bonus of the plan listed (0.00 when none). */
function totalsPerBonus(p: PeriodResult): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const title of ["Ebenenbonus", "Differenzbonus", "Managerbonus", "Stufengleich", "Fast Start", "Weltpool"]) sums[title] = new Decimal(0);
  for (const e of p.ledger) sums[e.bonus] = (sums[e.bonus] ?? new Decimal(0)).plus(e.amount);
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)]));
}

/** Breakage summed per bonus (the reasons' wording is the evaluator's; the amounts are ours). */
function breakagePerBonus(p: PeriodResult): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const b of p.breakage) sums[b.bonus] = (sums[b.bonus] ?? new Decimal(0)).plus(b.amount);
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)]));
}

/** partner -> "personal/group/open" of one measure, canonical decimals. */
function volumesOf(p: PeriodResult, measure: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(p.volumes)) out[id] = `${v[measure]!.personal}/${v[measure]!.group}/${v[measure]!.open}`;
  return out;
}

/** Expected volumes written as "pv/gv" (OV = GV throughout), compared in canonical form. */
function expectedVolumes(table: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(table)) {
    const [pv, gv] = text.split("/").map((s) => canonical(new Decimal(s)));
    out[id] = `${pv}/${gv}/${gv}`;
  }
  return out;
}

const paidOut = (earned: string): Statement => ({ earned, carriedIn: "0.00", payout: earned, carriedOut: "0.00" });
const nothing: Statement = paidOut("0.00");

function statementsWith(earners: Record<string, Statement>): Record<string, Statement> {
  return Object.fromEntries(ALL.map((id) => [id, earners[id] ?? nothing]));
}

function ranksWith(juniors: string[]): Record<string, string> {
  return Object.fromEntries(ALL.map((id) => [id, juniors.includes(id) ? "Junior" : "Consultant"]));
}
function activeWith(juniors: string[]): Record<string, boolean> {
  return Object.fromEntries(ALL.map((id) => [id, juniors.includes(id)]));
}

describe("vitalis-classic on tiny: release and as-of dates", () => {
  it("runs three final periods; December exists because O22-O25 are delivered (O23 paid) in December", () => {
    expect(result.periods.map((p) => [p.period, p.asOf, p.final])).toEqual([
      ["2026-10", "2026-11-13", true], // latest deadline O12: delivered 10-30 + 14 = 11-13
      ["2026-11", "2026-12-14", true], // latest deadline O26: delivered 11-30 + 14 = 12-14
      ["2026-12", "2027-01-01", true], // latest deadline O23: 12-10 + 14 = 12-24 < 2027-01-01
    ]);
  });

  it("lists orders counted later in the period of their own month", () => {
    // O6: ordered 10-12, paid 11-06, delivered 11-11 -> counts in November.
    expect(oct.deferred.map((d) => [d.order, d.countsIn])).toEqual([["O6", "2026-11"]]);
    // O22 delivered 12-01, O23 paid 12-05 / delivered 12-10, O24 and O25 delivered 12-03.
    expect(nov.deferred.map((d) => [d.order, d.countsIn])).toEqual([
      ["O22", "2026-12"], ["O23", "2026-12"], ["O24", "2026-12"], ["O25", "2026-12"],
    ]);
    expect(dec.deferred).toEqual([]);
  });

  it("has no cancellation effects at all", () => {
    for (const p of result.periods) {
      expect([p.flags, p.unrecovered, p.stock]).toEqual([[], [], []]);
      expect(p.ledger.filter((e) => e.cancellation !== undefined || e.amount.startsWith("-"))).toEqual([]);
    }
  });

  it("gives the same October and November when run only through November", () => {
    const short = run("2026-11");
    expect(short.periods).toEqual([oct, nov]);
  });
});

describe("vitalis-classic on tiny: October 2026", () => {
  const juniors = ["P1", "P2", "P4", "P8", "P9", "P11", "P12"]; // PV >= 50

  it("volumes: PV/GV points and CV/GV(CV) euros, OV = GV", () => {
    expect(volumesOf(oct, "PV")).toEqual(expectedVolumes({
      P12: "100/100", P9: "60/160", P10: "45/45", P11: "155/155", // P11: O3 100 + O10 55
      P7: "12/372", // 12 + 160 + 45 + 155
      P4: "80/452", P6: "20/20", P2: "80/100", P3: "0/0", P8: "94/94", P5: "0/94",
      P1: "75/721", // 75 + 452 + 100 + 0 + 94 = all points of October
    }));
    expect(volumesOf(oct, "CV")).toEqual(expectedVolumes({
      P12: "149.00/149.00", P9: "84.35/233.35", P10: "54.80/54.80", P11: "221.80/221.80",
      P7: "17.50/527.45", P4: "112.30/639.75", P6: "24.95/24.95", P2: "97.70/122.65", P3: "0/0",
      P8: "119.80/119.80", P5: "0/119.80", P1: "108.50/990.70",
    }));
  });

  it("ranks Junior exactly where PV >= 50 (nobody has GV >= 1000), and those are the active ones", () => {
    expect(oct.ranks).toEqual(ranksWith(juniors));
    expect(oct.active).toEqual(activeWith(juniors));
  });

  it("writes every ledger entry of the hand calculation, in document order of orders", () => {
    expect(ledgerLines(oct)).toEqual([
      // O1 P10 54.80, path ·P10 ·P7 P4 P1: P7 compressed away; differential passes P10, P7.
      "O1 Ebenenbonus P4 s2 L1 2.74", "O1 Ebenenbonus P1 s3 L2 2.74", "O1 Differenzbonus P4 s2 5.48",
      // O2 P7 17.50: 5% = 0.875 -> 0.88 (half-up).
      "O2 Ebenenbonus P4 s1 L1 0.88", "O2 Ebenenbonus P1 s2 L2 0.88", "O2 Differenzbonus P4 s1 1.75",
      // O3 P11 149.00 (day 0 after joining): fast start L1 = P7 inactive, unpaid; L2 = P4 5%.
      "O3 Ebenenbonus P4 s2 L1 7.45", "O3 Ebenenbonus P1 s3 L2 7.45", "O3 Differenzbonus P11 s0 14.90",
      "O3 Fast Start P4 s2 L2 7.45",
      // O4 P4 112.30: 5.615 -> 5.62.
      "O4 Ebenenbonus P1 s1 L1 5.62", "O4 Differenzbonus P4 s0 11.23",
      // O5 P1 108.50: no upline.
      "O5 Differenzbonus P1 s0 10.85",
      // O7 P6 24.95 (inactive): 1.2475 -> 1.25, 2.495 -> 2.50.
      "O7 Ebenenbonus P2 s1 L1 1.25", "O7 Ebenenbonus P1 s2 L2 1.25", "O7 Differenzbonus P2 s1 2.50",
      // O8 P12 149.00: P1 is level 3 (needs Senior): counts, unpaid. Fast start L1 P9 20%, L2 P7 inactive.
      "O8 Ebenenbonus P9 s1 L1 7.45", "O8 Ebenenbonus P4 s3 L2 7.45", "O8 Differenzbonus P12 s0 14.90",
      "O8 Fast Start P9 s1 L1 29.80",
      // O9 P2 97.70: 4.885 -> 4.89.
      "O9 Ebenenbonus P1 s1 L1 4.89", "O9 Differenzbonus P2 s0 9.77",
      // O10 P11 72.80 (day 17).
      "O10 Ebenenbonus P4 s2 L1 3.64", "O10 Ebenenbonus P1 s3 L2 3.64", "O10 Differenzbonus P11 s0 7.28",
      "O10 Fast Start P4 s2 L2 3.64",
      // O11 P9 84.35: 4.2175 -> 4.22, 8.435 -> 8.44. No fast start (joined June).
      "O11 Ebenenbonus P4 s2 L1 4.22", "O11 Ebenenbonus P1 s3 L2 4.22", "O11 Differenzbonus P9 s0 8.44",
      // O12 P8 119.80, path P8 ·P5 P1.
      "O12 Ebenenbonus P1 s2 L1 5.99", "O12 Differenzbonus P8 s0 11.98",
    ]);
  });

  it("totals per bonus: 71.76 + 99.08 + 40.89 = 211.73; no generation, equal rank or pool", () => {
    expect(totalsPerBonus(oct)).toEqual({
      Ebenenbonus: "71.76", Differenzbonus: "99.08", Managerbonus: "0.00", Stufengleich: "0.00",
      "Fast Start": "40.89", Weltpool: "0.00",
    });
  });

  it("statements: every earner is at or above the 10.00 minimum and paid out", () => {
    expect(oct.statements).toEqual(statementsWith({
      P1: paidOut("47.53"), // level 36.68 + differential 10.85
      P2: paidOut("13.52"), // level 1.25 + differential 2.50 + 9.77
      P4: paidOut("55.93"), // level 26.38 + differential 18.46 + fast start 11.09
      P8: paidOut("11.98"),
      P9: paidOut("45.69"), // level 7.45 + differential 8.44 + fast start 29.80
      P11: paidOut("22.18"), // 14.90 + 7.28
      P12: paidOut("14.90"),
    }));
  });

  it("breakage: each unpaid share rounded like its entry, then summed", () => {
    expect(breakagePerBonus(oct)).toEqual({
      // Shares round(5% x) per order sum to 49.56; 5 levels x 49.56 = 247.80 - paid 71.76
      // (7.45 of it is O8's level 3 below Senior, the rest paths shorter than 5 levels).
      Ebenenbonus: "176.04",
      // 25% x of every order (35% top rate, 10% paid): 13.70 + 4.38 + 37.25 + 28.08 + 27.13 +
      // 6.24 + 37.25 + 24.43 + 18.20 + 21.09 + 29.95.
      Differenzbonus: "247.70",
      Managerbonus: "148.68", // no open-volume owner: 3 generations x 49.56
      "Fast Start": "51.81", // P7 inactive: O3 L1 29.80 + O8 L2 7.45 + O10 L1 14.56
      Weltpool: "19.81", // 2% x 990.70 = 19.814, no qualifier
    });
    expect(oct.breakage.filter((b) => b.bonus === "Ebenenbonus").map((b) => b.amount).sort()).toEqual(["168.59", "7.45"]);
  });
});

describe("vitalis-classic on tiny: November 2026", () => {
  const juniors = ["P1", "P4", "P5", "P7", "P9", "P11", "P12"]; // P1 at exactly PV 50

  it("volumes (customer orders credited to their partner; O22/O23 wait for December)", () => {
    expect(volumesOf(nov, "PV")).toEqual(expectedVolumes({
      P12: "360/360", // O14 165 + C2's O20 115 + C3's O21 80
      P9: "55/415", P10: "0/0", P11: "85/85", // O19 60 + C4's O26 25
      P7: "65/565", P4: "115/680", P6: "0/0", P2: "0/0", P3: "0/0", P8: "40/40", P5: "55/95",
      P1: "50/825", // C1's O13 50 + 680 + 95
    }));
    expect(volumesOf(nov, "CV")).toEqual(expectedVolumes({
      P12: "495.20/495.20", P9: "69.80/565.00", P10: "0/0", P11: "107.65/107.65", P7: "89.40/762.05",
      P4: "142.60/904.65", P6: "0/0", P2: "0/0", P3: "0/0", P8: "49.90/49.90", P5: "69.80/119.70",
      P1: "79.00/1103.35",
    }));
  });

  it("ranks and activity", () => {
    expect(nov.ranks).toEqual(ranksWith(juniors));
    expect(nov.active).toEqual(activeWith(juniors));
  });

  it("writes every ledger entry of the hand calculation", () => {
    expect(ledgerLines(nov)).toEqual([
      "O6 Ebenenbonus P1 s1 L1 3.49", "O6 Differenzbonus P5 s0 6.98",
      "O13 Differenzbonus P1 s0 7.90", // C1 -> P1, no upline
      // O14 P12 228.25 (day 23): 11.4125 -> 11.41, 22.825 -> 22.83; P4 (L3) and P1 (L4) below rank.
      "O14 Ebenenbonus P9 s1 L1 11.41", "O14 Ebenenbonus P7 s2 L2 11.41", "O14 Differenzbonus P12 s0 22.83",
      "O14 Fast Start P9 s1 L1 45.65", "O14 Fast Start P7 s2 L2 11.41",
      "O15 Ebenenbonus P7 s1 L1 3.49", "O15 Ebenenbonus P4 s2 L2 3.49", "O15 Differenzbonus P9 s0 6.98",
      "O16 Ebenenbonus P1 s1 L1 7.13", "O16 Differenzbonus P4 s0 14.26",
      // O17 P8 49.90, P8 inactive (PV 40): 2.495 -> 2.50; differential passes P8, P5 gets 10%.
      "O17 Ebenenbonus P5 s1 L1 2.50", "O17 Ebenenbonus P1 s2 L2 2.50", "O17 Differenzbonus P5 s1 4.99",
      "O18 Ebenenbonus P4 s1 L1 4.47", "O18 Ebenenbonus P1 s2 L2 4.47", "O18 Differenzbonus P7 s0 8.94",
      // O19 P11 74.85 (day 43): 3.7425 -> 3.74, 7.485 -> 7.49, 20% = 14.97.
      "O19 Ebenenbonus P7 s1 L1 3.74", "O19 Ebenenbonus P4 s2 L2 3.74", "O19 Differenzbonus P11 s0 7.49",
      "O19 Fast Start P7 s1 L1 14.97", "O19 Fast Start P4 s2 L2 3.74",
      // Customer orders: no fast start. 8.4625 -> 8.46, 16.925 -> 16.93, 4.885 -> 4.89.
      "O20 Ebenenbonus P9 s1 L1 8.46", "O20 Ebenenbonus P7 s2 L2 8.46", "O20 Differenzbonus P12 s0 16.93",
      "O21 Ebenenbonus P9 s1 L1 4.89", "O21 Ebenenbonus P7 s2 L2 4.89", "O21 Differenzbonus P12 s0 9.77",
      "O26 Ebenenbonus P7 s1 L1 1.64", "O26 Ebenenbonus P4 s2 L2 1.64", "O26 Differenzbonus P11 s0 3.28",
    ]);
  });

  it("totals per bonus: 91.82 + 110.35 + 75.77 = 277.94", () => {
    expect(totalsPerBonus(nov)).toEqual({
      Ebenenbonus: "91.82", Differenzbonus: "110.35", Managerbonus: "0.00", Stufengleich: "0.00",
      "Fast Start": "75.77", Weltpool: "0.00",
    });
  });

  it("statements: nothing carried in from October; P11's 10.77 just clears the minimum", () => {
    expect(nov.statements).toEqual(statementsWith({
      P1: paidOut("25.49"), // level 17.59 + differential 7.90
      P4: paidOut("31.34"), // level 13.34 + differential 14.26 + fast start 3.74
      P5: paidOut("14.47"), // level 2.50 + differential 6.98 + 4.99
      P7: paidOut("68.95"), // level 33.63 + differential 8.94 + fast start 26.38
      P9: paidOut("77.39"), // level 24.76 + differential 6.98 + fast start 45.65
      P11: paidOut("10.77"), // 7.49 + 3.28
      P12: paidOut("49.53"), // 22.83 + 16.93 + 9.77
    }));
  });

  it("breakage: levels below the required rank, paths too short, no owner, no qualifier", () => {
    expect(breakagePerBonus(nov)).toEqual({
      Ebenenbonus: "184.03", // 5 x 55.17 - 91.82: below rank 58.39 + paths too short 125.64
      Differenzbonus: "275.84", // 25% x of each of the 11 orders
      Managerbonus: "165.51", // 3 x 55.17
      Weltpool: "22.07", // 2% x 1103.35 = 22.067; fast start fully paid: no row
    });
    expect(nov.breakage.filter((b) => b.bonus === "Ebenenbonus").map((b) => b.amount).sort()).toEqual(["125.64", "58.39"]);
  });
});

describe("vitalis-classic on tiny: December 2026", () => {
  const juniors = ["P1", "P3", "P10"];

  it("volumes, ranks and activity", () => {
    expect(volumesOf(dec, "PV")).toEqual(expectedVolumes({
      P10: "97/97", P7: "0/97", P4: "0/97", P6: "30/30", P2: "0/30", P3: "60/60", P1: "66/253",
      P5: "0/0", P8: "0/0", P9: "0/0", P11: "0/0", P12: "0/0",
    }));
    expect(volumesOf(dec, "CV")).toEqual(expectedVolumes({
      P10: "127.10/127.10", P7: "0/127.10", P4: "0/127.10", P6: "34.90/34.90", P2: "0/34.90",
      P3: "72.75/72.75", P1: "87.40/322.15", P5: "0/0", P8: "0/0", P9: "0/0", P11: "0/0", P12: "0/0",
    }));
    expect(dec.ranks).toEqual(ranksWith(juniors));
    expect(dec.active).toEqual(activeWith(juniors));
  });

  it("writes every ledger entry: compression skips P2, P7 and P4", () => {
    expect(ledgerLines(dec)).toEqual([
      "O22 Ebenenbonus P1 s1 L1 3.64", "O22 Differenzbonus P3 s0 7.28", // 3.6375, 7.275
      "O23 Ebenenbonus P1 s2 L1 1.75", "O23 Differenzbonus P1 s2 3.49", // path ·P6 ·P2 P1; 1.745
      "O24 Differenzbonus P1 s0 8.74",
      "O25 Ebenenbonus P1 s3 L1 6.36", "O25 Differenzbonus P10 s0 12.71", // path P10 ·P7 ·P4 P1; 6.355
    ]);
    expect(totalsPerBonus(dec)).toEqual({
      Ebenenbonus: "11.75", Differenzbonus: "32.22", Managerbonus: "0.00", Stufengleich: "0.00",
      "Fast Start": "0.00", Weltpool: "0.00",
    });
    expect(breakagePerBonus(dec)).toEqual({
      Ebenenbonus: "68.85", // 4 x 3.64 + 4 x 1.75 + 5 x 4.37 + 4 x 6.36, all paths too short
      Differenzbonus: "80.55", // 18.19 + 8.73 + 21.85 + 31.78
      Managerbonus: "48.36", // 3 x (3.64 + 1.75 + 4.37 + 6.36)
      Weltpool: "6.44", // 2% x 322.15 = 6.443
    });
  });

  it("statements: P3's 7.28 is below the 10.00 minimum and carried out", () => {
    expect(dec.statements).toEqual(statementsWith({
      P1: paidOut("23.98"), // level 11.75 + differential 3.49 + 8.74
      P3: { earned: "7.28", carriedIn: "0.00", payout: "0.00", carriedOut: "7.28" },
      P10: paidOut("12.71"),
    }));
  });
});
