/**
 * Commission-transfer mode (semantics §3, "primitive" splitting), computed by hand: the same
 * data as the volume-mode split test in golden-afterrun.test.ts, so the two modes can be read
 * side by side.
 */
import { describe, expect, it } from "vitest";
import type { Policy } from "../../core/ir.ts";
import type { PeriodResult } from "../../core/result.ts";
import { earned, period, run, volumesOf } from "./harness.ts";
import { splitScenarioData, splitScenarioPlan } from "./splitScenario.ts";

// The scenario (plan, genealogy, agreements, orders, cancellations) is in splitScenario.ts.
const irOf = splitScenarioPlan;
const data = splitScenarioData;

/** "id recipient order amount [transferOf|reverses]" per entry. */
function lines(p: PeriodResult): string[] {
  return p.ledger.map((e) =>
    [e.id, e.recipient, e.bonus, e.order, e.amount, e.transferOf ? `transferOf ${e.transferOf}` : "", e.reverses ? `reverses ${e.reverses}` : ""].filter((x) => x !== "").join(" "),
  );
}

describe("commission mode: volume stays with the recruiter's line, A's earnings are shared", () => {
  const runUnder = (policy: Policy, mode: "volume" | "commission" = "commission") => run(irOf(mode), data, { through: "2026-11", policy });

  it("October: no volume split; A2 passes 30% of its O1 level and 20% of its O2 differential to S", () => {
    // O1 path M, A2, A1 x = 200.00: A2 level 20.00 -> t = 30% = 6.00 (A2 -6.00, S +6.00);
    // A1 level 2 10.00; M differential 10.00 (M is not the recruiter: nothing moves).
    // O2 path A2, A1 x = 100.00: A1 level 1 10.00 (the rest of A's upline keeps everything);
    // A2 differential 5.00 -> t = 20% = 1.00.
    const oct = period(runUnder("exact"), "2026-10");
    expect(lines(oct)).toEqual([
      "2026-10#1 A2 Level O1 20.00",
      "2026-10#2 A2 Level O1 -6.00 transferOf 2026-10#1",
      "2026-10#3 S Level O1 6.00 transferOf 2026-10#1",
      "2026-10#4 A1 Level O1 10.00",
      "2026-10#5 M Differential O1 10.00",
      "2026-10#6 A1 Level O2 10.00",
      "2026-10#7 A2 Differential O2 5.00",
      "2026-10#8 A2 Differential O2 -1.00 transferOf 2026-10#7",
      "2026-10#9 S Differential O2 1.00 transferOf 2026-10#7",
    ]);
    // The original keeps base x rate = amount; the transfers carry no base or rate.
    expect(oct.ledger[0]).toMatchObject({ base: "200.00", rate: "10%", amount: "20.00" });
    expect(oct.ledger[1]).toEqual({
      id: "2026-10#2", recipient: "A2", bonus: "Level", kind: "level", order: "O1", portion: "recruiter", amount: "-6.00",
      transferOf: "2026-10#1", note: "supporter share 30% (splits[0]) to S",
    });
    expect(oct.ledger[2]!.note).toBe("supporter share 30% (splits[0]) from A2");
    expect(earned(oct)).toEqual({ A1: "20.00", A2: "18.00", M: "10.00", S: "7.00" });
    expect(volumesOf(oct, "CV")).toEqual({ A1: "0/300/300", A2: "100/300/300", B1: "0/0/0", M: "200/200/200", S: "0/0/0" });
  });

  it("the same October in volume mode: the supporter line (S 7.00, B1 5.00) earns 12.00, in commission mode 7.00", () => {
    // Volume mode (golden-afterrun.test.ts): A1 15.00, A2 18.00, B1 5.00, M 10.00, S 7.00.
    expect(earned(period(runUnder("exact", "volume"), "2026-10"))).toEqual({ A1: "15.00", A2: "18.00", B1: "5.00", M: "10.00", S: "7.00" });
  });

  it("simple and previous-rank: the clawback of M's order is transferred like the original (A2 -10.00 becomes -7.00 and S -3.00)", () => {
    // C1: one portion M, A2, A1 x = -100.00: A2 level -10.00 -> t = round(30% x -10.00) = -3.00
    // (A2 +3.00, S -3.00); A1 -5.00; M -5.00. C2: A2, A1 x = -100.00: A1 -10.00, A2 -5.00; K's
    // agreement is not in force in November (today's agreements): nothing moves.
    for (const policy of ["simple", "previous-rank"] as const) {
      const nov = period(runUnder(policy), "2026-11");
      expect(lines(nov)).toEqual([
        "2026-11#1 A2 Level O1 -10.00",
        "2026-11#2 A2 Level O1 3.00 transferOf 2026-11#1",
        "2026-11#3 S Level O1 -3.00 transferOf 2026-11#1",
        "2026-11#4 A1 Level O1 -5.00",
        "2026-11#5 M Differential O1 -5.00",
        "2026-11#6 A1 Level O2 -10.00",
        "2026-11#7 A2 Differential O2 -5.00",
      ]);
      expect(nov.ledger.map((e) => e.cancellation)).toEqual(["C1", "C1", "C1", "C1", "C1", "C2", "C2"]);
      expect(earned(nov)).toEqual({ A1: "-15.00", A2: "-12.00", M: "-5.00", S: "-3.00" });
    }
  });

  it("exact: the original transfers are reversed with everything else (and not transferred again)", () => {
    // f(C1) = 1/2: A2 -10.00, A2 +3.00, S -3.00, A1 -5.00, M -5.00; f(C2) = 1: A1 -10.00,
    // A2 -5.00, A2 +1.00, S -1.00. A2: -10 + 3 - 5 + 1 = -11.00; S: -4.00.
    const nov = period(runUnder("exact"), "2026-11");
    expect(lines(nov)).toEqual([
      "2026-11#1 A2 Level O1 -10.00 reverses 2026-10#1",
      "2026-11#2 A2 Level O1 3.00 reverses 2026-10#2",
      "2026-11#3 S Level O1 -3.00 reverses 2026-10#3",
      "2026-11#4 A1 Level O1 -5.00 reverses 2026-10#4",
      "2026-11#5 M Differential O1 -5.00 reverses 2026-10#5",
      "2026-11#6 A1 Level O2 -10.00 reverses 2026-10#6",
      "2026-11#7 A2 Differential O2 -5.00 reverses 2026-10#7",
      "2026-11#8 A2 Differential O2 1.00 reverses 2026-10#8",
      "2026-11#9 S Differential O2 -1.00 reverses 2026-10#9",
    ]);
    expect(earned(nov)).toEqual({ A1: "-15.00", A2: "-11.00", M: "-5.00", S: "-4.00" });
  });

  it("nothing is transferred while the supporter is not eligible (S terminated)", () => {
    // S terminated (no date): no transfer; A2 keeps 20.00 + 5.00 = 25.00.
    const terminated = { ...data, partners: data.partners.map((p) => (p.id === "S" ? { ...p, status: "terminated" as const } : p)) };
    const oct = period(run(irOf("commission"), terminated, { through: "2026-10" }), "2026-10");
    expect(oct.ledger.some((e) => e.transferOf !== undefined)).toBe(false);
    expect(earned(oct)).toEqual({ A1: "20.00", A2: "25.00", M: "10.00" });
  });

  it("the run option splitMode overrides the plan's mode", () => {
    const oct = period(run(irOf("volume"), data, { through: "2026-10", splitMode: "commission" }), "2026-10");
    expect(earned(oct)).toEqual({ A1: "20.00", A2: "18.00", M: "10.00", S: "7.00" });
  });
});
