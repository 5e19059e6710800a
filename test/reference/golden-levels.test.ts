/** Golden runs of the level bonus, computed by hand (arithmetic in the comments). */
import { describe, expect, it } from "vitest";
import { and, chain, CV, dataset, levelBonus, order, partner, plan, pvAtLeast, tier } from "./builders.ts";
import { earned, ledgerLines, period, run } from "./harness.ts";

describe("level bonus", () => {
  it("seed: 5 levels x 5% = 25% of an order", () => {
    // Chain P1 <- ... <- P7; P7 buys net 100.00. Levels 1-5 are P6..P2: 5 x (5% x 100.00) = 25.00.
    const ir = plan({ bonuses: [levelBonus(["0.05", "0.05", "0.05", "0.05", "0.05"])] });
    const data = dataset({ partners: chain("P1", "P2", "P3", "P4", "P5", "P6", "P7"), orders: [order("O1", "P7", "2026-10-05", "100.00", "100")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(earned(oct)).toEqual({ P2: "5.00", P3: "5.00", P4: "5.00", P5: "5.00", P6: "5.00" });
    const total = oct.ledger.reduce((sum, e) => sum + Number(e.amount) * 100, 0);
    expect(total).toBe(2500); // cents: 25% of 100.00
    // P1 stands at level 6: beyond the plan, so nothing is unpaid either.
    expect(oct.breakage).toEqual([]);
  });

  // Chain P1 <- P2 <- P3 <- P4 <- B. Active when PV >= 50; everyone buys 50 points except P3.
  // B buys net 100.00. Levels: 10%, 5%, 5%.
  const partners = chain("P1", "P2", "P3", "P4", "B");
  const orders = [
    order("O1", "B", "2026-10-05", "100.00", "50"),
    order("O2", "P4", "2026-10-05", "0", "50"),
    order("O3", "P2", "2026-10-05", "0", "50"),
    order("O4", "P1", "2026-10-05", "0", "50"),
  ];

  it("compression skips the inactive P3: P4 level 1, P2 level 2, P1 level 3", () => {
    // P4 10% x 100 = 10.00; P3 skipped; P2 5% = 5.00; P1 5% = 5.00. Total 20% = sum of the rates.
    const ir = plan({ activity: pvAtLeast("50"), bonuses: [levelBonus(["0.1", "0.05", "0.05"], true)] });
    const oct = period(run(ir, dataset({ partners, orders }), { through: "2026-10" }), "2026-10");
    expect(oct.active["P3"]).toBe(false);
    expect(ledgerLines(oct)).toEqual(["P4 Level O1/recruiter/1 10.00", "P2 Level O1/recruiter/3 5.00", "P1 Level O1/recruiter/4 5.00"]);
    expect(oct.ledger.map((e) => e.level)).toEqual([1, 2, 3]);
    expect(oct.breakage).toEqual([]);
  });

  it("without compression P3 keeps level 2 and its 5.00 is breakage; P1 at level 4 gets nothing", () => {
    // P4 level 1 10.00; P3 level 2 inactive: 5% x 100 = 5.00 unpaid; P2 level 3 5.00; P1 level 4 > 3.
    const ir = plan({ activity: pvAtLeast("50"), bonuses: [levelBonus(["0.1", "0.05", "0.05"], false)] });
    const oct = period(run(ir, dataset({ partners, orders }), { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["P4 Level O1/recruiter/1 10.00", "P2 Level O1/recruiter/3 5.00"]);
    expect(oct.breakage).toEqual([{ bonus: "Level", amount: "5.00", reason: "recipient not active" }]);
  });

  it("a partner below the required rank still counts as a level; a short path is breakage", () => {
    // Ranks: Consultant, Senior (PV >= 100). Levels 10%, 10% requires Senior, 10%, 10%.
    // A <- B <- C <- D(buyer, net 200.00). C level 1 10% = 20.00; B level 2 needs Senior, has PV 0:
    // 20.00 unpaid; A level 3 (Senior by PV 100) 20.00; level 4: the path has ended, 20.00 unpaid.
    const ir = plan({
      ranks: [{ name: "Consultant", condition: null }, { name: "Senior", condition: pvAtLeast("100") }],
      bonuses: [{ kind: "level", name: "Level", measure: CV, compression: true, levels: [tier("0.1"), tier("0.1", 1), tier("0.1"), tier("0.1")] }],
    });
    const data = dataset({
      partners: chain("A", "B", "C", "D"),
      orders: [order("O1", "D", "2026-10-05", "200.00", "0"), order("O2", "A", "2026-10-05", "0", "100")],
    });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["C Level O1/recruiter/1 20.00", "A Level O1/recruiter/3 20.00"]);
    expect(oct.breakage).toEqual([
      { bonus: "Level", amount: "20.00", reason: "credit path shorter than the levels" },
      { bonus: "Level", amount: "20.00", reason: "recipient below the required rank" },
    ]);
  });

  it("a level the plan leaves out (rate 0) writes neither an entry nor breakage", () => {
    // Levels 10%, 0%, 5%: A <- B <- C <- D(buyer 100.00): C 10.00, B nothing, A 5.00.
    const ir = plan({ bonuses: [levelBonus(["0.1", "0", "0.05"])] });
    const data = dataset({ partners: chain("A", "B", "C", "D"), orders: [order("O1", "D", "2026-10-05", "100.00", "0")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(ledgerLines(oct)).toEqual(["C Level O1/recruiter/1 10.00", "A Level O1/recruiter/3 5.00"]);
    expect(oct.breakage).toEqual([]);
  });

  it("a terminated partner keeps its volume but is skipped by compression", () => {
    // T <- U(terminated 2026-10-15, so terminated in October) <- B(buyer 100.00): level 1 is T.
    const ir = plan({ bonuses: [levelBonus(["0.1"])] });
    const data = dataset({
      partners: [partner("T", null), partner("U", "T", { status: "terminated", terminated: "2026-10-15" }), partner("B", "U")],
      orders: [order("O1", "B", "2026-10-05", "100.00", "100")],
    });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.active).toEqual({ B: true, T: true, U: false });
    expect(oct.volumes["U"]!["PV"]).toEqual({ personal: "0", group: "100", open: "100" });
    expect(ledgerLines(oct)).toEqual(["T Level O1/recruiter/2 10.00"]);
  });

  it("activity and ranks can combine conditions (and)", () => {
    // Active when PV >= 50 and GV >= 100: A (PV 60, GV 60) inactive, B (PV 60, GV 120) active.
    const ir = plan({ activity: and(pvAtLeast("50"), { kind: "compare", figure: { kind: "group", measure: 0 }, op: ">=", value: "100" }) });
    const data = dataset({ partners: chain("B", "A"), orders: [order("O1", "A", "2026-10-05", "0", "60"), order("O2", "B", "2026-10-05", "0", "60")] });
    const oct = period(run(ir, data, { through: "2026-10" }), "2026-10");
    expect(oct.active).toEqual({ A: false, B: true });
  });
});
