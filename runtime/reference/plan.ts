/**
 * The plan as the evaluator uses it: the IR with every rate, share and threshold parsed into a
 * Decimal once, and the few structural facts the evaluator relies on checked first (indices in
 * range, the equal-rank bonus pointing at a differential bonus...). The compiler guarantees all
 * of this for a plan it produced; an IR built by hand or by another tool gets a RunError here
 * instead of an exception in the middle of a run.
 */
import type { BonusIR, PlanIR, TierIR } from "../../core/ir.ts";
import { evaluableIrProblems } from "../../core/irStructure.ts";
import { Decimal } from "../../core/decimal.ts";
import { compileCondition, type CompiledCondition } from "./conditions.ts";
import { refuse, success, type Outcome } from "../../core/runError.ts";
import { moneyOf, type Money } from "../../core/money.ts";

export interface Tier {
  rate: Decimal;
  /** Rank index the recipient needs at least; null = any rank or none. */
  requires: number | null;
}

export type PreparedBonus =
  | { kind: "level"; name: string; measure: number; levels: Tier[]; compression: boolean }
  | { kind: "differential"; name: string; measure: number; rates: Decimal[]; topRate: Decimal }
  | { kind: "generation"; name: string; measure: number; generations: Tier[] }
  | { kind: "equalrank"; name: string; measure: number; rate: Decimal; minRank: number; differential: number }
  | { kind: "faststart"; name: string; measure: number; withinDays: number; levels: Tier[] }
  | { kind: "pool"; name: string; measure: number; rate: Decimal; shares: { rank: number; shares: Decimal }[] };

export interface PreparedPlan {
  ir: PlanIR;
  money: Money;
  payoutMinimum: Decimal;
  /** Per rank index; null = no conditions (everyone qualifies). */
  rankConditions: (CompiledCondition | null)[];
  activity: CompiledCondition | null;
  bonuses: PreparedBonus[];
}

export function preparePlan(ir: PlanIR): Outcome<PreparedPlan> {
  const problems = evaluableIrProblems(ir);
  if (problems.length > 0) {
    return refuse("invalid-plan", "the plan cannot be evaluated: its IR is inconsistent", problems);
  }
  return success({
    ir,
    money: moneyOf(ir.rounding.unit, ir.rounding.mode),
    payoutMinimum: new Decimal(ir.payoutMinimum),
    rankConditions: ir.ranks.map((r) => (r.condition === null ? null : compileCondition(r.condition))),
    activity: ir.activity === null ? null : compileCondition(ir.activity),
    bonuses: ir.bonuses.map(prepareBonus),
  });
}

function tiers(list: TierIR[]): Tier[] {
  return list.map((t) => ({ rate: new Decimal(t.rate), requires: t.requires }));
}

function prepareBonus(bonus: BonusIR): PreparedBonus {
  const { name, measure } = bonus;
  switch (bonus.kind) {
    case "level":
      return { kind: "level", name, measure, levels: tiers(bonus.levels), compression: bonus.compression };
    case "differential": {
      const rates = bonus.rates.map((r) => new Decimal(r));
      const topRate = rates.reduce((a, b) => Decimal.max(a, b), new Decimal(0));
      return { kind: "differential", name, measure, rates, topRate };
    }
    case "generation":
      return { kind: "generation", name, measure, generations: tiers(bonus.generations) };
    case "equalrank":
      return { kind: "equalrank", name, measure, rate: new Decimal(bonus.rate), minRank: bonus.minRank, differential: bonus.differential };
    case "faststart":
      return { kind: "faststart", name, measure, withinDays: bonus.withinDays, levels: tiers(bonus.levels) };
    case "pool":
      return {
        kind: "pool",
        name,
        measure,
        rate: new Decimal(bonus.rate),
        shares: bonus.shares.map((s) => ({ rank: s.rank, shares: new Decimal(s.shares) })),
      };
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}
