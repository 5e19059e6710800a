/**
 * Every spec example and every bundled plan on every bundled sample, through both engines, under
 * the three policies and both split modes: the compiled result document must be byte-identical
 * to the reference's, and no period of a run the reference accepts is handed to it (after-run
 * cancellations and commission transfers are compiled too).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import { compiledEngine, lastDelegations } from "../../runtime/compiled/engine.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { firstPeriod } from "../../core/orderPeriods.ts";
import { loadExample } from "../reference/harness.ts";

const POLICIES: Policy[] = ["simple", "previous-rank", "exact"];

function lastPeriod(data: Dataset): string {
  return data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1) ?? firstPeriod(data) ?? "2026-01";
}

function bothEngines(ir: PlanIR, data: Dataset): void {
  const through = lastPeriod(data);
  for (const policy of POLICIES) {
    for (const splitMode of ["volume", "commission"] as const) {
      const options = { through, policy, splitMode };
      const reference = referenceEngine.runThrough(ir, data, options);
      expect(JSON.stringify(compiledEngine.runThrough(ir, data, options)), `${policy} ${splitMode}`).toBe(JSON.stringify(reference));
      if (reference.ok) expect(lastDelegations(), `${policy} ${splitMode}`).toEqual([]);
    }
  }
}

const SPEC_EXAMPLES = ["a_seed_levels", "b_generation", "c_differential", "d_customer_split", "e_partner_split", "f_late_cancel", "g_pool", "h_balances", "i_release"];

describe("compiled engine on the spec examples", () => {
  for (const name of SPEC_EXAMPLES) {
    it(name, () => {
      const { ir, data } = loadExample(name);
      bothEngines(ir, data);
    });
  }
});

describe("compiled engine on the bundled plans and samples", () => {
  const plans = readdirSync(new URL("../../plans/", import.meta.url)).filter((f) => f.endsWith(".plan"));
  const samples = readdirSync(new URL("../../samples/", import.meta.url)).filter((f) => f.endsWith(".data.json") && !f.startsWith("team-1k"));
  for (const plan of plans) {
    for (const sample of samples) {
      it(`${plan} on ${sample}`, () => {
        const { ir } = compilePlan(readFileSync(new URL(`../../plans/${plan}`, import.meta.url), "utf8"));
        const checked = validateData(JSON.parse(readFileSync(new URL(`../../samples/${sample}`, import.meta.url), "utf8")));
        if (!ir || !checked.ok) throw new Error(`${plan} or ${sample} does not load`);
        bothEngines(ir, checked.data);
      });
    }
  }
});
