/**
 * comparePolicies on the bundled stage-speaker scenario (samples/README.md) with the normative
 * plan plans/vitalis-classic.plan. Four cancellations (S1–S4) arrive in November after the
 * October run (as of 2026-11-11): two partial ones of split orders, two whole starter kits.
 *
 * The totals are pinned and checked independently of the evaluator's clawback code:
 * - exact: by reasoning for the whole orders, and for every order by reversing October's ledger
 *   entry by entry with f taken from the data;
 * - previous-rank: entry by entry from October's entries (same paths, ranks and activity; every
 *   fast-start window is still open on the cancellation dates), round(rate × −f × base);
 * - simple: by a naive walk of level, differential and fast start over November's ranks and
 *   activity (nobody reaches Manager, so generation, equal rank and pool pay nothing).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PlanIR, Policy } from "../../core/ir.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { comparePolicies } from "../../runtime/compare/index.ts";
import type { Dataset, Order } from "../../core/dataModel.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { daysBetween } from "../../core/dates.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { runThrough, type RunOptions } from "../../runtime/reference/runThrough.ts";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), "utf8");
const ir: PlanIR = compilePlan(read("plans/vitalis-classic.plan")).ir!;
const validated = validateData(JSON.parse(read("samples/stage-speaker.data.json")));
if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
const data: Dataset = validated.data;

function periods(options: Omit<RunOptions, "through">): PeriodResult[] {
  const outcome = runThrough(ir, data, { through: "2026-11", ...options });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result.periods;
}
const runs = Object.fromEntries((["simple", "previous-rank", "exact"] as const).map((p) => [p, periods({ policy: p })])) as Record<Policy, PeriodResult[]>;
const without = periods({ ignoreAfterRunCancellations: true });
const [october, november] = [runs.exact[0]!, (policy: Policy) => runs[policy][1]!];

const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const orderOf = (id: string) => data.orders.find((o) => o.id === id)!;
const cv = (o: Order, qty: (line: number) => Decimal) => o.lines.reduce((s, l, i) => s.plus(qty(i).times(l.figures["net"]!)), ZERO);

/** f = cancelled CV / the order's CV (nothing was cancelled before the October run). */
function fractionOf(cancellationId: string): { cancelled: Decimal; whole: Decimal } {
  const c = data.cancellations.find((x) => x.id === cancellationId)!;
  const order = orderOf(c.order);
  const taken = (i: number) => (c.lines === null ? new Decimal(order.lines[i]!.qty) : c.lines.filter((l) => l.line === i).reduce((s, l) => s.plus(l.qty), ZERO));
  return { cancelled: cv(order, taken), whole: cv(order, (i) => new Decimal(order.lines[i]!.qty)) };
}
/** f × value, multiplied before dividing so that an exact half cent stays exact. */
const times = (c: string, value: Decimal | string) => new Decimal(value).times(fractionOf(c).cancelled).div(fractionOf(c).whole);

const CANCELLED = { S1: "O6", S2: "O11", S3: "O9", S4: "O10" } as const;
const originals = (order: string) => october.ledger.filter((e) => e.order === order && e.cancellation === undefined);
const clawbacks = (policy: Policy) => november(policy).ledger.filter((e) => e.cancellation !== undefined);
const key = (e: Pick<LedgerEntry, "recipient" | "bonus" | "order" | "portion" | "step" | "cancellation">, amount: Decimal | string) =>
  `${e.cancellation} ${e.recipient} ${e.bonus} ${e.order} ${e.portion} ${e.step} ${new Decimal(amount).toFixed(2)}`;
const sumOf = (entries: LedgerEntry[]) => entries.reduce((s, e) => s.plus(e.amount), ZERO);

describe("stage-speaker: the scenario", () => {
  it("S1–S4 are after the October run (as of 2026-11-11) and processed in November; nobody reaches Manager", () => {
    expect(october.asOf).toBe("2026-11-11");
    expect(data.cancellations.map((c) => [c.id, c.order, c.date > october.asOf])).toEqual([
      ["S1", "O6", true], ["S2", "O11", true], ["S3", "O9", true], ["S4", "O10", true],
    ]);
    const ranks = new Set(Object.values(runs).flatMap((ps) => ps.flatMap((p) => Object.values(p.ranks))));
    expect([...ranks].sort()).toEqual(["Consultant", "Junior", "Senior"]);
    expect(data.partners.every((p) => p.status === "active")).toBe(true);
  });

  it("the cancelled fractions: S1 a 49.90 shake of 198.90, S2 one 39.50 cream of 101.90, S3 and S4 whole", () => {
    expect(["S1", "S2", "S3", "S4"].map((c) => [fractionOf(c).cancelled.toFixed(2), fractionOf(c).whole.toFixed(2)])).toEqual([
      ["49.90", "198.90"], ["39.50", "101.90"], ["149.00", "149.00"], ["149.00", "149.00"],
    ]);
  });
});

