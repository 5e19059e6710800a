/**
 * Properties of semantics.md §8 on random plans and genealogies (generators in arbitraries.ts,
 * naive oracle in oracle.ts).
 *
 * Rounding: amounts are compared after the plan's rounding, entry by entry, against the oracle's
 * exact share rounded the same way; totals use the exact `rate × base` of the written entries.
 * The one inexact comparison is the differential total, where a share that rounds to zero is not
 * written: there the written exact total may fall short of the highest eligible rate by less
 * than one money unit per possible earner (one per rank).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { runPeriod } from "../../runtime/reference/runPeriod.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import { formatAmount, moneyOf, roundMoney } from "../../core/money.ts";
import type { LedgerEntry, PeriodResult, ResultDocument } from "../../core/result.ts";
import { datasetArb, MONTHS, planArb } from "./arbitraries.ts";
import { countedOrders, fractionOf, holdsOnResult, isActive, naivePortions, naiveVolumes, orderValues, rankIndex, type NaivePortion } from "./oracle.ts";

const RUNS = { numRuns: 120 };

function runAll(ir: PlanIR, data: Dataset): ResultDocument {
  const outcome = runThrough(ir, data, { through: MONTHS[MONTHS.length - 1]! });
  if (!outcome.ok) {
    // Only a data set without any order in the months may be refused (nothing to run).
    expect(data.orders.length === 0 || outcome.error.code === "through-before-first-period").toBe(true);
    return { plan: ir.name, policy: "exact", periods: [] };
  }
  return outcome.result;
}

const exact = (e: LedgerEntry) => fractionOf(e.rate!).times(e.base!);
const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

/** The level shares the rule pays on a portion, by naive walk over the result's ranks/activity. */
function expectedLevelShares(ir: PlanIR, bonus: Extract<PlanIR["bonuses"][number], { kind: "level" }>, portion: NaivePortion, p: PeriodResult) {
  const shares: { recipient: string; step: number; level: number; rate: Decimal }[] = [];
  let level = 0;
  for (let step = 1; step < portion.path.length && level < bonus.levels.length; step++) {
    const id = portion.path[step]!;
    if (bonus.compression && !isActive(p, id)) continue;
    level++;
    const tier = bonus.levels[level - 1]!;
    const meets = tier.requires === null || rankIndex(ir, p, id) >= tier.requires;
    if (isActive(p, id) && meets) shares.push({ recipient: id, step, level, rate: new Decimal(tier.rate) });
  }
  return shares;
}

describe("§8 invariant 2: per-portion totals without splits", () => {
  it("level = the paid level rates × x (entry by entry); differential = highest eligible rate × x; generation <= sum of rates × x", () => {
    fc.assert(
      fc.property(planArb({ split: false }), datasetArb({ splits: false }), (ir, data) => {
        const money = moneyOf(ir.rounding.unit, ir.rounding.mode);
        for (const p of runAll(ir, data).periods) {
          for (const portion of naivePortions(ir, data, p.period)) {
            ir.bonuses.forEach((bonus) => {
              const entries = p.ledger.filter((e) => e.order === portion.order.id && e.bonus === bonus.name);
              const x = portion.x[bonus.measure]!;
              entries.forEach((e) => {
                expect(new Decimal(e.base!).eq(x)).toBe(true);
                expect(e.amount).toBe(formatAmount(roundMoney(exact(e), money), money));
              });
              if (bonus.kind === "level") {
                const expected = expectedLevelShares(ir, bonus, portion, p)
                  .map((s) => ({ ...s, amount: roundMoney(s.rate.times(x), money) }))
                  .filter((s) => !s.amount.isZero());
                expect(entries.map((e) => [e.recipient, e.step, e.level, e.amount])).toEqual(
                  expected.map((s) => [s.recipient, s.step, s.level, formatAmount(s.amount, money)]),
                );
                expect(sum(entries.map(exact)).eq(sum(expected.map((s) => s.rate.times(x))))).toBe(true);
              } else if (bonus.kind === "differential") {
                const rateOf = (id: string) => (rankIndex(ir, p, id) < 0 ? ZERO : new Decimal(bonus.rates[rankIndex(ir, p, id)]!));
                const highest = portion.path.filter((id) => isActive(p, id)).reduce((m, id) => Decimal.max(m, rateOf(id)), ZERO);
                const top = bonus.rates.reduce((m, r) => Decimal.max(m, new Decimal(r)), ZERO);
                const paid = sum(entries.map(exact));
                expect(paid.lte(highest.times(x))).toBe(true);
                expect(highest.lte(top)).toBe(true);
                expect(highest.times(x).minus(paid).lt(money.unit.times(ir.ranks.length))).toBe(true);
              } else if (bonus.kind === "generation") {
                const rates = sum(bonus.generations.map((g) => new Decimal(g.rate)));
                expect(sum(entries.map(exact)).lte(rates.times(x))).toBe(true);
              }
            });
          }
        }
      }),
      RUNS,
    );
  });
});

