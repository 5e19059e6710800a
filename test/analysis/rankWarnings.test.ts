/**
 * The rank-table warnings are only given when true: on random plans (printed and compiled, so
 * the warnings come from the real checker) and random genealogies, a rank W308 says can never be
 * paid-as is nobody's paid-as rank, and a rank W311 says nobody can hold is held by nobody.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { printIr } from "../../core/printIr.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { datasetArb, MONTHS, planArb } from "../reference/arbitraries.ts";

describe("rank-table warnings hold on every run", () => {
  it("W308 and W311 ranks are never paid-as", () => {
    let warned = 0;
    fc.assert(
      fc.property(planArb({ split: false }), datasetArb({ splits: false }), (random, data) => {
        const { ir, diagnostics } = compilePlan(printIr(random));
        if (!ir) return;
        const never = new Set<string>();
        for (const d of diagnostics) {
          if (d.code === "W308") never.add(/`([^`]+)` can never be anyone's paid-as rank/.exec(d.message)![1]!);
          if (d.code === "W311") {
            // "... no partner can ever hold `X` or a rank above it": X and every rank above it.
            const held = /no partner can ever hold `([^`]+)`/.exec(d.message)![1]!;
            for (const r of ir.ranks.slice(ir.ranks.findIndex((x) => x.name === held))) never.add(r.name);
          }
        }
        if (never.size === 0) return;
        warned++;
        const run = referenceEngine.runThrough(ir, data, { through: MONTHS[MONTHS.length - 1]! });
        if (!run.ok) return;
        for (const p of run.result.periods) for (const rank of Object.values(p.ranks)) expect(rank === null || !never.has(rank)).toBe(true);
      }),
      // A fixed seed: the coverage check below counts how many random plans drew a warning, which
      // varies from seed to seed (3 of 150 was seen); the property itself holds on any seed.
      { numRuns: 150, seed: 20261130 },
    );
    // The generator makes shadowed ranks often enough for the property to say something.
    expect(warned).toBeGreaterThan(5);
  });
});
