/**
 * Explain, a partner's orders and the genealogy read one partner from the engine's view
 * (playground/src/worker/partnerLookup.ts) instead of the period's records and whole ledger:
 * every answer must be the one the result document gives (a RunState over runThrough's
 * document, without a view), for every partner and period of the bundled scenarios.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../../compiler/compile.ts";
import { validateData } from "../../../runtime/data/validate.ts";
import { compiledEngine } from "../../../runtime/compiled/engine.ts";
import { RunState } from "../../../playground/src/worker/runState.ts";
import { lazyResult } from "../../../playground/src/worker/lazyResult.ts";

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

describe("one partner's figures from the engine's view", () => {
  for (const [plan, scenario, through] of [
    ["plans/vitalis-classic.plan", "late-cancel", "2026-11"],
    ["plans/vitalis-classic.plan", "stage-speaker", "2026-11"],
    ["plans/vitalis-classic.plan", "team-1k", "2026-11"],
    ["plans/unilevel-essentials.plan", "small", "2026-11"],
  ] as const) {
    it(`answer as the document does: ${scenario} under ${plan}`, () => {
      const ir = compilePlan(read(plan)).ir!;
      const validation = validateData(JSON.parse(read(`samples/${scenario}.data.json`)));
      if (!validation.ok) throw new Error(`${scenario} does not load`);
      const data = validation.data;
      const viewed = compiledEngine.runThroughView(ir, data, { through });
      const documented = compiledEngine.runThrough(ir, data, { through });
      if (!viewed.ok || !documented.ok) throw new Error("the run was refused");
      const fromView = new RunState(ir, data, lazyResult(viewed.view), viewed.view);
      const fromDocument = new RunState(ir, data, documented.result, null);
      const periods = documented.result.periods.map((p) => p.period);
      expect(periods.length).toBeGreaterThan(0);
      // Every partner, a customer and an unknown id; the whole team-1k would take long: every 7th partner there.
      const ids = [...data.partners.map((p) => p.id).filter((_, i) => data.partners.length < 200 || i % 7 === 0), data.customers[0]?.id ?? "C?", "NOBODY"];
      for (const period of periods) {
        for (const id of ids) {
          expect(fromView.explain(period, id, 0, 50)).toEqual(fromDocument.explain(period, id, 0, 50));
          expect(fromView.ordersOf(period, id)).toEqual(fromDocument.ordersOf(period, id));
        }
        expect(fromView.genealogy(period, null, 0, 100)).toEqual(fromDocument.genealogy(period, null, 0, 100));
        for (const id of ids.slice(0, 40)) expect(fromView.genealogy(period, id, 0, 100)).toEqual(fromDocument.genealogy(period, id, 0, 100));
      }
    });
  }
});
