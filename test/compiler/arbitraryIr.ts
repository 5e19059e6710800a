/**
 * fast-check arbitrary for valid PlanIR values: every value it makes is one the compiler could
 * have produced — names are identifiers that are not keywords, titles have no line breaks,
 * numbers are canonical, differential rates never fall, `and`/`or` chains are flat, a generation
 * bonus has a breakaway rank, an equal-rank bonus points at the first differential bonus.
 */
import fc from "fast-check";
import { KEYWORDS } from "../../grammar/tokenInfo.ts";
import { IR_VERSION, type BonusIR, type ConditionIR, type FigureIR, type PlanIR, type TierIR } from "../../core/ir.ts";
import { Decimal, canonical } from "../../core/decimal.ts";

const keywords = new Set(KEYWORDS);

/** Capitalised names (ranks, measures) can never be keywords, which are lower case. */
const upperName = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,7}(-[A-Za-z0-9_]{1,4})?$/);
const lowerName = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((s) => !keywords.has(s));
const title = fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !/[\r\n\u2028\u2029\u0085]/.test(s));

/** A canonical non-negative decimal with up to `scale` fraction digits. */
function decimal(maxInt: number, scale: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** scale - 1 }))
    .map(([i, f]) => canonical(new Decimal(i).plus(new Decimal(f).div(10 ** scale))));
}
const positiveDecimal = (maxInt: number, scale: number) => decimal(maxInt, scale).filter((d) => d !== "0");
/** A rate 0%–100% with up to three decimals in the percentage, as a fraction. */
const fraction = fc.integer({ min: 0, max: 100_000 }).map((n) => canonical(new Decimal(n).div(100_000)));
const positiveFraction = fraction.filter((f) => f !== "0");
const whole = (max: number) => fc.integer({ min: 0, max }).map(String);

function flatten(c: ConditionIR): ConditionIR {
  if (c.kind === "and" || c.kind === "or") {
    const operands = c.operands.map(flatten).flatMap((o) => (o.kind === c.kind ? o.operands : [o]));
    return { kind: c.kind, operands };
  }
  if (c.kind === "not") return { kind: "not", operand: flatten(c.operand) };
  return c;
}

function conditionArb(rankCount: number, measureCount: number): fc.Arbitrary<ConditionIR> {
  const measure = fc.integer({ min: 0, max: measureCount - 1 });
  const rank = fc.integer({ min: 0, max: rankCount - 1 });
  const op = fc.constantFrom(">=", ">", "<=", "<", "=", "!=") as fc.Arbitrary<">=" | ">" | "<=" | "<" | "=" | "!=">;
  const volume: fc.Arbitrary<ConditionIR> = fc
    .record({
      kind: fc.constantFrom("personal", "group", "open") as fc.Arbitrary<"personal" | "group" | "open">,
      measure,
      op,
      value: decimal(100_000, 2),
      maxleg: fc.option(positiveFraction, { nil: undefined }),
    })
    .map(({ kind, measure: m, op: o, value, maxleg }) => {
      const figure: FigureIR = { kind, measure: m };
      const compare: ConditionIR = { kind: "compare", figure, op: o, value };
      if (maxleg !== undefined && kind === "group" && (o === ">=" || o === ">")) compare.maxleg = maxleg;
      return compare;
    });
  const count: fc.Arbitrary<ConditionIR> = fc
    .record({ kind: fc.constantFrom("legs", "frontline") as fc.Arbitrary<"legs" | "frontline">, rank, op, value: whole(20) })
    .map(({ kind, rank: r, op: o, value }) => ({ kind: "compare", figure: { kind, rank: r }, op: o, value }));
  const { tree } = fc.letrec<{ tree: ConditionIR }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      volume,
      count,
      fc.record({ kind: fc.constant("and" as const), operands: fc.array(tie("tree"), { minLength: 2, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("or" as const), operands: fc.array(tie("tree"), { minLength: 2, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("not" as const), operand: tie("tree") }),
    ),
  }));
  return tree.map(flatten);
}

function tiersArb(rankCount: number): fc.Arbitrary<TierIR[]> {
  return fc.array(
    fc.record({ rate: fraction, requires: fc.option(fc.integer({ min: 0, max: rankCount - 1 }), { nil: null }) }),
    { minLength: 1, maxLength: 6 },
  );
}

