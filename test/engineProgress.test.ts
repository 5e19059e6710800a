/**
 * Progress within a period (RunOptions.onStep): both engines tell each period's steps in order,
 * after the period itself, and telling them changes no figure.
 */
import { describe, expect, it } from "vitest";
import type { Engine } from "../core/engine.ts";
import { RUN_STEPS, type RunOptions } from "../core/run.ts";
import { compiledEngine, lastDelegations } from "../runtime/compiled/engine.ts";
import { referenceEngine } from "../runtime/reference/engine.ts";
import { loadExample } from "./reference/harness.ts";

const ENGINES: Engine[] = [referenceEngine, compiledEngine];

/** Every onPeriod and onStep call of a run, as lines like "period 2026-11" and "2026-11 bonuses". */
function told(engine: Engine, name: string, options: RunOptions): { events: string[]; json: string; plain: string } {
  const events: string[] = [];
  // Fresh objects per run: the compiled engine shares leading periods of the same (plan, data) pair.
  const first = loadExample(name);
  const json = JSON.stringify(
    engine.runThrough(first.ir, first.data, {
      ...options,
      onPeriod: (period) => events.push(`period ${period}`),
      onStep: (period, step) => events.push(`${period} ${step}`),
    }),
  );
  const second = loadExample(name);
  return { events, json, plain: JSON.stringify(engine.runThrough(second.ir, second.data, options)) };
}

describe("onStep: the steps of each period", () => {
  for (const engine of ENGINES) {
    it(`${engine.name}: volumes, bonuses, statements after each period, the same result`, () => {
      const { events, json, plain } = told(engine, "h_balances", { through: "2027-01" });
      if (engine === compiledEngine) expect(lastDelegations()).toEqual([]);
      const periods = events.filter((e) => e.startsWith("period ")).map((e) => e.slice("period ".length));
      expect(periods.length).toBeGreaterThan(1);
      expect(events).toEqual(periods.flatMap((p) => [`period ${p}`, ...RUN_STEPS.map((s) => `${p} ${s}`)]));
      expect(json).toBe(plain);
    });

    it(`${engine.name}: after-run cancellations under each policy tell the same steps`, () => {
      for (const policy of ["simple", "previous-rank", "exact"] as const) {
        const { events, json, plain } = told(engine, "f_late_cancel", { through: "2027-01", policy });
        const last = events.slice(-RUN_STEPS.length);
        expect(last).toEqual(RUN_STEPS.map((s) => `2027-01 ${s}`));
        expect(json).toBe(plain);
      }
    });

    it(`${engine.name}: runPeriod tells the steps of its one period`, () => {
      const { ir, data } = loadExample("a_seed_levels");
      const period = data.orders[0]!.date.slice(0, 7);
      const through = engine.runThrough(ir, data, { through: period });
      if (!through.ok) throw new Error(through.error.message);
      const steps: string[] = [];
      const outcome = engine.runPeriod({ ir, data, history: [], period, asOf: through.result.periods[0]!.asOf, final: true, onStep: (s) => steps.push(s) });
      expect(steps).toEqual([...RUN_STEPS]);
      expect(JSON.stringify(outcome)).toBe(JSON.stringify({ ok: true, period: through.result.periods[0] }));
    });
  }
});