describe("stage-speaker: exact", () => {
  it("reverses October's entries entry by entry: O10 81.95 and O9 78.27 in full, S1 25.97, S2 9.27; 195.46", () => {
    // O10 (N6, unsplit, 149.00 on N6, SPK, A2, A1; October ranks Junior, Junior, Junior, Senior):
    // level 3 x 7.45, differential N6 14.90 + A1 5% 7.45, fast start SPK 29.80 + A2 7.45 = 81.95.
    // O9 (N5, 50% to B2): recruiter half 3 x 3.73 + 7.45 + 3.73 + 14.90 + 3.73 = 41.00; supporter
    // half on N5, B2, B1 (Senior): 3.73 + 3.73 + 7.45 + 3.73 + 14.90 + 3.73 = 37.27.
    expect(sumOf(originals("O10")).toFixed(2)).toBe("81.95");
    expect(sumOf(originals("O9")).toFixed(2)).toBe("78.27");
    const expected = Object.entries(CANCELLED).flatMap(([c, order]) => originals(order).map((e) => key({ ...e, cancellation: c }, round(times(c, e.amount).neg()))));
    expect(clawbacks("exact").map((e) => key(e, e.amount)).sort()).toEqual(expected.filter((k) => !k.endsWith(" 0.00")).sort());
    const perCancellation = (policy: Policy, c: string) => sumOf(clawbacks(policy).filter((e) => e.cancellation === c)).toFixed(2);
    expect(["S1", "S2", "S3", "S4"].map((c) => perCancellation("exact", c))).toEqual(["-25.97", "-9.27", "-78.27", "-81.95"]);
  });
});

describe("stage-speaker: previous-rank", () => {
  it("charges every October recipient of the order round(rate x -f x base): 195.47 (one cent of rounding from exact)", () => {
    // Fast-start windows (60 days) on the cancellation dates: N4 joined 10-03, S1 11-13 (41 days);
    // N5 and N6 joined 10-04, S3 11-19 (46) and S4 11-24 (51); K2 is a customer (no fast start).
    for (const [c, buyer] of [["S1", "N4"], ["S3", "N5"], ["S4", "N6"]] as const) {
      const joined = data.partners.find((p) => p.id === buyer)!.joined;
      expect(daysBetween(joined, data.cancellations.find((x) => x.id === c)!.date)).toBeLessThanOrEqual(60);
    }
    const fraction = (rate: string) => new Decimal(rate.slice(0, -1)).div(100);
    const expected = Object.entries(CANCELLED).flatMap(([c, order]) =>
      originals(order).map((e) => key({ ...e, cancellation: c }, round(times(c, fraction(e.rate!).times(e.base!)).neg()))),
    );
    expect(clawbacks("previous-rank").map((e) => key(e, e.amount)).sort()).toEqual(expected.filter((k) => !k.endsWith(" 0.00")).sort());
  });
});

describe("stage-speaker: simple", () => {
  it("the clawbacks are level, differential and fast start walked over November's own ranks and activity", () => {
    const nov = november("simple");
    const rankIndex = (id: string) => ir.ranks.findIndex((r) => r.name === nov.ranks[id]);
    const sponsor = new Map(data.partners.map((p) => [p.id, p.sponsor]));
    const upline = (id: string) => {
      const line = [id];
      for (let s = sponsor.get(id) ?? null; s !== null; s = sponsor.get(s) ?? null) line.push(s);
      return line;
    };
    const expected: string[] = [];
    for (const [c, orderId] of Object.entries(CANCELLED)) {
      const cancellation = data.cancellations.find((x) => x.id === c)!;
      const order = orderOf(orderId);
      const cancelled = fractionOf(c).cancelled;
      const buyerIsPartner = sponsor.has(order.buyer);
      const credited = buyerIsPartner ? order.buyer : data.customers.find((k) => k.id === order.buyer)!.partner;
      const agreement = data.splits.find((a) => a.member === order.buyer);
      const share = agreement === undefined ? ZERO : new Decimal(agreement.shareByMeasure["CV"] ?? agreement.share ?? "0.5");
      const portions: { kind: "recruiter" | "supporter"; path: string[]; x: Decimal }[] = [{ kind: "recruiter", path: upline(credited), x: cancelled.times(new Decimal(1).minus(share)).neg() }];
      if (agreement !== undefined) {
        portions.push({ kind: "supporter", path: [...(buyerIsPartner ? [order.buyer] : []), ...upline(agreement.supporter)], x: cancelled.times(share).neg() });
      }
      for (const { kind, path, x } of portions) {
        const pay = (bonus: string, step: number, rate: Decimal) => {
          const amount = round(rate.times(x));
          if (!amount.isZero()) expected.push(key({ cancellation: c, recipient: path[step]!, bonus, order: orderId, portion: kind, step }, amount));
        };
        for (const bonus of ir.bonuses) {
          if (bonus.kind === "level") {
            let level = 0;
            for (let step = 1; step < path.length && level < bonus.levels.length; step++) {
              if (!nov.active[path[step]!]) continue;
              const tier = bonus.levels[level++]!;
              if (tier.requires === null || rankIndex(path[step]!) >= tier.requires) pay(bonus.name, step, new Decimal(tier.rate));
            }
          } else if (bonus.kind === "differential") {
            let paid = ZERO;
            path.forEach((id, step) => {
              const rate = rankIndex(id) < 0 ? ZERO : new Decimal(bonus.rates[rankIndex(id)]!);
              if (nov.active[id] && rate.gt(paid)) {
                pay(bonus.name, step, rate.minus(paid));
                paid = rate;
              }
            });
          } else if (bonus.kind === "faststart" && buyerIsPartner) {
            const joined = data.partners.find((p) => p.id === order.buyer)!.joined;
            if (daysBetween(joined, cancellation.date) > bonus.withinDays) continue;
            bonus.levels.forEach((tier, i) => path[i + 1] !== undefined && nov.active[path[i + 1]!] && pay(bonus.name, i + 1, new Decimal(tier.rate)));
          }
        }
      }
    }
    expect(clawbacks("simple").map((e) => key(e, e.amount)).sort()).toEqual(expected.sort());
  });
});

