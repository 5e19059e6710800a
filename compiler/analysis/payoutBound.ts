/**
 * The static payout bound: from the plan alone, the largest share of an order's volume the plan
 * can pay in total, per measure, with the reasoning per bonus. It reads the IR only (no data, no
 * run), so it is cheap enough to show while the designer types.
 *
 * Why each bound holds (semantics §6, and the reference evaluator in runtime/reference/bonuses):
 * - level: each level L is paid at most once per portion (one partner stands at level L), so a
 *   portion pays at most the sum of the level rates;
 * - differential: the walk stops paying when `paid` reaches the top rate, and every payment
 *   raises `paid` by exactly what it pays, so a portion pays at most the highest rate;
 * - generation: each generation g is paid at most once per portion: the sum of the rates;
 * - equal rank: one payment per differential earner whose rank is at least the minimum rank;
 *   earners' rates strictly rise, so there are at most as many such earners as distinct positive
 *   differential rates among those ranks;
 * - fast start: level L is paid at most once per portion: the sum of its level rates;
 * - pool: rate × the period's total of the measure, and every order contributes its volume once.
 * An order's portions (recruiter and supporter) carry weights that add up to 1 per measure, so a
 * volume split never adds; a commission transfer moves an amount from the recruiter to the
 * supporter (−t and +t), so it never adds either. Cancellations only write negative amounts.
 *
 * Rounding: every entry is rounded once to the money unit, which can add at most half a unit per
 * entry under the half-* modes, less than a whole unit under `up`, and nothing under `down`. The
 * bound counts how many entries an order can get, so the rounding allowance is exact too.
 */
import { Decimal, ZERO, canonical } from "../../core/decimal.ts";
import type { BonusIR, BonusKind, PlanIR, RoundingMode, TierIR } from "../../core/ir.ts";
import { percentText } from "../../core/numbers.ts";

export interface BonusBound {
  bonus: string;
  kind: BonusKind;
  measure: string;
  /** The largest share of the measure's volume this bonus can pay, as a fraction ("0.15"). */
  share: string;
  /** The same as a percentage text ("15%"). */
  percent: string;
  /** One sentence: why this is the most the bonus can pay. */
  reasoning: string;
  /** The most ledger entries this bonus writes for one portion of an order (pool: per period). */
  entriesPerPortion: number;
}

export interface MeasureBound {
  measure: string;
  share: string;
  percent: string;
  /** Titles of the bonuses paid on this measure, in declaration order. */
  bonuses: string[];
}

export interface PayoutBound {
  measures: MeasureBound[];
  bonuses: BonusBound[];
  /** Why splits never add (null when the plan has no split block). */
  splits: string | null;
  rounding: {
    mode: RoundingMode;
    unit: string;
    /** The most rounding can add to one entry, in money ("0.005"). */
    perEntry: string;
    /** The most entries one order can receive from per-order bonuses (two portions when split). */
    entriesPerOrder: number;
    /** perEntry × entriesPerOrder, money. */
    perOrder: string;
    sentence: string;
  };
  /** The plan's `payout target`, when it states one. */
  target: { share: string; percent: string; exceeded: boolean } | null;
}

export function payoutBound(ir: PlanIR): PayoutBound {
  const measureName = (i: number) => ir.measures[i]?.name ?? `#${i}`;
  const bonuses = ir.bonuses.map((b) => boundOfBonus(ir, b, measureName(b.measure)));
  const measures: MeasureBound[] = ir.measures.map((m, i) => {
    const own = ir.bonuses.map((b, j) => ({ b, bound: bonuses[j]! })).filter(({ b }) => b.measure === i);
    const total = own.reduce((sum, { bound }) => sum.plus(bound.share), ZERO);
    return { measure: m.name, share: canonical(total), percent: percentText(total), bonuses: own.map(({ b }) => b.name) };
  });
  const portions = ir.split !== null && ir.split.mode === "volume" ? 2 : 1;
  const perOrderEntries = bonuses.filter((b) => b.kind !== "pool").reduce((n, b) => n + b.entriesPerPortion, 0) * portions;
  const perEntry = roundingExcess(ir.rounding.mode, new Decimal(ir.rounding.unit));
  const rounding = {
    mode: ir.rounding.mode,
    unit: ir.rounding.unit,
    perEntry: canonical(perEntry),
    entriesPerOrder: perOrderEntries,
    perOrder: canonical(perEntry.times(perOrderEntries)),
    sentence: roundingSentence(ir.rounding.mode, ir.rounding.unit, perEntry, perOrderEntries, portions),
  };
  const target = targetOf(ir, measures);
  return { measures, bonuses, splits: splitSentence(ir), rounding, target };
}

/** The most the plan can pay per order, over all measures: the highest measure bound. */
export function highestMeasureShare(bound: PayoutBound): Decimal {
  return bound.measures.reduce((max, m) => Decimal.max(max, new Decimal(m.share)), ZERO);
}

function targetOf(ir: PlanIR, measures: MeasureBound[]): PayoutBound["target"] {
  if (ir.payoutTarget === undefined) return null;
  const target = new Decimal(ir.payoutTarget);
  const exceeded = measures.some((m) => new Decimal(m.share).gt(target));
  return { share: ir.payoutTarget, percent: percentText(target), exceeded };
}


