/**
 * The plan as numbers for the compiled runtime: every rate, threshold and share as a scaled
 * integer, every volume measure at one scale (its "volume scale") chosen so that every figure,
 * every split portion and every threshold of that measure is an integer. Built per (plan, data)
 * pair because the data decides how many decimals its figures and shares carry.
 *
 * Returns null when something cannot be held exactly in a safe integer: the period then runs in
 * the reference evaluator (recorded as the reason).
 */
import type { BonusIR, ConditionIR, PlanIR, RoundingMode } from "../../core/ir.ts";
import type { ScaledBonusShape, ScaledConditionShape, ScaledTierShape } from "../../compiler/codegen/shapes.ts";
import type { ColumnarData, FigureSums } from "./columnar.ts";
import { figureSumsOf } from "./columnar.ts";
import { canonicalText, decimalsOf, pow10, scaledInt } from "./scaled.ts";

export type ScaledCondition = ScaledConditionShape;
export type ScaledTier = ScaledTierShape;
export type ScaledBonus = ScaledBonusShape;

export interface PlanTables {
  ir: PlanIR;
  measureCount: number;
  /** Per measure: the data's per-order sums of qty × figure. */
  figures: FigureSums[];
  /** Decimals of split shares (0 without splits): a weight is an integer at 10^-shareScale. */
  shareScale: number;
  /** Per measure: the scale of every volume of that measure. */
  volumeScale: number[];
  /** Per measure: x = value × weight × volumeFactor[k] (from figure scale + share scale to volume scale). */
  volumeFactor: number[];
  rankConditions: (ScaledCondition | null)[];
  activity: ScaledCondition | null;
  breakaway: number;
  bonuses: ScaledBonus[];
  /** Per bonus: decimals of its rates. */
  rateScale: number[];
  /** Per bonus: an amount x × rate is rounded as roundDiv(x × rate × amountMultiplier, amountDivisor). */
  amountMultiplier: number[];
  amountDivisor: number[];
  mode: RoundingMode;
  /** Money: amounts are integers at 10^-moneyScale; one unit is `unitMinor` of them. */
  moneyScale: number;
  unitMinor: number;
  /** Per bonus: the rate's percentage text by scaled rate (filled on use). */
  rateTexts: Map<number, string>[];
}