describe("stage-speaker: comparePolicies", () => {
  const outcome = comparePolicies(ir, data, "2026-11");
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  const c = outcome.comparison;

  it("pins the totals; every clawback falls on a partner paid on the order in October", () => {
    expect(c.policies.map((p) => [p.policy, p.totalClawback, p.reclaimedFromOriginal, p.reclaimedFromOthers, p.unrecovered])).toEqual([
      ["simple", "168.23", "168.23", "0.00", "0.00"],
      ["previous-rank", "195.47", "195.47", "0.00", "0.00"],
      ["exact", "195.46", "195.46", "0.00", "0.00"],
    ]);
    for (const policy of ["simple", "previous-rank", "exact"] as const) {
      expect(c.policies.find((p) => p.policy === policy)!.totalClawback).toBe(sumOf(clawbacks(policy)).neg().toFixed(2));
      for (const e of clawbacks(policy)) expect(originals(e.order!).some((o) => o.recipient === e.recipient && new Decimal(o.amount).gt(0))).toBe(true);
    }
  });

  it("N5 and N6 keep their 14.90 under simple (inactive in November, passed over) and carry -14.90 under the others", () => {
    // Their October pay: their own differential, 10% of 149.00 (N5: 7.45 on each half).
    expect(c.policies.map((p) => [p.policy, p.carriedNegative, p.negativeBalances])).toEqual([
      ["simple", "0.00", []],
      ["previous-rank", "29.80", [{ partner: "N5", amount: "-14.90" }, { partner: "N6", amount: "-14.90" }]],
      ["exact", "29.80", [{ partner: "N5", amount: "-14.90" }, { partner: "N6", amount: "-14.90" }]],
    ]);
  });

  it("simple costs N4 its Junior rank: November PV 60 less the returned shake's 40 points is below 50", () => {
    expect(without[1]!.volumes["N4"]!["PV"]!.personal).toBe("60");
    expect(november("simple").volumes["N4"]!["PV"]!.personal).toBe("20");
    expect(c.policies.map((p) => p.rankChanges)).toEqual([[{ partner: "N4", period: "2026-11", without: "Junior", with: "Consultant" }], [], []]);
  });

  it("payouts: the statements of each run; under previous-rank and exact November's balances are the run without them plus the clawbacks", () => {
    expect(c.policies.map((p) => p.totalPayout)).toEqual(["1894.14", "1894.20", "1894.21"]);
    for (const policy of ["previous-rank", "exact"] as const) {
      const nov = november(policy);
      for (const [id, s] of Object.entries(without[1]!.statements)) {
        const balance = new Decimal(s.carriedIn).plus(s.earned).plus(sumOf(clawbacks(policy).filter((e) => e.recipient === id)));
        const payout = balance.gte(10) ? balance : ZERO;
        expect([id, nov.statements[id]!.payout]).toEqual([id, payout.toFixed(2)]);
      }
    }
    const paid = (ps: PeriodResult[]) => ps.reduce((s, p) => s.plus(Object.values(p.statements).reduce((t, x) => t.plus(x.payout), ZERO)), ZERO).toFixed(2);
    expect([paid(runs.simple), paid(runs["previous-rank"]), paid(runs.exact)]).toEqual(["1894.14", "1894.20", "1894.21"]);
  });

  it("the largest differences per partner start with A1 (simple: November's Junior rank cannot claw back October's Senior shares)", () => {
    expect(c.differences.map((d) => [d.partner, d.spread])).toEqual([
      ["A1", "27.24"], ["SPK", "20.61"], ["N5", "14.90"], ["N6", "14.90"], ["B1", "3.73"], ["B2", "3.72"], ["N4", "2.50"], ["C3", "0.75"],
    ]);
  });
});