describe("ranks and activity on the result's own figures", () => {
  it("every paid-as rank is the highest whose conditions hold; active = joined, not terminated, condition", () => {
    fc.assert(
      fc.property(planArb({ split: false }), datasetArb({ splits: false }), (ir, data) => {
        for (const p of runAll(ir, data).periods) {
          const lastDay = `${p.period}-31`;
          for (const id of Object.keys(p.ranks)) {
            const holds = ir.ranks.map((r) => r.condition === null || holdsOnResult(ir, data, p, id, r.condition));
            expect(rankIndex(ir, p, id)).toBe(holds.lastIndexOf(true));
            const partner = data.partners.find((q) => q.id === id)!;
            const terminated = partner.status === "terminated" && (partner.terminated === null || partner.terminated <= lastDay);
            const condition = ir.activity === null || holdsOnResult(ir, data, p, id, ir.activity);
            expect(p.active[id]).toBe(!terminated && condition);
          }
        }
      }),
      RUNS,
    );
  });
});

describe("§8 invariant 1: volume conservation with random volume splits", () => {
  it("total PV = total measure of commissioned orders; volumes match a naive walk of every path", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true }), (ir, data) => {
        for (const p of runAll(ir, data).periods) {
          const orders = countedOrders(data, p.period);
          const naive = naiveVolumes(ir, naivePortions(ir, data, p.period), p);
          ir.measures.forEach((m, k) => {
            const total = sum(orders.map((o) => orderValues(ir, o)[k]!));
            const pv = sum(Object.values(p.volumes).map((v) => new Decimal(v[m.name]!.personal)));
            expect(pv.eq(total)).toBe(true);
            for (const [id, v] of Object.entries(p.volumes)) {
              const expected = naive.get(id)?.[k] ?? { pv: ZERO, gv: ZERO, ov: ZERO };
              expect([v[m.name]!.personal, v[m.name]!.group, v[m.name]!.open]).toEqual([expected.pv.toFixed(), expected.gv.toFixed(), expected.ov.toFixed()]);
            }
          });
        }
      }),
      RUNS,
    );
  });
});

describe("§8 invariant 5: pools pay exactly the rounded pool, or nothing with the breakage reported", () => {
  it("holds on random plans and data", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true }), (ir, data) => {
        const money = moneyOf(ir.rounding.unit, ir.rounding.mode);
        for (const p of runAll(ir, data).periods) {
          ir.bonuses.forEach((bonus) => {
            if (bonus.kind !== "pool") return;
            const base = sum(countedOrders(data, p.period).map((o) => orderValues(ir, o)[bonus.measure]!));
            const rounded = roundMoney(new Decimal(bonus.rate).times(Decimal.max(ZERO, base)), money);
            const paid = sum(p.ledger.filter((e) => e.bonus === bonus.name).map((e) => new Decimal(e.amount)));
            const breakage = p.breakage.filter((b) => b.bonus === bonus.name);
            if (paid.isZero() && !rounded.isZero()) {
              expect(breakage).toEqual([{ bonus: bonus.name, amount: formatAmount(rounded, money), reason: "no qualifier" }]);
            } else {
              expect(paid.eq(rounded)).toBe(true);
              expect(breakage).toEqual([]);
            }
          });
        }
      }),
      RUNS,
    );
  });
});

describe("§8 invariant 7: a run is a pure function of its inputs", () => {
  it("same inputs give byte-identical output; runThrough equals chained runPeriod calls", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true }), (ir, data) => {
        const first = JSON.stringify(runThrough(ir, data, { through: "2026-12" }));
        const second = JSON.stringify(runThrough(structuredClone(ir), structuredClone(data), { through: "2026-12" }));
        expect(second).toBe(first);
        const result = runAll(ir, data);
        result.periods.forEach((p, i) => {
          const again = runPeriod({ ir, data, history: result.periods.slice(0, i), period: p.period, asOf: p.asOf, final: true });
          expect(again.ok && JSON.stringify(again.period)).toBe(JSON.stringify(p));
        });
      }),
      { numRuns: 60 },
    );
  });
});
