/**
 * The policy comparison is engine-independent and reads replays either as period views
 * (comparePolicies: the compiled engine's columns, never a document) or as documents
 * (comparisonOf and bottomLinesOf over replayPolicies); comparePoliciesInFull (what the
 * playground's compare view shows) adds the bottom line and the clawback entries from views: on
 * random plans and data with after-run cancellations, every way gives the same figures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { bottomLinesOf, comparePolicies, comparePoliciesInFull, comparisonOf, replayPolicies } from "../../runtime/compare/index.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { comparedDataArb, comparedPlanArb, LAST_MONTH } from "./fixtures.ts";

const THROUGH = LAST_MONTH;

describe("comparePolicies on both engines, from views and from documents", () => {
  it("gives one comparison", () => {
    let compared = 0;
    fc.assert(
      fc.property(
        comparedPlanArb,
        comparedDataArb,
        (ir, data) => {
          const reference = comparePolicies(ir, data, THROUGH, undefined, referenceEngine);
          expect(comparePolicies(ir, data, THROUGH, undefined, compiledEngine)).toEqual(reference);
          const replayed = replayPolicies(ir, data, THROUGH, undefined, referenceEngine);
          expect(replayed.ok).toBe(reference.ok);
          if (!replayed.ok || !reference.ok) return;
          expect(comparisonOf(ir, data, THROUGH, replayed.runs)).toEqual(reference.comparison);
          const inFull = comparePoliciesInFull(ir, data, THROUGH, undefined, compiledEngine);
          if (!inFull.ok) throw new Error(`comparePoliciesInFull refused: ${inFull.error.message}`);
          expect(inFull.compared.comparison).toEqual(reference.comparison);
          expect(inFull.compared.bottom).toEqual(bottomLinesOf(ir, data, replayed.runs));
          // Every cancellation-linked entry of the documents, wherever it stands in the ledger.
          const linked = replayed.runs.runs.map((periods) => periods.flatMap((p) => p.ledger.filter((e) => e.cancellation !== undefined)));
          expect(inFull.compared.clawbacks).toEqual(linked);
          if (reference.comparison.policies.some((p) => p.totalClawback !== "0.00" && p.totalClawback !== "0")) compared++;
        },
      ),
      { numRuns: 25, seed: 20261130 },
    );
    // The seed gives cases with clawbacks, so the figures above were not all zero.
    expect(compared).toBeGreaterThan(2);
  });
});
