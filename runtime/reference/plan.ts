/**
 * The plan as the evaluator uses it: the IR with every rate, share and threshold parsed into a
 * Decimal once, and the few structural facts the evaluator relies on checked first (indices in
 * range, the equal-rank bonus pointing at a differential bonus...). The compiler guarantees all
 * of this for a plan it produced; an IR built by hand or by another tool gets a RunError here
 * instead of an exception in the middle of a run.
 */
import type { BonusIR, ConditionIR, PlanIR, SplitIR, TierIR } from "../../core/ir.ts";
import { IR_VERSION } from "../../core/ir.ts";
import { Decimal } from "../../core/decimal.ts";
import { compileCondition, type CompiledCondition } from "./conditions.ts";
import { refuse, success, type Outcome } from "./errors.ts";
import { moneyOf, type Money } from "./rounding.ts";

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

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function preparePlan(ir: PlanIR): Outcome<PreparedPlan> {
  const problems = planProblems(ir);
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

// ---------------------------------------------------------------------------------------------
// Structural checks of the IR

function planProblems(ir: PlanIR): string[] {
  const problems: string[] = [];
  if (ir.irVersion !== IR_VERSION) problems.push(`IR version ${String(ir.irVersion)} is not ${IR_VERSION}`);
  const measureOk = (m: number) => Number.isInteger(m) && m >= 0 && m < ir.measures.length;
  const rankOk = (r: number) => Number.isInteger(r) && r >= 0 && r < ir.ranks.length;
  const decimalOk = (text: string, what: string, nonNegative = true) => {
    if (!DECIMAL_TEXT.test(text) || (nonNegative && text.startsWith("-"))) problems.push(`${what}: "${text}" is not a decimal`);
  };
  if (ir.measures.length === 0) problems.push("the plan declares no volume measure");
  decimalOk(ir.rounding.unit, "rounding unit");
  if (DECIMAL_TEXT.test(ir.rounding.unit) && new Decimal(ir.rounding.unit).lte(0)) problems.push("rounding unit must be above 0");
  decimalOk(ir.payoutMinimum, "payout minimum");
  if (ir.breakaway !== null && !rankOk(ir.breakaway)) problems.push(`breakaway rank ${ir.breakaway} does not exist`);
  const conditionProblems = (c: ConditionIR, where: string) => checkCondition(c, where, measureOk, rankOk, decimalOk, problems);
  if (ir.activity !== null) conditionProblems(ir.activity, "activity condition");
  ir.ranks.forEach((r) => r.condition !== null && conditionProblems(r.condition, `rank ${r.name}`));
  ir.bonuses.forEach((b, i) => checkBonus(ir, b, i, measureOk, rankOk, decimalOk, problems));
  if (ir.split !== null) checkSplit(ir.split, measureOk, decimalOk, problems);
  if (!Number.isInteger(ir.cancellation.withdrawalDays) || ir.cancellation.withdrawalDays < 0) {
    problems.push(`withdrawal period ${ir.cancellation.withdrawalDays} is not a whole number of days`);
  }
  const hold = ir.cancellation.lateCanceller?.holdWeeks;
  if (hold !== undefined && hold !== null && (!Number.isInteger(hold) || hold < 0)) {
    problems.push(`late-canceller hold ${hold} is not a whole number of weeks`);
  }
  return problems;
}

function checkCondition(
  c: ConditionIR,
  where: string,
  measureOk: (m: number) => boolean,
  rankOk: (r: number) => boolean,
  decimalOk: (text: string, what: string, nonNegative?: boolean) => void,
  problems: string[],
): void {
  switch (c.kind) {
    case "and":
    case "or":
      c.operands.forEach((o) => checkCondition(o, where, measureOk, rankOk, decimalOk, problems));
      return;
    case "not":
      checkCondition(c.operand, where, measureOk, rankOk, decimalOk, problems);
      return;
    case "compare": {
      decimalOk(c.value, `${where}: compared value`, false);
      const f = c.figure;
      if ((f.kind === "legs" || f.kind === "frontline") && !rankOk(f.rank)) problems.push(`${where}: rank ${f.rank} does not exist`);
      if ((f.kind === "personal" || f.kind === "group" || f.kind === "open") && !measureOk(f.measure)) {
        problems.push(`${where}: measure ${f.measure} does not exist`);
      }
      if (c.maxleg !== undefined) {
        decimalOk(c.maxleg, `${where}: maxleg`);
        if (f.kind !== "group") problems.push(`${where}: a maxleg rule applies to group volume only`);
      }
      return;
    }
    default: {
      const never: never = c;
      problems.push(`${where}: unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function checkBonus(
  ir: PlanIR,
  b: BonusIR,
  index: number,
  measureOk: (m: number) => boolean,
  rankOk: (r: number) => boolean,
  decimalOk: (text: string, what: string) => void,
  problems: string[],
): void {
  const where = `bonus "${b.name}"`;
  if (!measureOk(b.measure)) problems.push(`${where}: measure ${b.measure} does not exist`);
  if (ir.bonuses.findIndex((o) => o.name === b.name) !== index) problems.push(`${where}: the name is used twice`);
  const checkTiers = (list: TierIR[]) =>
    list.forEach((t, i) => {
      decimalOk(t.rate, `${where} step ${i + 1}: rate`);
      if (t.requires !== null && !rankOk(t.requires)) problems.push(`${where} step ${i + 1}: rank ${t.requires} does not exist`);
    });
  switch (b.kind) {
    case "level":
    case "faststart":
      checkTiers(b.levels);
      if (b.kind === "faststart" && (!Number.isInteger(b.withinDays) || b.withinDays < 0)) problems.push(`${where}: window is not a whole number of days`);
      return;
    case "generation":
      checkTiers(b.generations);
      return;
    case "differential":
      if (b.rates.length !== ir.ranks.length) problems.push(`${where}: ${b.rates.length} rates for ${ir.ranks.length} ranks`);
      b.rates.forEach((r, i) => decimalOk(r, `${where} rate of rank ${i}`));
      return;
    case "equalrank":
      decimalOk(b.rate, `${where}: rate`);
      if (ir.ranks.length > 0 && !rankOk(b.minRank)) problems.push(`${where}: rank ${b.minRank} does not exist`);
      if (ir.bonuses[b.differential]?.kind !== "differential") problems.push(`${where}: bonus ${b.differential} is not a differential bonus`);
      return;
    case "pool":
      decimalOk(b.rate, `${where}: rate`);
      b.shares.forEach((s) => {
        if (!rankOk(s.rank)) problems.push(`${where}: rank ${s.rank} does not exist`);
        decimalOk(s.shares, `${where}: shares`);
      });
      for (let i = 1; i < b.shares.length; i++) {
        if (b.shares[i]!.rank <= b.shares[i - 1]!.rank) problems.push(`${where}: shares are not in ascending rank order`);
      }
      return;
    default: {
      const never: never = b;
      problems.push(`${where}: unknown bonus kind ${JSON.stringify(never)}`);
    }
  }
}

function checkSplit(
  split: SplitIR,
  measureOk: (m: number) => boolean,
  decimalOk: (text: string, what: string) => void,
  problems: string[],
): void {
  split.measures.forEach((m) => !measureOk(m) && problems.push(`split: measure ${m} does not exist`));
  decimalOk(split.defaultShare, "split default share");
}
