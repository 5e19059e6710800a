/**
 * The structural facts every engine relies on before it evaluates an IR: indices in range,
 * decimal text that parses, whole numbers where counts are meant, the equal-rank bonus pointing
 * at a differential bonus. One check for both engines (the reference's preparePlan and the
 * compiled runtime's plan tables both call it), so an IR is checked once before a run, with the
 * same messages whichever engine runs it.
 *
 * Why not validateIr here: validateIr checks the whole contract of an IR that crosses a boundary
 * (the JSON Schema: canonical decimals, name patterns, at least one rank; plus irReferences.ts).
 * Programs that build an IR by hand (tests, embedders) rely on the evaluator accepting any IR it
 * can evaluate exactly, e.g. `"10.00"` or a plan without bonuses; refusing those at run time would
 * change results that are pinned. docs/ARCHITECTURE.md ("Why a contracts folder that imports nothing").
 */
import type { BonusIR, ConditionIR, PlanIR, SplitIR, TierIR } from "./ir.ts";
import { IR_VERSION } from "./ir.ts";
import { Decimal } from "./decimal.ts";

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function evaluableIrProblems(ir: PlanIR): string[] {
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
