/**
 * A plan that changes between periods (docs/STORE.md "Plan changes"): each period records its
 * own plan; a cancellation in November of an order October paid under the old plan reaches back
 * across the change. Example f (f_late_cancel.md): October under the original plan, November
 * under a plan with higher rates (level 1 12%, Senior differential 20%, fast start 25%).
 *
 * - exact reverses exactly the stored October entries: -10.00, -5.00, -10.00, -20.00 (old rates);
 * - previous-rank recomputes the clawback with the STORED October ranks and activity (S1 Senior,
 *   N Consultant — in November everybody is Consultant) and the rules in force now (12%, 20%);
 * - the new November order O4 is paid at the new rates: TOP level 12% of 60.00 = 7.20.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { closePeriod } from "../../store/close.ts";
import { StoreError } from "../../store/types.ts";
import { dataFile, examples, freshStore, plan } from "./fixtures.ts";

const original = readFileSync(`${examples}f_late_cancel.plan`, "utf8");
const raised = original
  .replace("level 1: 10%\n  compression", "level 1: 12%\n  compression")
  .replace("Consultant: 5%   Senior: 15%", "Consultant: 5%   Senior: 20%")
  .replace("level 1: 20%", "level 1: 25%");
const data = dataFile(`${examples}f_late_cancel.data.json`);

async function octoberThenNovember(novemberPlan: string, policy: "previous-rank" | "exact") {
  const { store } = await freshStore("sqlite", null);
  await closePeriod({ store, engine: referenceEngine, ...plan(original), data, period: "2026-10", policy });
  const done = await closePeriod({ store, engine: referenceEngine, ...plan(novemberPlan), data, period: "2026-11", policy });
  return { store, done };
}

describe("a plan change between periods, with a cancellation reaching back across it", () => {
  it("the changed plan is really different, and each period records its own plan", async () => {
    expect(raised).not.toBe(original);
    const { store, done } = await octoberThenNovember(raised, "exact");
    const runs = await store.runs();
    expect(runs[0]!.planHash).not.toBe(runs[1]!.planHash);
    expect(await store.planText(runs[0]!.planHash)).toBe(original);
    expect(await store.planText(runs[1]!.planHash)).toBe(raised);
    expect(done.planChangedFrom?.period).toBe("2026-10");
    await store.close();
  });

  it("exact reverses the amounts October stored under the old plan, from the partners it paid", async () => {
    const { store } = await octoberThenNovember(raised, "exact");
    const november = await store.readPeriod("2026-11");
    const clawbacks = november.ledger.filter((e) => e.cancellation === "S1C").map((e) => `${e.recipient} ${e.bonus} ${e.amount} reverses ${e.reverses}`);
    expect(clawbacks).toEqual([
      "S1 Ebenenbonus -10.00 reverses 2026-10#1",
      "N Differenzbonus -5.00 reverses 2026-10#2",
      "S1 Differenzbonus -10.00 reverses 2026-10#3",
      "S1 Fast Start -20.00 reverses 2026-10#4",
    ]);
    const o4 = november.ledger.filter((e) => e.order === "O4").map((e) => `${e.recipient} ${e.bonus} ${e.rate} ${e.amount}`);
    expect(o4).toEqual(["TOP Ebenenbonus 12% 7.20", "S1 Differenzbonus 5% 3.00"]);
    expect(november.statements["S1"]!.earned).toBe("-37.00");
    expect(november.statements["N"]!.earned).toBe("-5.00");
    expect(november.statements["TOP"]!.earned).toBe("7.20");
    await store.close();
  });

  it("previous-rank claws back with October's stored ranks and activity and the rates in force now", async () => {
    const { store } = await octoberThenNovember(raised, "previous-rank");
    const november = await store.readPeriod("2026-11");
    const clawbacks = november.ledger.filter((e) => e.cancellation === "S1C").map((e) => `${e.recipient} ${e.bonus} ${e.rate} ${e.amount}`);
    expect(clawbacks).toEqual(["S1 Ebenenbonus 12% -12.00", "N Differenzbonus 5% -5.00", "S1 Differenzbonus 15% -15.00"]);
    expect(november.statements["S1"]!.earned).toBe("-24.00");
    await store.close();
  });

  it("a later plan that drops a rank the stored history uses is refused, naming it and what to do", async () => {
    const renamed = original.replace("Senior: GV >= 150", "Expert: GV >= 150").replace("Senior: 15%", "Expert: 15%");
    const { store } = await freshStore("sqlite", null);
    await closePeriod({ store, engine: referenceEngine, ...plan(original), data, period: "2026-10", policy: "previous-rank" });
    const error = await closePeriod({ store, engine: referenceEngine, ...plan(renamed), data, period: "2026-11", policy: "previous-rank" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("run-refused");
    expect((error as StoreError).details).toContain('2026-10: partner S1 has rank "Senior", which the plan does not declare');
    expect((await store.runs()).length).toBe(1);
    await store.close();
  });
});
