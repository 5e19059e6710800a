/**
 * A replay's sums (runtime/compare/replayTotals.ts) are the same whether they are taken from the
 * views' minor-unit columns (summed as numbers) or from the statements' texts (as BigInts): on
 * the compiled engine's views of example f under each policy, and on views whose amounts sum past
 * 2^53, where the numbers would round and the columns must be left for the texts.
 */
import { describe, expect, it } from "vitest";
import type { PeriodView } from "../../core/resultView.ts";
import type { Statement } from "../../core/result.ts";
import type { Policy } from "../../core/ir.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { MinorAmounts } from "../../runtime/compare/minor.ts";
import { replayTotalsOf } from "../../runtime/compare/replayTotals.ts";
import { loadExample } from "../reference/harness.ts";

/** The same views without their columns: the sums come from the statements' texts. */
function textOnly(views: readonly PeriodView[]): PeriodView[] {
  return views.map((v) => ({ ...v, statementMinor: undefined, statement: (i: number) => v.statement(i), partnerId: (i: number) => v.partnerId(i) }));
}

/** Amounts with two decimals (the only thing MinorAmounts reads of a plan is its rounding unit). */
const cents = new MinorAmounts({ rounding: { unit: "0.01" } } as ConstructorParameters<typeof MinorAmounts>[0]);

/** A period of partners A, B, C whose statements all carry `minor` (in cents) in every field. */
function bigPeriod(period: string, minor: bigint): PeriodView {
  const ids = ["A", "B", "C"];
  const text = cents.text(minor);
  const statement: Statement = { earned: text, carriedIn: text, payout: text, carriedOut: text };
  return {
    period, asOf: `${period}-28`, final: true, partnerCount: ids.length, partnerId: (i) => ids[i]!, rank: () => null, active: () => true,
    volumes: () => ({}), statement: () => statement, ledgerLength: 0, ledgerEntry: () => { throw new Error("no ledger"); },
    statementMinor: () => Number(minor), breakage: [], unrecovered: [], flags: [], deferred: [], stock: [],
  };
}

describe("replayTotalsOf", () => {
  const { ir, data } = loadExample("f_late_cancel");
  const minor = new MinorAmounts(ir);
  for (const policy of ["simple", "previous-rank", "exact"] as Policy[]) {
    it(`sums the columns as the texts under ${policy}`, () => {
      const outcome = compiledEngine.runThroughView(ir, data, { through: "2026-11", policy });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const views = outcome.view.periods;
      expect(views.every((v) => v.statementMinor !== undefined)).toBe(true);
      const totals = replayTotalsOf(views, minor);
      expect(totals).toEqual(replayTotalsOf(textOnly(views), minor));
      expect(totals.earned).not.toBe(0n);
    });
  }

  it("leaves the columns for the texts when a sum passes 2^53", () => {
    const big = 2n ** 52n + 1n; // safe on its own; three of them are not
    const views = [bigPeriod("2026-07", big), bigPeriod("2026-08", -big), bigPeriod("2026-09", big)];
    const totals = replayTotalsOf(views, cents);
    expect(totals.earned).toBe(3n * big);
    expect(totals.payout).toBe(3n * big);
    expect(totals.carriedPositive).toBe(3n * big);
    expect(totals.earnedBy.earned).toEqual([big, big, big]);
    expect(totals).toEqual(replayTotalsOf(textOnly(views), cents));
  });
});
