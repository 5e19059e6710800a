/**
 * Rank and activity conditions (semantics §5), compiled once per run into closures so that the
 * literals are parsed once, not once per partner.
 */
import type { CompareIR, CompareOpIR, ConditionIR } from "../../core/ir.ts";
import { Decimal } from "../../core/decimal.ts";

/** The figures of one partner in one period that a condition can compare. */
export interface FigureSource {
  personal(measure: number): Decimal;
  group(measure: number): Decimal;
  open(measure: number): Decimal;
  /** Group volume with at most `cap` counted from any single leg; own personal volume in full. */
  groupWithLegCap(measure: number, cap: Decimal): Decimal;
  /** Structural legs containing a partner whose paid-as rank is at least `rank`. */
  legs(rank: number): number;
  /** Direct children whose paid-as rank is at least `rank`. */
  frontline(rank: number): number;
}

export type CompiledCondition = (figures: FigureSource) => boolean;

export function compileCondition(condition: ConditionIR): CompiledCondition {
  switch (condition.kind) {
    case "and": {
      const operands = condition.operands.map(compileCondition);
      return (f) => operands.every((holds) => holds(f));
    }
    case "or": {
      const operands = condition.operands.map(compileCondition);
      return (f) => operands.some((holds) => holds(f));
    }
    case "not": {
      const operand = compileCondition(condition.operand);
      return (f) => !operand(f);
    }
    case "compare":
      return compileCompare(condition);
    default: {
      const never: never = condition;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function compileCompare(compare: CompareIR): CompiledCondition {
  const value = new Decimal(compare.value);
  const op = compare.op;
  const figure = compare.figure;
  switch (figure.kind) {
    case "personal":
      return (f) => holdsCompare(f.personal(figure.measure), op, value);
    case "group": {
      if (compare.maxleg === undefined) return (f) => holdsCompare(f.group(figure.measure), op, value);
      // The cap is a share of the threshold itself: "GV >= 4000 with maxleg 60%" counts at most
      // 2400 from any one leg.
      const cap = new Decimal(compare.maxleg).times(value);
      return (f) => holdsCompare(f.groupWithLegCap(figure.measure, cap), op, value);
    }
    case "open":
      return (f) => holdsCompare(f.open(figure.measure), op, value);
    case "legs":
      return (f) => holdsCompare(new Decimal(f.legs(figure.rank)), op, value);
    case "frontline":
      return (f) => holdsCompare(new Decimal(f.frontline(figure.rank)), op, value);
    default: {
      const never: never = figure;
      throw new Error(`unknown figure ${JSON.stringify(never)}`);
    }
  }
}

function holdsCompare(actual: Decimal, op: CompareOpIR, expected: Decimal): boolean {
  const c = actual.cmp(expected);
  switch (op) {
    case ">=":
      return c >= 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case "<":
      return c < 0;
    case "=":
      return c === 0;
    case "!=":
      return c !== 0;
    default: {
      const never: never = op;
      throw new Error(`unknown comparison ${String(never)}`);
    }
  }
}
