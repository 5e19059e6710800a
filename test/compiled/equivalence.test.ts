/**
 * The compiled engine's promise (semantics §8 invariant 6): on random plans and genealogies its
 * result document is byte-identical to the reference evaluator's — every bonus kind, both split
 * modes, the three policies, late cancellers with holds, rounding modes and units, payout
 * minimum, terminations, several periods with history — through the generated code and through
 * the interpreter (what a page with a strict Content-Security-Policy runs).
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { compiledEngine, lastDelegations, setForceInterpreter } from "../../runtime/compiled/engine.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import type { RunOptions } from "../../runtime/reference/runThrough.ts";
import { datasetArb, MONTHS, planArb } from "../reference/arbitraries.ts";

const THROUGH = MONTHS[MONTHS.length - 1]!;
const RUNS = Number(process.env.EQUIVALENCE_RUNS ?? 120);

/**
 * Same bytes, and every period compiled: a run the reference accepts is never handed to it
 * (after-run cancellations under every policy and commission transfers included). A refused run
 * is worded by the reference, which is the one delegation left besides values beyond the safe
 * integers (the generators stay far below those).
 */
function same(ir: PlanIR, data: Dataset, options: RunOptions): void {
  const reference = referenceEngine.runThrough(ir, data, options);
  const actual = JSON.stringify(compiledEngine.runThrough(ir, data, options));
  expect(actual).toBe(JSON.stringify(reference));
  if (reference.ok) expect(lastDelegations()).toEqual([]);
}

const optionsArb = fc.record({
  policy: fc.constantFrom<Policy | undefined>(undefined, "simple", "previous-rank", "exact"),
  ignore: fc.boolean(),
});

afterEach(() => setForceInterpreter(false));

describe("compiled engine = reference engine", () => {
  for (const interpreter of [false, true]) {
    const label = interpreter ? "interpreter" : "generated code";
    it(`plain plans and volume splits (${label})`, () => {
      setForceInterpreter(interpreter);
      fc.assert(
        fc.property(planArb({ split: true, holds: true }), datasetArb({ splits: true }), (ir, data) => same(ir, data, { through: THROUGH })),
        { numRuns: RUNS },
      );
    });
    it(`cancellations, policies and commission mode (${label})`, () => {
      setForceInterpreter(interpreter);
      fc.assert(
        fc.property(
          fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true })),
          datasetArb({ splits: true, cancellations: true }),
          optionsArb,
          (ir, data, o) => same(ir, data, { through: THROUGH, ...(o.policy ? { policy: o.policy } : {}), ...(o.ignore ? { ignoreAfterRunCancellations: true } : {}) }),
        ),
        { numRuns: RUNS },
      );
    });
  }

  it("the replays of a comparison on one plan and data set (leading periods shared between them)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true })),
        datasetArb({ splits: true, cancellations: true }),
        (ir, data) => {
          same(ir, data, { through: THROUGH, ignoreAfterRunCancellations: true });
          for (const policy of ["simple", "previous-rank", "exact"] as const) same(ir, data, { through: THROUGH, policy });
          same(ir, data, { through: MONTHS[1]!, policy: "exact" });
          same(ir, data, { through: THROUGH, policy: "simple", splitMode: "volume" });
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it("runPeriod on a history of result documents (what the store passes): same period, nothing delegated", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true })),
        datasetArb({ splits: true, cancellations: true }),
        fc.constantFrom<Policy>("simple", "previous-rank", "exact"),
        (ir, data, policy) => {
          const run = referenceEngine.runThrough(ir, data, { through: THROUGH, policy });
          if (!run.ok || run.result.periods.length < 2) return;
          const periods = run.result.periods;
          const last = periods[periods.length - 1]!;
          const input = { ir, data, history: periods.slice(0, -1), period: last.period, asOf: last.asOf, final: true, policy };
          expect(JSON.stringify(compiledEngine.runPeriod(input))).toBe(JSON.stringify(referenceEngine.runPeriod(input)));
          expect(lastDelegations()).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("compiles most periods of plain data (delegation is the exception)", () => {
    let compiled = 0;
    let total = 0;
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true }), (ir, data) => {
        const outcome = compiledEngine.runThrough(ir, data, { through: THROUGH });
        if (!outcome.ok) return;
        total += outcome.result.periods.length;
        compiled += outcome.result.periods.length - lastDelegations().length;
      }),
      { numRuns: 60 },
    );
    expect(compiled).toBe(total);
  });
});
