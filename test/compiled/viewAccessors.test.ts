/**
 * The compiled view's optional cheap accessors (core/resultView.ts) agree with the entries and
 * statements it builds: a row's recipient and order index (one by one and for a stretch of rows),
 * and statement amounts in minor units.
 * Example f has after-run cancellations, so `exact` gives reversal rows and the others clawback walks.
 */
import { describe, expect, it } from "vitest";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import type { Policy } from "../../core/ir.ts";
import { loadExample } from "../reference/harness.ts";

describe("compiled view accessors", () => {
  const { ir, data } = loadExample("f_late_cancel");
  for (const policy of ["simple", "previous-rank", "exact"] as Policy[]) {
    it(`match the built entries and statements under ${policy}`, () => {
      const outcome = compiledEngine.runThroughView(ir, data, { through: "2026-11", policy });
      if (!outcome.ok) throw new Error(outcome.error.message);
      let clawbacks = 0;
      for (const v of outcome.view.periods) {
        for (let i = 0; i < v.ledgerLength; i++) {
          const e = v.ledgerEntry(i);
          if (e.cancellation !== undefined) clawbacks++;
          expect(v.ledgerRecipient?.(i)).toBe(e.recipient);
          const at = v.ledgerOrderIndex?.(i);
          expect(at === -1 ? undefined : data.orders[at!]?.id).toBe(e.order);
        }
        // The batch form: every other order marked, over the whole ledger and over its first half.
        const marked = new Uint8Array(data.orders.length);
        for (let o = 0; o < marked.length; o += 2) marked[o] = 1;
        for (const end of [v.ledgerLength, Math.floor(v.ledgerLength / 2)]) {
          const expected: number[] = [];
          for (let i = 0; i < end; i++) {
            const at = v.ledgerOrderIndex!(i);
            if (at < 0 || marked[at] === 1) expected.push(i);
          }
          expect(v.ledgerRowsOfOrders?.(marked, end)).toEqual(expected);
        }
        for (let i = 0; i < v.partnerCount; i++) {
          const s = v.statement(i);
          for (const field of ["earned", "carriedIn", "payout", "carriedOut"] as const) {
            expect(v.statementMinor?.(i, field)).toBe(Number(s[field].replace(".", "")));
          }
        }
      }
      expect(clawbacks).toBeGreaterThan(0);
    });
  }
});
