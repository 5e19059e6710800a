/**
 * Released views give their arrays back and later runs take them (runtime/compiled/arrayPool.ts,
 * periodRelease.ts): with the pool taking arrays of every size, each spec example under each
 * policy and split mode runs on the arrays of the run released before it and must still write
 * the reference's document byte for byte; a view still held is never overwritten (also when two
 * runs share a period); a released view refuses to be read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../core/dataModel.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { ResultView } from "../../core/resultView.ts";
import type { RunOptions } from "../../core/run.ts";
import { drainArrayPool, pooledArrayBytes, reusedArrayBytes, setPoolMinimumBytes } from "../../runtime/compiled/arrayPool.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { joinChunks } from "../../runtime/output/sink.ts";
import { resultJsonChunks } from "../../runtime/output/resultJson.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { loadExample } from "../reference/harness.ts";

const EXAMPLES = ["a_seed_levels", "b_generation", "c_differential", "d_customer_split", "e_partner_split", "f_late_cancel", "g_pool", "h_balances", "i_release"];
const POLICIES: Policy[] = ["simple", "previous-rank", "exact"];

function lastPeriod(data: Dataset): string {
  return data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1)!;
}

function viewOf(ir: PlanIR, data: Dataset, options: RunOptions): ResultView {
  const outcome = compiledEngine.runThroughView(ir, data, options);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.view;
}

function referenceText(ir: PlanIR, data: Dataset, options: RunOptions): string {
  const outcome = referenceEngine.runThroughView(ir, data, options);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return joinChunks(resultJsonChunks(outcome.view));
}

const text = (view: ResultView): string => joinChunks(resultJsonChunks(view));

describe("compiled arrays given back and taken again", () => {
  beforeAll(() => {
    drainArrayPool();
    setPoolMinimumBytes(0);
  });
  afterAll(() => {
    setPoolMinimumBytes(null);
    drainArrayPool();
  });

  it("every example, policy and split mode, each run on the arrays of the one released before it, writes the reference's document", () => {
    const reusedBefore = reusedArrayBytes();
    for (const name of EXAMPLES) {
      const { ir, data } = loadExample(name);
      for (const policy of POLICIES) {
        for (const splitMode of ["volume", "commission"] as const) {
          const options = { through: lastPeriod(data), policy, splitMode };
          const view = viewOf(ir, data, options);
          expect(text(view), `${name} ${policy} ${splitMode}`).toBe(referenceText(ir, data, options));
          compiledEngine.release!(view);
        }
      }
    }
    expect(reusedArrayBytes()).toBeGreaterThan(reusedBefore);
  });

  it("a view still held is not overwritten by runs on released arrays", () => {
    const a = loadExample("c_differential");
    const b = loadExample("f_late_cancel");
    const held = viewOf(b.ir, b.data, { through: lastPeriod(b.data), policy: "exact" });
    const heldText = text(held);
    for (const policy of POLICIES) {
      const options = { through: lastPeriod(a.data), policy };
      const released = viewOf(a.ir, a.data, options);
      compiledEngine.release!(released);
      expect(pooledArrayBytes()).toBeGreaterThan(0);
      const again = viewOf(a.ir, a.data, options);
      expect(text(again)).toBe(referenceText(a.ir, a.data, options));
      compiledEngine.release!(again);
    }
    expect(text(held)).toBe(heldText);
    compiledEngine.release!(held);
  });

  it("a period two runs share goes back only when both views are released", () => {
    // f_late_cancel's leading periods have no after-run cancellations: the second run takes them from the first.
    const { ir, data } = loadExample("f_late_cancel");
    const through = lastPeriod(data);
    const first = viewOf(ir, data, { through, policy: "simple" });
    const second = viewOf(ir, data, { through, policy: "exact" });
    const secondText = text(second);
    compiledEngine.release!(first);
    compiledEngine.release!(first);
    const other = loadExample("e_partner_split");
    for (let i = 0; i < 3; i++) compiledEngine.release!(viewOf(other.ir, other.data, { through: lastPeriod(other.data) }));
    expect(text(second)).toBe(secondText);
    expect(secondText).toBe(referenceText(ir, data, { through, policy: "exact" }));
    compiledEngine.release!(second);
  });

  it("a released view refuses to be read", () => {
    const { ir, data } = loadExample("a_seed_levels");
    const view = viewOf(ir, data, { through: lastPeriod(data) });
    compiledEngine.release!(view);
    const period = view.periods[0]!;
    expect(() => period.ledgerEntry(0)).toThrow(/released/);
    expect(() => period.statement(0)).toThrow(/released/);
  });
});
