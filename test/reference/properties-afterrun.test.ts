/**
 * Properties of semantics.md §8 with after-run cancellations and commission-transfer mode, on
 * random plans, genealogies, splits and cancellations (arbitraries.ts; about a quarter of the
 * generated data sets have after-run cancellations, hence the higher run counts): invariants 1 (volume
 * conservation, also under `simple`), 3 (exact full cancellation reverses exactly), 4 (no rank
 * change under previous-rank and exact), 7 (purity with history), and commission mode's bonus
 * entries equal to an unsplit run's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Cancellation, Dataset, Order } from "../../core/dataModel.ts";
import { periodOf } from "../../core/dates.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { runPeriod } from "../../runtime/reference/runPeriod.ts";
import { runThrough, type RunOptions } from "../../runtime/reference/runThrough.ts";
import { moneyOf, roundMoney } from "../../core/money.ts";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { datasetArb, MONTHS, planArb } from "./arbitraries.ts";
import { countedOrders } from "./oracle.ts";

const THROUGH = MONTHS[MONTHS.length - 1]!;

function periodsOf(ir: PlanIR, data: Dataset, options: Omit<RunOptions, "through"> = {}): PeriodResult[] {
  const outcome = runThrough(ir, data, { through: THROUGH, ...options });
  if (!outcome.ok) {
    // Only a data set without any order in the months may be refused (nothing to run).
    expect(data.orders.length === 0 || outcome.error.code === "through-before-first-period").toBe(true);
    return [];
  }
  return outcome.result.periods;
}

/** Quantity a cancellation takes per line (generated data: one cancellation per order). */
function taken(order: Order, c: Cancellation): Decimal[] {
  return order.lines.map((l, i) => (c.lines === null ? new Decimal(l.qty) : c.lines.filter((x) => x.line === i).reduce((s, x) => s.plus(x.qty), ZERO)));
}

function value(ir: PlanIR, order: Order, qty: Decimal[], measure: number): Decimal {
  const figure = ir.measures[measure]!.figure;
  return order.lines.reduce((s, l, i) => s.plus(qty[i]!.times(l.figures[figure]!)), ZERO);
}

/** The period a (never held) order counts in: the month of its commissionable date. */
function countsIn(order: Order): string | null {
  if (order.paid === null || order.delivered === null) return null;
  return periodOf([order.date, order.paid, order.delivered].sort()[2]!);
}

/** After-run cancellations by the periods' own as-of dates: dated in a later month and after the commissioning run. */
function afterRun(data: Dataset, periods: PeriodResult[]): { c: Cancellation; order: Order; from: PeriodResult; at: PeriodResult }[] {
  const found = [];
  for (const c of data.cancellations) {
    const order = data.orders.find((o) => o.id === c.order)!;
    const from = periods.find((p) => p.period === countsIn(order));
    const at = periods.find((p) => p.period === periodOf(c.date));
    if (from !== undefined && at !== undefined && at.period > from.period && c.date > from.asOf) found.push({ c, order, from, at });
  }
  return found;
}

const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

function byRecipient(entries: LedgerEntry[]): Record<string, string> {
  const totals = new Map<string, Decimal>();
  for (const e of entries) totals.set(e.recipient, (totals.get(e.recipient) ?? ZERO).plus(e.amount));
  return Object.fromEntries([...totals].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed(2)]).sort());
}

