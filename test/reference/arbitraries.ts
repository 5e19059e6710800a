/**
 * fast-check generators for the reference evaluator's properties: random plans built as IR and
 * random data sets (forests of 1–60 partners, customers, orders over three months, optional
 * volume splits). Everything generated is valid input by construction:
 * - partner i's sponsor has a lower index and joined no later (dates are sorted);
 * - a partner member's supporter has a lower index than the member, so it is never in the
 *   member's downline, and the credit graph (every edge towards a lower index) has no circle.
 */
import fc from "fast-check";
import type { BonusIR, ConditionIR, PlanIR, RankIR, RoundingMode, TierIR } from "../../core/ir.ts";
import type { Cancellation, Customer, Dataset, Order, Partner, SplitAgreement } from "../../core/dataModel.ts";
import { addDays, fromDayNumber, toDayNumber } from "../../core/dates.ts";
import { canonical, Decimal } from "../../core/decimal.ts";

export const MONTHS = ["2026-10", "2026-11", "2026-12"] as const;
const FIRST_DAY = toDayNumber("2026-10-01");
const LAST_DAY = toDayNumber("2026-12-31");

/** A percentage in half-percent steps as an IR fraction: 0 .. max%. */
const rate = (maxPercent: number) => fc.integer({ min: 0, max: maxPercent * 2 }).map((halves) => canonical(new Decimal(halves).div(200)));

function conditionArb(rankIndex: number, breakaway: number | null): fc.Arbitrary<ConditionIR> {
  const threshold = fc.integer({ min: 1, max: 6 }).map((k) => String(k * 50 * rankIndex));
  const pv = threshold.map((value): ConditionIR => ({ kind: "compare", figure: { kind: "personal", measure: 0 }, op: ">=", value }));
  const gv = fc.tuple(threshold, fc.boolean()).map(([value, capped]): ConditionIR => ({
    kind: "compare", figure: { kind: "group", measure: 0 }, op: ">=", value: String(Number(value) * 2), ...(capped ? { maxleg: "0.5" } : {}),
  }));
  const legs = fc.tuple(gv, fc.integer({ min: 1, max: 2 })).map(([g, count]): ConditionIR => ({
    kind: "and", operands: [g, { kind: "compare", figure: { kind: "legs", rank: rankIndex - 1 }, op: ">=", value: String(count) }],
  }));
  const options = [pv, gv, legs];
  if (breakaway !== null) options.push(threshold.map((value): ConditionIR => ({ kind: "compare", figure: { kind: "open", measure: 0 }, op: ">=", value })));
  return fc.oneof(...options);
}

function tiersArb(count: { min: number; max: number }, rankCount: number): fc.Arbitrary<TierIR[]> {
  const requires = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: rankCount - 1 }));
  return fc.array(fc.record({ rate: rate(10), requires }), { minLength: count.min, maxLength: count.max });
}

export interface PlanOptions {
  split: boolean;
  /** Split mode of the generated split block (default volume). */
  mode?: "volume" | "commission";
  /** Sometimes give the plan a late-canceller hold (0–8 weeks). */
  holds?: boolean;
}

export function planArb(options: PlanOptions): fc.Arbitrary<PlanIR> {
  return fc
    .record({
      rankCount: fc.integer({ min: 1, max: 4 }),
      breakawayPick: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      mode: fc.constantFrom<RoundingMode>("half-up", "half-even", "half-down", "up", "down"),
      unit: fc.constantFrom("0.01", "0.01", "0.05", "1"),
      activity: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      withdrawalDays: fc.integer({ min: 0, max: 14 }),
      kinds: fc.uniqueArray(fc.constantFrom("level", "differential", "generation", "equalrank", "faststart", "pool"), { minLength: 1, maxLength: 6 }),
      minimum: fc.constantFrom("0", "0", "10"),
      defaultShare: rate(100),
      holdWeeks: options.holds ? fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }) : fc.constant(null),
    })
    .chain((base) => {
      const breakaway = base.breakawayPick !== null && base.breakawayPick < base.rankCount ? base.breakawayPick : null;
      const ranks = fc.tuple(
        ...Array.from({ length: base.rankCount }, (_, r) =>
          r === 0 ? fc.constant<RankIR>({ name: "R0", condition: null }) : conditionArb(r, breakaway).map((condition): RankIR => ({ name: `R${r}`, condition })),
        ),
      );
      const kinds = base.kinds.filter((k) => (k !== "generation" || breakaway !== null) && (k !== "equalrank" || base.kinds.includes("differential")));
      const bonuses = fc.tuple(...kinds.map((kind, i) => bonusArb(kind, `B${i}`, base.rankCount)));
      return fc.tuple(ranks, bonuses).map(([rankList, bonusList]): PlanIR => {
        const differential = bonusList.findIndex((b) => b.kind === "differential");
        const fixed = bonusList.map((b) => (b.kind === "equalrank" ? { ...b, differential } : b));
        return {
          irVersion: 1, name: "Random plan", version: null, currency: "EUR",
          rounding: { mode: base.mode, unit: base.unit }, period: "monthly",
          measures: [{ name: "PV", figure: "points" }, { name: "CV", figure: "net" }],
          activity: base.activity === null ? null : { kind: "compare", figure: { kind: "personal", measure: 0 }, op: ">=", value: String(base.activity) },
          ranks: rankList, breakaway, bonuses: fixed,
          split: options.split ? { title: null, mode: options.mode ?? "volume", measures: [0, 1], defaultShare: base.defaultShare } : null,
          cancellation: {
            withdrawalDays: base.withdrawalDays, policy: "exact",
            lateCanceller: base.holdWeeks === null ? null : { holdWeeks: base.holdWeeks, prepaymentOnly: true },
          },
          payoutMinimum: base.minimum,
        };
      });
    });
}

