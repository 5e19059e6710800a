/**
 * `comp compare` on two threads (cli/compareInParallel.ts, opt-in with COMP_COMPARE_THREADS=2)
 * gives the one-thread comparison byte for byte, whichever thread runs which replay: the worker
 * running every replay (ownReplays 0), one of them, or as it comes; and a refused run is the
 * same refusal.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CompareWorker, comparePoliciesOnTwoThreads } from "../../cli/compareInParallel.ts";
import { runCli } from "../../cli/main.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { PlanIR } from "../../core/ir.ts";
import { comparePolicies } from "../../runtime/compare/index.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { comparedDataArb, comparedPlanArb, LAST_MONTH } from "../compare/fixtures.ts";
import { loadExample } from "../reference/harness.ts";
import { fileURLToPath } from "node:url";

const THROUGH = LAST_MONTH;
const ex = fileURLToPath(new URL("../../docs/spec/examples/", import.meta.url));

const started: CompareWorker[] = [];
afterEach(() => {
  for (const w of started.splice(0)) w.close();
});

function onTwoThreads(ir: PlanIR, data: Dataset, through: string, ownReplays: number, engine = compiledEngine) {
  const worker = CompareWorker.start();
  if (worker === null) throw new Error("no worker could be started");
  started.push(worker);
  return { outcome: comparePoliciesOnTwoThreads(ir, data, through, engine, worker, ownReplays), ranByWorker: worker.ranByWorker() };
}

describe("comparePoliciesOnTwoThreads", () => {
  it("example f: the worker runs every replay, or one, and the comparison is the one-thread one", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const one = comparePolicies(ir, data, "2026-11");
    expect(one.ok).toBe(true);
    const all = onTwoThreads(ir, data, "2026-11", 0);
    expect(all.ranByWorker).toEqual([0, 1, 2]);
    expect(JSON.stringify(all.outcome)).toBe(JSON.stringify(one));
    const last = onTwoThreads(ir, data, "2026-11", 2, referenceEngine);
    expect(last.ranByWorker).toEqual([2]);
    expect(JSON.stringify(last.outcome)).toBe(JSON.stringify(comparePolicies(ir, data, "2026-11", undefined, referenceEngine)));
  });

  it("data the worker cannot be given (not structured-cloneable): the one-thread comparison, no replay on the worker", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const uncloneable = { ...data, note: () => "a function cannot be copied to a worker" } as unknown as Dataset;
    const two = onTwoThreads(ir, uncloneable, "2026-11", 0);
    expect(two.ranByWorker).toEqual([]);
    expect(JSON.stringify(two.outcome)).toBe(JSON.stringify(comparePolicies(ir, data, "2026-11", undefined, compiledEngine)));
  });

  it("random plans and data with after-run cancellations: the same figures from the worker's replays", () => {
    let clawedBack = 0;
    fc.assert(
      fc.property(
        comparedPlanArb,
        comparedDataArb,
        fc.constantFrom(0, 1, 2),
        (ir, data, own) => {
        const one = comparePolicies(ir, data, THROUGH, undefined, compiledEngine);
        const two = onTwoThreads(ir, data, THROUGH, own);
        expect(JSON.stringify(two.outcome)).toBe(JSON.stringify(one));
        // Replays past the first failing one are not run on either side.
        if (one.ok) expect(two.ranByWorker).toEqual([0, 1, 2].slice(own));
        if (one.ok && one.comparison.policies.some((p) => !/^0(\.0+)?$/.test(p.totalClawback))) clawedBack++;
        },
      ),
      { numRuns: 12, seed: 20261130 },
    );
    expect(clawedBack).toBeGreaterThan(0);
    // Twelve worker threads each load the module graph: a few seconds each on a loaded 2-core
    // machine, so more than the default minute. A guard against a hang, not a timing assertion.
  }, 300_000);

  it("a run the engine refuses is the same refusal, and the worker runs nothing", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const one = comparePolicies(ir, data, "1999-01");
    expect(one.ok).toBe(false);
    const two = onTwoThreads(ir, data, "1999-01", 0);
    expect(two.outcome).toEqual(one);
    expect(two.ranByWorker).toEqual([]);
  });
});

describe("comp compare with COMP_COMPARE_THREADS=2", () => {
  it("prints what one thread prints", () => {
    const argv = ["compare", `${ex}f_late_cancel.plan`, "--data", `${ex}f_late_cancel.data.json`, "--through", "2026-11", "--json"];
    const one = runCli(argv);
    const saved = process.env["COMP_COMPARE_THREADS"];
    process.env["COMP_COMPARE_THREADS"] = "2";
    try {
      expect(runCli(argv)).toEqual(one);
    } finally {
      if (saved === undefined) delete process.env["COMP_COMPARE_THREADS"];
      else process.env["COMP_COMPARE_THREADS"] = saved;
    }
    expect(one.exitCode).toBe(0);
  });
});