function maxDecimalsOfCondition(c: ConditionIR, measure: number): number {
  switch (c.kind) {
    case "and":
    case "or":
      return Math.max(0, ...c.operands.map((o) => maxDecimalsOfCondition(o, measure)));
    case "not":
      return maxDecimalsOfCondition(c.operand, measure);
    case "compare": {
      const f = c.figure;
      if (f.kind === "legs" || f.kind === "frontline" || f.measure !== measure) return 0;
      const own = decimalsOf(c.value);
      return c.maxleg === undefined ? own : Math.max(own, own + decimalsOf(c.maxleg));
    }
    default: {
      const never: never = c;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function scaleCondition(c: ConditionIR, volumeScale: number[]): ScaledCondition | null {
  switch (c.kind) {
    case "and":
    case "or": {
      const operands = c.operands.map((o) => scaleCondition(o, volumeScale));
      return operands.some((o) => o === null) ? null : { kind: c.kind, operands: operands as ScaledCondition[] };
    }
    case "not": {
      const operand = scaleCondition(c.operand, volumeScale);
      return operand === null ? null : { kind: "not", operand };
    }
    case "compare": {
      const f = c.figure;
      if (f.kind === "legs" || f.kind === "frontline") {
        const scale = decimalsOf(c.value);
        const value = scaledInt(c.value, scale);
        return Number.isNaN(value) ? null : { kind: "count", figure: f.kind, rank: f.rank, op: c.op, value, scale };
      }
      const s = volumeScale[f.measure]!;
      const value = scaledInt(c.value, s);
      if (Number.isNaN(value)) return null;
      let cap: number | null = null;
      if (c.maxleg !== undefined) {
        const md = decimalsOf(c.maxleg);
        const maxleg = scaledInt(c.maxleg, md);
        const valueAtLess = scaledInt(c.value, s - md);
        cap = maxleg * valueAtLess;
        if (Number.isNaN(cap) || !Number.isSafeInteger(cap)) return null;
      }
      return { kind: "figure", figure: f.kind, measure: f.measure, op: c.op, value, cap };
    }
    default: {
      const never: never = c;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function bonusRates(b: BonusIR): string[] {
  switch (b.kind) {
    case "level":
    case "faststart":
      return b.levels.map((t) => t.rate);
    case "generation":
      return b.generations.map((t) => t.rate);
    case "differential":
      return b.rates;
    case "equalrank":
      return [b.rate];
    case "pool":
      return [b.rate];
    default: {
      const never: never = b;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

function scaleBonus(b: BonusIR, rateScale: number): ScaledBonus {
  const r = (text: string) => scaledInt(text, rateScale);
  const tiers = (list: { rate: string; requires: number | null }[]) => list.map((t) => ({ rate: r(t.rate), requires: t.requires ?? -1 }));
  switch (b.kind) {
    case "level":
      return { kind: "level", measure: b.measure, levels: tiers(b.levels), compression: b.compression };
    case "differential": {
      const rates = b.rates.map(r);
      return { kind: "differential", measure: b.measure, rates, topRate: Math.max(0, ...rates) };
    }
    case "generation":
      return { kind: "generation", measure: b.measure, generations: tiers(b.generations) };
    case "equalrank":
      return { kind: "equalrank", measure: b.measure, rate: r(b.rate), minRank: b.minRank, differential: b.differential };
    case "faststart":
      return { kind: "faststart", measure: b.measure, withinDays: b.withinDays, levels: tiers(b.levels) };
    case "pool":
      return { kind: "pool", measure: b.measure };
    default: {
      const never: never = b;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

function hasNaN(b: ScaledBonus): boolean {
  switch (b.kind) {
    case "level":
    case "faststart":
      return b.levels.some((t) => Number.isNaN(t.rate));
    case "generation":
      return b.generations.some((t) => Number.isNaN(t.rate));
    case "differential":
      return b.rates.some(Number.isNaN);
    case "equalrank":
      return Number.isNaN(b.rate);
    case "pool":
      return false;
    default: {
      const never: never = b;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

/** The plan's numbers for this data set, or a reason why they cannot be held exactly. */
export function planTables(ir: PlanIR, columnar: ColumnarData): PlanTables | string {
  const measureCount = ir.measures.length;
  const figures = ir.measures.map((m) => figureSumsOf(columnar, m.figure));
  if (figures.some((f) => !f.exact)) return "an order's measure does not fit a safe integer";
  let shareScale = 0;
  if (ir.split !== null) {
    shareScale = decimalsOf(ir.split.defaultShare);
    for (const a of columnar.data.splits) {
      if (a.share !== null) shareScale = Math.max(shareScale, decimalsOf(a.share));
      for (const s of Object.values(a.shareByMeasure)) shareScale = Math.max(shareScale, decimalsOf(s));
    }
  }
  const conditions = [...ir.ranks.map((r) => r.condition), ir.activity].filter((c): c is ConditionIR => c !== null);
  const volumeScale = figures.map((f, k) => Math.max(f.scale + shareScale, ...conditions.map((c) => maxDecimalsOfCondition(c, k))));
  const volumeFactor = figures.map((f, k) => pow10(volumeScale[k]! - f.scale - shareScale));
  if (volumeScale.some((s) => s > 15) || volumeFactor.some(Number.isNaN)) return "volumes need more than 15 decimals";
  const rankConditions = ir.ranks.map((r) => (r.condition === null ? null : scaleCondition(r.condition, volumeScale)));
  const activity = ir.activity === null ? null : scaleCondition(ir.activity, volumeScale);
  if (ir.ranks.some((r, i) => r.condition !== null && rankConditions[i] === null) || (ir.activity !== null && activity === null)) {
    return "a condition's value does not fit a safe integer";
  }
  const moneyScale = decimalsOf(ir.rounding.unit);
  const unitMinor = scaledInt(ir.rounding.unit, moneyScale);
  if (Number.isNaN(unitMinor) || unitMinor <= 0) return "the rounding unit does not fit a safe integer";
  const rateScale = ir.bonuses.map((b) => Math.max(0, ...bonusRates(b).map(decimalsOf)));
  const bonuses = ir.bonuses.map((b, i) => scaleBonus(b, rateScale[i]!));
  if (bonuses.some(hasNaN)) return "a rate does not fit a safe integer";
  const amountMultiplier: number[] = [];
  const amountDivisor: number[] = [];
  ir.bonuses.forEach((b, i) => {
    const productScale = volumeScale[b.measure]! + rateScale[i]!;
    amountMultiplier.push(pow10(Math.max(0, moneyScale - productScale)));
    amountDivisor.push(unitMinor * pow10(Math.max(0, productScale - moneyScale)));
  });
  if ([...amountMultiplier, ...amountDivisor].some((v) => !Number.isSafeInteger(v))) return "amount scaling does not fit a safe integer";
  return {
    ir, measureCount, figures, shareScale, volumeScale, volumeFactor, rankConditions, activity,
    breakaway: ir.breakaway ?? -1, bonuses, rateScale, amountMultiplier, amountDivisor, mode: ir.rounding.mode,
    moneyScale, unitMinor, rateTexts: ir.bonuses.map(() => new Map()),
  };
}

/** "5%" for a rate of 0.05: the percentage text of a scaled rate, cached per bonus. */
export function rateText(tables: PlanTables, bonus: number, rate: number): string {
  const cache = tables.rateTexts[bonus]!;
  let text = cache.get(rate);
  if (text === undefined) {
    const scale = tables.rateScale[bonus]!;
    text = `${scale >= 2 ? canonicalText(rate, scale - 2) : canonicalText(rate * pow10(2 - scale), 0)}%`;
    cache.set(rate, text);
  }
  return text;
}