function bonusArb(kind: string, name: string, rankCount: number): fc.Arbitrary<BonusIR> {
  const measure = fc.constantFrom(0, 1, 1);
  switch (kind) {
    case "level":
      return fc.record({ measure, levels: tiersArb({ min: 1, max: 5 }, rankCount), compression: fc.boolean() }).map((b) => ({ kind: "level", name, ...b }));
    case "differential":
      return fc.record({ measure, steps: fc.array(rate(10), { minLength: rankCount, maxLength: rankCount }) }).map(({ measure: m, steps }) => {
        let sum = new Decimal(0);
        const rates = steps.map((s) => canonical((sum = sum.plus(s))));
        return { kind: "differential", name, measure: m, rates };
      });
    case "generation":
      return fc.record({ measure, generations: tiersArb({ min: 1, max: 3 }, rankCount) }).map((b) => ({ kind: "generation", name, ...b }));
    case "equalrank":
      return fc.record({ measure, rate: rate(5), minRank: fc.integer({ min: 0, max: rankCount - 1 }) }).map((b) => ({ kind: "equalrank", name, differential: -1, ...b }));
    case "faststart":
      return fc.record({ measure, withinDays: fc.integer({ min: 0, max: 60 }), levels: tiersArb({ min: 1, max: 2 }, rankCount) }).map((b) => ({ kind: "faststart", name, ...b }));
    case "pool":
      return fc
        .record({ measure, rate: rate(5), ranks: fc.uniqueArray(fc.integer({ min: 0, max: rankCount - 1 }), { minLength: 1, maxLength: rankCount }) })
        .map(({ measure: m, rate: r, ranks }) => ({
          kind: "pool", name, measure: m, rate: r,
          shares: [...ranks].sort((a, b) => a - b).map((rank, i) => ({ rank, shares: String(i + 1) })),
        }));
    default:
      throw new Error(`unknown bonus kind ${kind}`);
  }
}

const dayInMonths = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const money = fc.integer({ min: 0, max: 50_000 }).map((cents) => canonical(new Decimal(cents).div(100)));

export interface DataOptions {
  splits: boolean;
  /** Up to 15 cancellations of released orders (one per order), some long after delivery. */
  cancellations?: boolean;
}

