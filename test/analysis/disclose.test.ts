/**
 * Income disclosure and plan diff on a hand-computed data set (fixtures/tiny.data.json):
 *
 * Plan A (level 1: 10%, Leader: PV >= 100, active when PV >= 50), October: A buys 60 PV / 100 CV
 * (active, Member), B 100 PV / 200 CV (Leader; A earns 10% = 20.00), D (terminated) 100 PV /
 * 50 CV (Leader by rank; A earns 5.00). November: B 100 PV / 100 CV (A has no PV: inactive, not
 * paid), C joins on 11-05 and buys 50 PV / 300 CV (B earns 30.00; C is Member).
 *   A 25.00 (Member, Member) · B 30.00 (Leader, Leader) · C 0.00 (–, Member) · D 0.00 (Leader, Member)
 * Groups by highest paid-as rank: Leader {B 30, D 0}, Member {A 25, C 0}. Nearest-rank
 * percentiles of [0, x]: p10 and median = 0, p90 = x. Periods at rank: Leader (2 + 1) / 2,
 * Member (2 + 1) / 2; listed: Leader (2 + 2) / 2, Member (2 + 1) / 2.
 *
 * Plan B pays 12% and Leader from PV >= 50: A 24 + 6 = 30.00, B 36.00; C is Leader in November
 * (moves up). Total 55.00 -> 66.00 on 750 CV: 7.33% -> 8.80%, +1.47 points.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { diffPlans } from "../../runtime/analysis/diffPlans.ts";
import { disclose, disclosureCsvLines } from "../../runtime/analysis/disclose.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const ir = (name: string) => compilePlan(readFileSync(fixture(name), "utf8")).ir!;
const data = () => {
  const v = validateData(JSON.parse(readFileSync(fixture("tiny.data.json"), "utf8")));
  if (!v.ok) throw new Error("fixture data invalid");
  return v.data;
};

describe("income disclosure (hand-computed)", () => {
  it("groups by highest paid-as rank with exact figures", () => {
    const out = disclose(referenceEngine, ir("tiny-a.plan"), data(), { through: "2026-11" });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.disclosure).toEqual({
      plan: "Tiny A", currency: "EUR", periods: ["2026-10", "2026-11"], partners: 4,
      rows: [
        { rank: "Leader", partners: 2, shareOfPartners: "50.00", mean: "15.00", median: "0.00", p10: "0.00", p90: "30.00", lowest: "0.00", highest: "30.00",
          earnedNothing: 1, earnedNothingShare: "50.00", meanPeriodsAtRank: "1.50", meanPeriodsListed: "2.00", terminated: 1 },
        { rank: "Member", partners: 2, shareOfPartners: "50.00", mean: "12.50", median: "0.00", p10: "0.00", p90: "25.00", lowest: "0.00", highest: "25.00",
          earnedNothing: 1, earnedNothingShare: "50.00", meanPeriodsAtRank: "1.50", meanPeriodsListed: "1.50", terminated: 0 },
      ],
    });
    expect(disclosureCsvLines(out.disclosure)[1]).toBe("Leader,2,50.00,15.00,0.00,0.00,30.00,0.00,30.00,1,50.00,1.50,2.00,1");
  });

  it("comp disclose --out writes the CSV; a bad folder writes nothing and says why", () => {
    const dir = mkdtempSync(join(tmpdir(), "disclose-"));
    try {
      const csv = join(dir, "disclosure.csv");
      const out = runCli(["disclose", fixture("tiny-a.plan"), "--data", fixture("tiny.data.json"), "--through", "2026-11", "--out", csv]);
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toContain("  Leader         2  50.00%  15.00    0.00  0.00  30.00    0.00    30.00      1 (50.00%)     1.50 of 2.00\n");
      expect(readFileSync(csv, "utf8").split("\n")[0]).toBe(
        "rank,partners,share of partners %,mean,median,10th percentile,90th percentile,lowest,highest,earned nothing,earned nothing %,mean periods at rank,mean periods listed,terminated",
      );
      const bad = runCli(["disclose", fixture("tiny-a.plan"), "--data", fixture("tiny.data.json"), "--through", "2026-11", "--out", join(csv, "x.csv")]);
      expect(bad.exitCode).not.toBe(0);
      expect(bad.stderr).toMatch(/cannot use .* as the output folder/);
      expect(existsSync(join(csv, "x.csv"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--json is the disclosure document", () => {
    const out = runCli(["disclose", fixture("tiny-a.plan"), "--data", fixture("tiny.data.json"), "--through", "2026-11", "--json"]);
    expect(JSON.parse(out.stdout).rows.map((r: { rank: string }) => r.rank)).toEqual(["Leader", "Member"]);
  });
});

describe("plan diff (hand-computed)", () => {
  it("totals, per bonus, rank moves, gainers and distribution", () => {
    const out = diffPlans(referenceEngine, ir("tiny-a.plan"), ir("tiny-b.plan"), data(), { through: "2026-11" });
    if (!out.ok) throw new Error(out.error.message);
    const d = out.diff;
    expect(d.a).toEqual({ plan: "Tiny A", measure: "CV", volume: "750", totalPayout: "55.00", percentOfVolume: "7.33", paidOut: "55.00" });
    expect(d.b).toMatchObject({ totalPayout: "66.00", percentOfVolume: "8.80" });
    expect(d.change).toEqual({ totalPayout: "11.00", percentPoints: "1.47" });
    expect(d.bonuses).toEqual([{ bonus: "Levels", kind: "level", a: "55.00", b: "66.00", change: "11.00" }]);
    expect(d.ranks).toEqual({ period: "2026-11", up: 1, down: 0, same: 3, movedUp: [{ partner: "C", a: "Member", b: "Leader" }], movedDown: [] });
    expect(d.gainers).toEqual([
      { partner: "B", a: "30.00", b: "36.00", change: "6.00" },
      { partner: "A", a: "25.00", b: "30.00", change: "5.00" },
    ]);
    expect(d.losers).toEqual([]);
    expect(d.distribution.percentiles).toEqual({ lowest: "0.00", p10: "0.00", median: "0.00", p90: "6.00", highest: "6.00" });
    expect(d.distribution.bands.filter((b) => b.partners > 0)).toEqual([{ band: "0 (unchanged)", partners: 2 }, { band: "0 to 10", partners: 2 }]);
  });

  it("B vs A mirrors A vs B", () => {
    const out = diffPlans(referenceEngine, ir("tiny-b.plan"), ir("tiny-a.plan"), data(), { through: "2026-11" });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.diff.change).toEqual({ totalPayout: "-11.00", percentPoints: "-1.47" });
    expect(out.diff.losers.map((l) => l.partner)).toEqual(["B", "A"]);
    expect(out.diff.ranks.movedDown).toEqual([{ partner: "C", a: "Leader", b: "Member" }]);
  });

  it("comp diff: text, and usage errors", () => {
    const args = ["diff", fixture("tiny-a.plan"), fixture("tiny-b.plan"), "--data", fixture("tiny.data.json"), "--through", "2026-11"];
    const out = runCli(args);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("  total payout    55.00 EUR    66.00 EUR    +11.00 EUR\n");
    expect(out.stdout).toContain("paid-as ranks in 2026-11 (place on each plan's ladder): 1 up, 0 down, 3 unchanged\n  up: C (Member → Leader)\n");
    expect(runCli(["diff", fixture("tiny-a.plan"), "--data", fixture("tiny.data.json"), "--through", "2026-11"]).exitCode).toBe(2);
    expect(runCli([...args, "--policy", "nice"]).stderr).toContain("--policy must be one of simple, previous-rank, exact, not `nice`");
    const json = JSON.parse(runCli([...args, "--json"]).stdout);
    expect(json.change.totalPayout).toBe("11.00");
  });
});
