/**
 * The payout bound is SOUND: on random plans, genealogies, splits (both modes), cancellations
 * and policies, no run pays more on an order than the bound of compiler/analysis/payoutBound.ts
 * times the order's volume, plus the bound's own rounding allowance. Checked per bonus and in
 * total, summed over every period (the order's run, and any clawback or reversal later), and for
 * the pools per period.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { payoutBound, type PayoutBound } from "../../compiler/analysis/payoutBound.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import type { PeriodResult } from "../../core/result.ts";
import { datasetArb, MONTHS, planArb } from "../reference/arbitraries.ts";
import { orderValues } from "../reference/oracle.ts";

function periodsOf(ir: PlanIR, data: Dataset, policy: Policy): PeriodResult[] {
  const outcome = referenceEngine.runThrough(ir, data, { through: MONTHS[MONTHS.length - 1]!, policy });
  if (!outcome.ok) {
    expect(data.orders.length === 0 || outcome.error.code === "through-before-first-period").toBe(true);
    return [];
  }
  return outcome.result.periods;
}

/** Every violation of the bound in a run, as readable text (empty when the bound holds). */
export function boundViolations(ir: PlanIR, data: Dataset, periods: PeriodResult[], bound: PayoutBound = payoutBound(ir)): string[] {
  const portions = ir.split !== null && ir.split.mode === "volume" ? 2 : 1;
  const perEntry = new Decimal(bound.rounding.perEntry);
  const volumes = new Map(data.orders.map((o) => [o.id, orderValues(ir, o)]));
  const paid = new Map<string, Decimal>(); // order \0 bonus -> amount
  const poolPaid = new Map<string, Decimal>();
  for (const p of periods) {
    for (const e of p.ledger) {
      const key = e.kind === "pool" ? e.bonus : `${e.order}\u0000${e.bonus}`;
      const into = e.kind === "pool" ? poolPaid : paid;
      into.set(key, (into.get(key) ?? ZERO).plus(e.amount));
    }
  }
  const problems: string[] = [];
  const totals = new Map<string, { paid: Decimal; allowed: Decimal }>();
  for (const [key, amount] of paid) {
    const [order, bonusName] = key.split("\u0000") as [string, string];
    const index = ir.bonuses.findIndex((b) => b.name === bonusName);
    const b = bound.bonuses[index]!;
    const volume = volumes.get(order)![ir.bonuses[index]!.measure]!;
    const allowed = volume.times(b.share).plus(perEntry.times(b.entriesPerPortion * portions));
    if (amount.gt(allowed)) problems.push(`${order} ${bonusName}: paid ${amount} > ${allowed}`);
    const t = totals.get(order) ?? { paid: ZERO, allowed: ZERO };
    t.paid = t.paid.plus(amount);
    totals.set(order, t);
  }
  for (const [order, t] of totals) {
    const v = volumes.get(order)!;
    const allowed = ir.bonuses
      .map((bonus, i) => (bonus.kind === "pool" ? ZERO : v[bonus.measure]!.times(bound.bonuses[i]!.share)))
      .reduce((a, b) => a.plus(b), ZERO)
      .plus(bound.rounding.perOrder);
    if (t.paid.gt(allowed)) problems.push(`${order}: paid ${t.paid} in total > ${allowed}`);
  }
  ir.bonuses.forEach((bonus, i) => {
    if (bonus.kind !== "pool") return;
    const all = data.orders.reduce((s, o) => s.plus(volumes.get(o.id)![bonus.measure]!), ZERO);
    const allowed = all.times(bonus.rate).plus(perEntry.times(periods.length));
    const amount = poolPaid.get(bonus.name) ?? ZERO;
    if (amount.gt(allowed)) problems.push(`pool ${bonus.name}: paid ${amount} > ${allowed}`);
    void i;
  });
  return problems;
}

const policy = fc.constantFrom<Policy>("simple", "previous-rank", "exact");

describe("the payout bound is sound", () => {
  it("no order is paid more than the bound (random plans and genealogies, no splits)", () => {
    fc.assert(
      fc.property(planArb({ split: false }), datasetArb({ splits: false, cancellations: true }), policy, (ir, data, pol) => {
        expect(boundViolations(ir, data, periodsOf(ir, data, pol))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it("splits never add: volume and commission mode", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true })),
        datasetArb({ splits: true, cancellations: true }),
        policy,
        (ir, data, pol) => {
          expect(boundViolations(ir, data, periodsOf(ir, data, pol))).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("the check itself can fail: a bound 10% too low is caught on some run", () => {
    const tooLow = (ir: PlanIR): PayoutBound => {
      const b = payoutBound(ir);
      return { ...b, bonuses: b.bonuses.map((x) => ({ ...x, share: new Decimal(x.share).times(0.9).toFixed() })) };
    };
    const outcome = fc.check(
      fc.property(planArb({ split: false }), datasetArb({ splits: false }), (ir, data) => {
        expect(boundViolations(ir, data, periodsOf(ir, data, "exact"), tooLow(ir))).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(outcome.failed).toBe(true);
  });
});