export function datasetArb(options: DataOptions): fc.Arbitrary<Dataset> {
  return fc
    .record({
      partnerCount: fc.integer({ min: 1, max: 60 }),
      customerCount: fc.integer({ min: 0, max: 15 }),
      seeds: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
      topChance: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 60, maxLength: 60 }),
      // Most partners joined long ago; some join around the months (fast start, not yet joined).
      joinedDays: fc.array(
        fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.integer({ min: FIRST_DAY - 30, max: LAST_DAY }), weight: 1 }),
        { minLength: 60, maxLength: 60 },
      ),
      // About one in ten partners is terminated, with or without a date.
      terminated: fc.array(
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.option(dayInMonths, { nil: null }), weight: 1 }),
        { minLength: 60, maxLength: 60 },
      ),
    })
    .chain((shape) => {
      // Join dates sorted so every sponsor (lower index) joined no later than its recruits.
      const joined = shape.joinedDays.slice(0, shape.partnerCount).map((d) => (d === null ? "2025-01-01" : fromDayNumber(d))).sort();
      const partners: Partner[] = joined.map((date, i) => {
        const t = shape.terminated[i];
        return {
          id: `P${i}`,
          sponsor: i === 0 || shape.topChance[i] === 0 ? null : `P${shape.seeds[i]! % i}`,
          joined: date,
          status: t === undefined ? "active" : "terminated",
          terminated: t === undefined || t === null ? null : fromDayNumber(t),
        };
      });
      const customers: Customer[] = Array.from({ length: shape.customerCount }, (_, i) => ({
        id: `K${i}`, partner: `P${shape.seeds[i]! % shape.partnerCount}`, joined: "2025-01-01",
      }));
      const buyers = [...partners.map((p) => p.id), ...customers.map((c) => c.id)];
      const line = fc.record({ qty: fc.integer({ min: 1, max: 3 }), net: money, points: fc.integer({ min: 0, max: 200 }) });
      const orderArb = fc.record({
        buyer: fc.constantFrom(...buyers),
        day: dayInMonths,
        deliveryDelay: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 12, nil: null }),
        paid: fc.boolean(),
        lines: fc.array(line, { minLength: 1, maxLength: 2 }),
      });
      const splitArb: fc.Arbitrary<RawSplit[]> = options.splits
        ? fc.array(fc.record({ member: fc.constantFrom(...buyers), pick: fc.nat(), pv: rate(100), cv: fc.option(rate(100), { nil: null }) }), { maxLength: 12 })
        : fc.constant([]);
      const cancellationArb = fc.array(
        fc.record({ pick: fc.nat(), offset: fc.integer({ min: 0, max: 75 }), whole: fc.boolean(), line: fc.nat(), qty: fc.integer({ min: 1, max: 3 }) }),
        { maxLength: options.cancellations ? 15 : 0 },
      );
      return fc.tuple(fc.array(orderArb, { maxLength: 60 }), splitArb, cancellationArb).map(([raw, rawSplits, rawCancellations]): Dataset => {
        const splits = splitsOf(rawSplits, partners, customers);
        const joinedOf = new Map(partners.map((p) => [p.id, toDayNumber(p.joined)]));
        const customerPartner = new Map(customers.map((c) => [c.id, c.partner]));
        const orders: Order[] = raw.map((o, i) => {
          // No order before the partners it credits have joined: every PV lands on a listed partner.
          const credited = customerPartner.get(o.buyer) ?? o.buyer;
          const supporter = splits.find((a) => a.member === o.buyer)?.supporter;
          const earliest = Math.max(joinedOf.get(credited)!, supporter === undefined ? 0 : joinedOf.get(supporter)!);
          const date = fromDayNumber(Math.max(o.day, earliest));
          return {
            id: `O${i}`, buyer: o.buyer, date,
            paid: o.paid || i % 7 !== 0 ? date : null,
            delivered: o.deliveryDelay === null ? null : addDays(date, o.deliveryDelay),
            lines: o.lines.map((l, j) => ({ sku: `S${j}`, qty: String(l.qty), figures: { net: l.net, points: String(l.points) } })),
          };
        });
        return { partners, customers, splits, orders, cancellations: cancellationsOf(rawCancellations, orders) };
      });
    });
}

interface RawSplit {
  member: string;
  pick: number;
  pv: string;
  cv: string | null;
}

function splitsOf(raw: RawSplit[], partners: Partner[], customers: Customer[]): SplitAgreement[] {
  const agreements: SplitAgreement[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    if (seen.has(r.member)) continue;
    const partnerIndex = partners.findIndex((p) => p.id === r.member);
    const customerOf = customers.find((c) => c.id === r.member)?.partner;
    // Supporter: a lower-index partner for a partner member; any other partner for a customer.
    const candidates = partnerIndex >= 0 ? partners.slice(0, partnerIndex) : partners.filter((p) => p.id !== customerOf);
    if (candidates.length === 0) continue;
    seen.add(r.member);
    const supporter = candidates[r.pick % candidates.length]!.id;
    agreements.push({
      index: agreements.length, member: r.member, supporter,
      share: r.cv === null ? r.pv : null,
      shareByMeasure: r.cv === null ? {} : { PV: r.pv, CV: r.cv },
      from: null, to: null,
    });
  }
  return agreements;
}

interface RawCancellation {
  pick: number;
  offset: number;
  whole: boolean;
  line: number;
  qty: number;
}

/**
 * At most one cancellation per released order, dated 0–75 days after delivery (so before and
 * after the run, late and not): the whole order, or 1..qty units of one line.
 */
function cancellationsOf(raw: RawCancellation[], orders: Order[]): Cancellation[] {
  const released = orders.filter((o) => o.paid !== null && o.delivered !== null);
  const taken = new Set<string>();
  const cancellations: Cancellation[] = [];
  for (const r of raw) {
    if (released.length === 0) break;
    const order = released[r.pick % released.length]!;
    if (taken.has(order.id)) continue;
    taken.add(order.id);
    const line = r.line % order.lines.length;
    cancellations.push({
      id: `C${cancellations.length}`, order: order.id, date: addDays(order.delivered!, r.offset), goods: "returned",
      lines: r.whole ? null : [{ line, qty: String(Math.min(r.qty, Number(order.lines[line]!.qty))) }],
    });
  }
  return cancellations;
}