const positive = (tiers: readonly TierIR[]) => tiers.filter((t) => new Decimal(t.rate).gt(0));
const sumOf = (tiers: readonly TierIR[]) => tiers.reduce((s, t) => s.plus(t.rate), ZERO);
const listed = (tiers: readonly TierIR[]) => tiers.map((t) => percentText(t.rate)).join(" + ");

function boundOfBonus(ir: PlanIR, bonus: BonusIR, measure: string): BonusBound {
  const make = (share: Decimal, reasoning: string, entriesPerPortion: number): BonusBound => ({
    bonus: bonus.name, kind: bonus.kind, measure, share: canonical(share), percent: percentText(share), reasoning, entriesPerPortion,
  });
  switch (bonus.kind) {
    case "level": {
      const total = sumOf(bonus.levels);
      return make(total, `level bonus: each of its ${bonus.levels.length} level(s) is paid at most once per order, so at most the sum of the level rates (${listed(bonus.levels)} = ${percentText(total)})`, positive(bonus.levels).length);
    }
    case "differential": {
      const rates = bonus.rates.map((r) => new Decimal(r));
      const top = rates.reduce((m, r) => Decimal.max(m, r), ZERO);
      const topRank = ir.ranks[rates.findIndex((r) => r.eq(top))]?.name ?? "-";
      return make(top, `differential bonus: each earner gets only the difference to what was paid below, and the walk stops at the highest rate, so at most the highest rate (${percentText(top)}, ${topRank})`, distinctPositive(rates).length);
    }
    case "generation": {
      const total = sumOf(bonus.generations);
      return make(total, `generation bonus: each of its ${bonus.generations.length} generation(s) is paid at most once per order, so at most the sum of the generation rates (${listed(bonus.generations)} = ${percentText(total)})`, positive(bonus.generations).length);
    }
    case "equalrank": {
      const differential = ir.bonuses[bonus.differential];
      const rates = differential?.kind === "differential" ? differential.rates.slice(bonus.minRank).map((r) => new Decimal(r)) : [];
      const earners = new Decimal(bonus.rate).gt(0) ? distinctPositive(rates).length : 0;
      const total = new Decimal(bonus.rate).times(earners);
      const from = ir.ranks[bonus.minRank]?.name ?? "-";
      return make(total, `equal-rank bonus: one payment per differential earner of rank ${from} or higher; earners' rates strictly rise, so there are at most ${earners} (the distinct differential rates from ${from} up): ${percentText(bonus.rate)} × ${earners} = ${percentText(total)}`, earners);
    }
    case "faststart": {
      const total = sumOf(bonus.levels);
      return make(total, `fast-start bonus: each of its ${bonus.levels.length} level(s) is paid at most once per order of a new partner, so at most the sum of its levels (${listed(bonus.levels)} = ${percentText(total)})`, positive(bonus.levels).length);
    }
    case "pool": {
      const rate = new Decimal(bonus.rate);
      return make(rate, `pool: ${percentText(rate)} of the period's total volume, so every order adds at most its rate (the pool is rounded once per period)`, rate.gt(0) ? 1 : 0);
    }
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

function distinctPositive(rates: readonly Decimal[]): Decimal[] {
  const out: Decimal[] = [];
  for (const r of rates) if (r.gt(0) && !out.some((o) => o.eq(r))) out.push(r);
  return out;
}

/** The most rounding to the unit can add to one entry under a mode. */
export function roundingExcess(mode: RoundingMode, unit: Decimal): Decimal {
  switch (mode) {
    case "half-up":
    case "half-even":
    case "half-down":
      return unit.div(2);
    case "up":
      return unit; // strictly less than a whole unit; one unit is the safe figure
    case "down":
      return ZERO;
    default: {
      const never: never = mode;
      throw new Error(`unknown rounding mode ${String(never)}`);
    }
  }
}

function roundingSentence(mode: RoundingMode, unit: string, perEntry: Decimal, entries: number, portions: number): string {
  const how =
    mode === "down" ? `rounding ${mode} never adds to an entry`
    : mode === "up" ? `rounding ${mode} to ${unit} adds less than ${unit} per entry`
    : `rounding ${mode} to ${unit} adds at most half a unit (${canonical(perEntry)}) per entry`;
  const split = portions === 2 ? " (two portions when the order is split)" : "";
  return `${how}; one order gets at most ${entries} entries from the per-order bonuses${split}, so rounding adds at most ${canonical(perEntry.times(entries))} per order, and at most ${canonical(perEntry)} per pool per period`;
}

function splitSentence(ir: PlanIR): string | null {
  if (ir.split === null) return null;
  return ir.split.mode === "volume"
    ? "splits never add: a split order is divided into a recruiter and a supporter portion whose weights add up to 100% per measure, and each portion pays at most the bound on its own weight"
    : "splits never add: a commission transfer takes the supporter's amount from the recruiter's entry (−t) and gives it to the supporter (+t), so the order's total is unchanged";
}