function bonusArb(rankCount: number, measureCount: number): fc.Arbitrary<Omit<BonusIR, "name">> {
  const measure = fc.integer({ min: 0, max: measureCount - 1 });
  const rank = fc.integer({ min: 0, max: rankCount - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant("level" as const), measure, levels: tiersArb(rankCount), compression: fc.boolean() }),
    fc.record({
      kind: fc.constant("differential" as const),
      measure,
      rates: fc.array(fraction, { minLength: rankCount, maxLength: rankCount }).map((rates) =>
        [...rates].sort((a, b) => new Decimal(a).comparedTo(b)),
      ),
    }),
    fc.record({ kind: fc.constant("generation" as const), measure, generations: tiersArb(rankCount) }),
    fc.record({ kind: fc.constant("equalrank" as const), measure, rate: fraction, minRank: rank, differential: fc.constant(-1) }),
    fc.record({
      kind: fc.constant("faststart" as const),
      measure,
      withinDays: fc.integer({ min: 1, max: 365 }),
      levels: tiersArb(rankCount),
    }),
    fc.record({
      kind: fc.constant("pool" as const),
      measure,
      rate: fraction,
      shares: fc
        .uniqueArray(fc.record({ rank, shares: positiveDecimal(10, 2) }), { minLength: 1, maxLength: rankCount, selector: (s) => s.rank })
        .map((s) => [...s].sort((a, b) => a.rank - b.rank)),
    }),
  );
}

export const planIrArb: fc.Arbitrary<PlanIR> = fc
  .record({
    rankNames: fc.uniqueArray(upperName, { minLength: 1, maxLength: 5 }),
    measureNames: fc.uniqueArray(upperName, { minLength: 1, maxLength: 3 }),
  })
  .chain(({ rankNames, measureNames }) => {
    const r = rankNames.length;
    const m = measureNames.length;
    return fc
      .record({
        name: title,
        version: fc.option(title, { nil: null }),
        currency: fc.stringMatching(/^[A-Z]{3}$/),
        rounding: fc.record({
          mode: fc.constantFrom("half-up", "half-even", "half-down", "up", "down") as fc.Arbitrary<PlanIR["rounding"]["mode"]>,
          unit: positiveDecimal(5, 3),
        }),
        figures: fc.array(lowerName, { minLength: m, maxLength: m }),
        activity: fc.option(conditionArb(r, m), { nil: null }),
        conditions: fc.array(fc.option(conditionArb(r, m), { nil: null }), { minLength: r, maxLength: r }),
        breakaway: fc.option(fc.integer({ min: 0, max: r - 1 }), { nil: null }),
        bonuses: fc.array(bonusArb(r, m), { maxLength: 6 }),
        bonusTitles: fc.uniqueArray(title, { minLength: 6, maxLength: 6 }),
        split: fc.option(
          fc.record({
            title: fc.option(title, { nil: null }),
            mode: fc.constantFrom("volume", "commission") as fc.Arbitrary<"volume" | "commission">,
            measures: fc
              .uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: m })
              .map((s) => [...s].sort((a, b) => a - b)),
            defaultShare: fraction,
          }),
          { nil: null },
        ),
        cancellation: fc.record({
          withdrawalDays: fc.integer({ min: 0, max: 60 }),
          policy: fc.constantFrom("simple", "previous-rank", "exact") as fc.Arbitrary<PlanIR["cancellation"]["policy"]>,
          lateCanceller: fc.option(
            fc
              .record({ holdWeeks: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), prepaymentOnly: fc.boolean() })
              .filter((l) => l.holdWeeks !== null || l.prepaymentOnly),
            { nil: null },
          ),
        }),
        payoutMinimum: decimal(100, 2),
        payoutTarget: fc.option(fraction, { nil: undefined }),
      })
      .map((g): PlanIR => {
        const firstDifferential = g.bonuses.findIndex((b) => b.kind === "differential");
        // An equal-rank bonus needs a differential bonus to follow; without one, leave it out.
        const kept = g.bonuses.filter((b) => b.kind !== "equalrank" || firstDifferential >= 0);
        const differential = kept.findIndex((b) => b.kind === "differential");
        const bonuses = kept.map((b, i) => {
          const named = { ...b, name: g.bonusTitles[i]! } as BonusIR;
          return named.kind === "equalrank" ? { ...named, differential } : named;
        });
        const needsBreakaway = bonuses.some((b) => b.kind === "generation");
        return {
          irVersion: IR_VERSION,
          name: g.name,
          version: g.version,
          currency: g.currency,
          rounding: g.rounding,
          period: "monthly",
          measures: measureNames.map((name, i) => ({ name, figure: g.figures[i]! })),
          activity: g.activity,
          ranks: rankNames.map((name, i) => ({ name, condition: g.conditions[i]! })),
          breakaway: g.breakaway ?? (needsBreakaway ? 0 : null),
          bonuses,
          split: g.split,
          cancellation: g.cancellation,
          payoutMinimum: g.payoutMinimum,
          ...(g.payoutTarget === undefined ? {} : { payoutTarget: g.payoutTarget }),
        };
      });
  });
