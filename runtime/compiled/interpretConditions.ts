/**
 * The interpreter's rank kernel: rank and activity conditions as closures over the scaled
 * conditions. Used where `new Function` is not allowed (a strict Content-Security-Policy) and as
 * the second implementation the equivalence tests hold against the generated code.
 */
import type { PlanTables, ScaledCondition } from "./planTables.ts";
import { frontlineAtLeast, groupWithLegCap, legsAtLeast, type QualifyState, type RankKernel } from "./qualify.ts";

type Test = (s: QualifyState, p: number) => boolean;

export function compare(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case ">=":
      return actual >= expected;
    case ">":
      return actual > expected;
    case "<=":
      return actual <= expected;
    case "<":
      return actual < expected;
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}

function interpret(c: ScaledCondition): Test {
  switch (c.kind) {
    case "and": {
      const operands = c.operands.map(interpret);
      return (s, p) => operands.every((t) => t(s, p));
    }
    case "or": {
      const operands = c.operands.map(interpret);
      return (s, p) => operands.some((t) => t(s, p));
    }
    case "not": {
      const operand = interpret(c.operand);
      return (s, p) => !operand(s, p);
    }
    case "figure": {
      const { measure: k, op, value, cap } = c;
      switch (c.figure) {
        case "personal":
          return (s, p) => compare(s.personal[k]![p]!, op, value);
        case "group":
          return cap === null ? (s, p) => compare(s.group[k]![p]!, op, value) : (s, p) => compare(groupWithLegCap(s, k, p, cap), op, value);
        case "open":
          return (s, p) => compare(s.open[k]![p]!, op, value);
      }
      break;
    }
    case "count": {
      const { rank, op, value } = c;
      const unit = 10 ** c.scale;
      const count = c.figure === "legs" ? legsAtLeast : frontlineAtLeast;
      return (s, p) => compare(count(s, p, rank) * unit, op, value);
    }
    default: {
      const never: never = c;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
  throw new Error("unknown figure");
}

export function interpretedRankKernel(tables: PlanTables): RankKernel {
  const ranks = tables.rankConditions.map((c) => (c === null ? null : interpret(c)));
  const activity = tables.activity === null ? null : interpret(tables.activity);
  return (s, p, joined) => {
    if (joined) {
      for (let r = ranks.length - 1; r >= 0; r--) {
        const t = ranks[r]!;
        if (t === null || t(s, p)) {
          s.rank[p] = r;
          break;
        }
      }
    }
    return activity === null || activity(s, p);
  };
}
