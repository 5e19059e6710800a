/** The embedding API: one import runs the whole pipeline on the spec's example (a). */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as comp from "../runtime/api.ts";

const ex = new URL("../docs/spec/examples/", import.meta.url);

it("compiles, validates, runs and validates the result through runtime/api.ts", () => {
  const { ir, diagnostics } = comp.compilePlan(readFileSync(new URL("a_seed_levels.plan", ex), "utf8"));
  expect(diagnostics).toEqual([]);
  const v = comp.validateData(JSON.parse(readFileSync(new URL("a_seed_levels.data.json", ex), "utf8")));
  if (!v.ok || !ir) throw new Error("example a must compile and validate");
  expect(comp.checkDataAgainstPlan(ir, v.data)).toEqual([]);
  const out = comp.runThrough(ir, v.data, { through: "2026-10" });
  if (!out.ok) throw new Error(out.error.message);
  expect(comp.validateResult(out.result)).toEqual([]);
  // a_seed_levels.md: P6..P2 get 5.00 each, 25.00 = 25% of 100.00
  const amounts = out.result.periods[0]!.ledger.map((e) => [e.recipient, e.amount]);
  expect(amounts).toEqual([["P6", "5.00"], ["P5", "5.00"], ["P4", "5.00"], ["P3", "5.00"], ["P2", "5.00"]]);
});
