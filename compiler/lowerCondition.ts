/**
 * Conditions from AST to IR. Chains are flattened (`a and (b and c)` is one `and` of three), so
 * equal conditions have one IR shape however they were parenthesised.
 */
import type { Condition, Figure } from "../grammar/ast.ts";
import type { ConditionIR, FigureIR } from "../core/ir.ts";
import { canonicalNumber, percentToFraction } from "../core/numbers.ts";

export interface NameTables {
  rank(name: string): number;
  measure(name: string): number;
}

export function lowerCondition(condition: Condition, names: NameTables): ConditionIR {
  switch (condition.kind) {
    case "And":
    case "Or": {
      const kind = condition.kind === "And" ? "and" : "or";
      const operands: ConditionIR[] = [];
      for (const operand of condition.operands) {
        const lowered = lowerCondition(operand, names);
        if (lowered.kind === kind) operands.push(...lowered.operands);
        else operands.push(lowered);
      }
      return operands.length === 1 ? operands[0]! : { kind, operands };
    }
    case "Not":
      return { kind: "not", operand: lowerCondition(condition.operand, names) };
    case "Comparison": {
      const compare: ConditionIR = {
        kind: "compare",
        figure: lowerFigure(condition.left, names),
        op: condition.op,
        value: canonicalNumber(condition.right.text),
      };
      if (condition.maxleg) compare.maxleg = percentToFraction(condition.maxleg.text);
      return compare;
    }
    default: {
      const never: never = condition;
      throw new Error(`unhandled condition ${JSON.stringify(never)}`);
    }
  }
}

function lowerFigure(figure: Figure, names: NameTables): FigureIR {
  switch (figure.kind) {
    case "VolumeFigure": {
      const measure = figure.measure ? names.measure(figure.measure.text) : 0;
      const text = figure.figure.text;
      if (text === "PV") return { kind: "personal", measure };
      if (text === "GV") return { kind: "group", measure };
      if (text === "OV") return { kind: "open", measure };
      throw new Error(`unchecked figure ${text}`);
    }
    case "Legs":
      return { kind: "legs", rank: names.rank(figure.rank.text) };
    case "Frontline":
      return { kind: "frontline", rank: names.rank(figure.rank.text) };
    default: {
      const never: never = figure;
      throw new Error(`unhandled figure ${JSON.stringify(never)}`);
    }
  }
}