describe("§8 invariant 1 with cancellations: total PV = commissioned measure (less -c under simple)", () => {
  it("holds per period and measure under every policy, with random volume splits", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true, cancellations: true }), fc.constantFrom<Policy>("simple", "previous-rank", "exact"), (ir, data, policy) => {
        const periods = periodsOf(ir, data, { policy });
        const late = afterRun(data, periods);
        for (const p of periods) {
          ir.measures.forEach((m, k) => {
            const commissioned = sum(
              countedOrders(data, p.period).map((o) => {
                const c = data.cancellations.find((x) => x.order === o.id && x.date <= p.asOf);
                const qty = o.lines.map((l, i) => new Decimal(l.qty).minus(c === undefined ? ZERO : taken(o, c)[i]!));
                return value(ir, o, qty, k);
              }),
            );
            const cancelled = sum(late.filter((l) => l.at === p).map((l) => value(ir, l.order, taken(l.order, l.c), k)));
            const expected = policy === "simple" ? commissioned.minus(cancelled) : commissioned;
            const pv = sum(Object.values(p.volumes).map((v) => new Decimal(v[m.name]!.personal)));
            expect(pv.toFixed()).toBe(expected.toFixed());
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("§8 invariant 3: under exact a full after-run cancellation reverses exactly the original entries per recipient", () => {
  it("per recipient the reversals are the negated originals; each pool gives back round(rate x c) in total", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true, cancellations: true }), (ir, data) => {
        const money = moneyOf(ir.rounding.unit, ir.rounding.mode);
        const periods = periodsOf(ir, data, { policy: "exact" });
        for (const { c, order, from, at } of afterRun(data, periods)) {
          const reversals = at.ledger.filter((e) => e.cancellation === c.id);
          expect(reversals.every((e) => e.order === order.id)).toBe(true);
          expect(reversals.filter((e) => e.kind !== "pool").every((e) => e.reverses !== undefined)).toBe(true);
          if (c.lines !== null) continue;
          const originals = from.ledger.filter((e) => e.order === order.id && e.cancellation === undefined);
          expect(byRecipient(reversals.filter((e) => e.kind !== "pool"))).toEqual(byRecipient(originals.map((e) => ({ ...e, amount: new Decimal(e.amount).neg().toFixed() }))));
          for (const e of reversals.filter((r) => r.kind !== "pool")) {
            const original = from.ledger.find((o) => o.id === e.reverses)!;
            expect([original.recipient, original.bonus, original.order, new Decimal(original.amount).neg().eq(e.amount)]).toEqual([e.recipient, e.bonus, e.order, true]);
          }
          ir.bonuses.forEach((bonus, b) => {
            if (bonus.kind !== "pool") return;
            const gaveBack = sum(reversals.filter((e) => e.bonus === bonus.name).map((e) => new Decimal(e.amount)));
            const paidOriginally = from.ledger.some((e) => e.bonus === bonus.name && e.order === undefined);
            const expected = paidOriginally ? roundMoney(new Decimal(bonus.rate).times(value(ir, order, taken(order, c), bonus.measure)).neg(), money) : ZERO;
            expect([b, gaveBack.toFixed(4)]).toEqual([b, expected.toFixed(4)]);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("§8 invariant 4: previous-rank and exact change no rank, activity or volume (holds included)", () => {
  it("every period equals the run without the after-run cancellations in ranks, activity and volumes", () => {
    fc.assert(
      fc.property(planArb({ split: true, holds: true }), datasetArb({ splits: true, cancellations: true }), (ir, data) => {
        const without = periodsOf(ir, data, { ignoreAfterRunCancellations: true });
        for (const policy of ["previous-rank", "exact"] as const) {
          const withThem = periodsOf(ir, data, { policy });
          expect(withThem.map((p) => [p.period, p.ranks, p.active, p.volumes])).toEqual(without.map((p) => [p.period, p.ranks, p.active, p.volumes]));
        }
      }),
      { numRuns: 80 },
    );
  });

  it("the clawback entries are the only ledger difference to the run without them (previous-rank: and the pools' lowered base)", () => {
    fc.assert(
      fc.property(planArb({ split: true }), datasetArb({ splits: true, cancellations: true }), (ir, data) => {
        const strip = (e: LedgerEntry) => `${e.recipient} ${e.bonus} ${e.order ?? ""} ${e.portion ?? ""} ${e.step ?? ""} ${e.amount}`;
        const without = periodsOf(ir, data, { ignoreAfterRunCancellations: true });
        const exact = periodsOf(ir, data, { policy: "exact" });
        const previous = periodsOf(ir, data, { policy: "previous-rank" });
        without.forEach((p, i) => {
          expect(exact[i]!.ledger.filter((e) => e.cancellation === undefined).map(strip)).toEqual(p.ledger.map(strip));
          const notPool = (e: LedgerEntry) => e.kind !== "pool" && e.cancellation === undefined;
          expect(previous[i]!.ledger.filter(notPool).map(strip)).toEqual(p.ledger.filter(notPool).map(strip));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("§8 invariant 7 with after-run cancellations: the history is the only state", () => {
  it("runThrough equals chained runPeriod calls and repeats byte for byte, under every policy", () => {
    fc.assert(
      fc.property(planArb({ split: true, holds: true }), datasetArb({ splits: true, cancellations: true }), fc.constantFrom<Policy>("simple", "previous-rank", "exact"), (ir, data, policy) => {
        const first = JSON.stringify(runThrough(ir, data, { through: THROUGH, policy }));
        expect(JSON.stringify(runThrough(structuredClone(ir), structuredClone(data), { through: THROUGH, policy }))).toBe(first);
        const periods = periodsOf(ir, data, { policy });
        periods.forEach((p, i) => {
          const again = runPeriod({ ir, data, history: periods.slice(0, i), period: p.period, asOf: p.asOf, final: true, policy });
          expect(again.ok && JSON.stringify(again.period)).toBe(JSON.stringify(p));
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("commission-transfer mode", () => {
  it("its bonus entries are those of the same data without agreements; each transfer pair nets to zero", () => {
    fc.assert(
      fc.property(
        planArb({ split: true, mode: "commission" }),
        datasetArb({ splits: true, cancellations: true }),
        fc.constantFrom<Policy>("simple", "previous-rank", "exact"),
        (ir, data, policy) => {
          const strip = (e: LedgerEntry) => `${e.recipient} ${e.bonus} ${e.order ?? ""} ${e.portion ?? ""} ${e.step ?? ""} ${e.amount} ${e.cancellation ?? ""}`;
          const commission = periodsOf(ir, data, { policy });
          const unsplit = periodsOf(ir, { ...data, splits: [] }, { policy });
          const transferIds = new Set(commission.flatMap((p) => p.ledger.filter((e) => e.transferOf !== undefined).map((e) => e.id)));
          commission.forEach((p, i) => {
            const own = p.ledger.filter((e) => e.transferOf === undefined && !(e.reverses !== undefined && transferIds.has(e.reverses)));
            expect(own.map(strip)).toEqual(unsplit[i]!.ledger.map(strip));
            expect([p.ranks, p.volumes]).toEqual([unsplit[i]!.ranks, unsplit[i]!.volumes]);
            const pairs = new Map<string, LedgerEntry[]>();
            for (const e of p.ledger) if (e.transferOf !== undefined) pairs.set(e.transferOf, [...(pairs.get(e.transferOf) ?? []), e]);
            for (const [originalId, [a, s]] of pairs) {
              const original = p.ledger.find((e) => e.id === originalId)!;
              expect(original.kind).not.toBe("pool");
              expect(a!.recipient).toBe(original.recipient);
              expect(new Decimal(a!.amount).plus(s!.amount).isZero()).toBe(true);
              // |t| <= |amount|: a share of at most 100% of the entry.
              expect(new Decimal(s!.amount).abs().lte(new Decimal(original.amount).abs())).toBe(true);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
