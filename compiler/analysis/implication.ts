/**
 * "Whenever condition a holds, condition b holds" — decided conservatively on the conditions'
 * shape: true only when it follows from the comparisons alone, whatever the data. False means
 * "not shown", never "a can hold without b". The rank-table warnings build on it, so a warning
 * is only given when it is true for every genealogy.
 */
import type { CompareIR, ConditionIR, FigureIR } from "../../core/ir.ts";
import { Decimal } from "../../core/decimal.ts";

/** null is the empty condition: it always holds. */
export function implies(a: ConditionIR | null, b: ConditionIR | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  if (b.kind === "and") return b.operands.every((o) => implies(a, o));
  if (a.kind === "or") return a.operands.every((o) => implies(o, b));
  if (b.kind === "or") return b.operands.some((o) => implies(a, o));
  if (a.kind === "and") return a.operands.some((o) => implies(o, b));
  if (a.kind === "compare" && b.kind === "compare") return compareImplies(a, b);
  return JSON.stringify(a) === JSON.stringify(b);
}

type Direction = "up" | "down" | "none";

function direction(op: CompareIR["op"]): Direction {
  return op === ">=" || op === ">" ? "up" : op === "<=" || op === "<" ? "down" : "none";
}

/**
 * Whether figure fa bounded in `dir` bounds figure fb the same way: the same volume figure, or a
 * leg/frontline count of a rank that makes the count smaller (up) or larger (down). A count of
 * legs with rank >= Senior is at most the count with rank >= Junior.
 */
function figureCarries(fa: FigureIR, fb: FigureIR, dir: Direction): boolean {
  if (fa.kind !== fb.kind) return false;
  switch (fa.kind) {
    case "personal":
    case "group":
    case "open":
      return fa.measure === (fb as { measure: number }).measure;
    case "legs":
    case "frontline": {
      const rb = (fb as { rank: number }).rank;
      return dir === "up" ? fa.rank >= rb : dir === "down" ? fa.rank <= rb : fa.rank === rb;
    }
    default: {
      const never: never = fa;
      throw new Error(`unknown figure ${JSON.stringify(never)}`);
    }
  }
}

function compareImplies(a: CompareIR, b: CompareIR): boolean {
  const va = new Decimal(a.value);
  const vb = new Decimal(b.value);
  if (!maxlegCarries(a, b)) return false;
  const da = direction(a.op);
  const db = direction(b.op);
  if (a.op === "=") {
    // F = va implies b exactly when va itself satisfies b (same figure only).
    return figureCarries(a.figure, b.figure, "none") && satisfies(va, b.op, vb);
  }
  if (da !== db || da === "none" || !figureCarries(a.figure, b.figure, da)) return false;
  if (da === "up") return b.op === ">=" ? va.gte(vb) : a.op === ">" ? va.gte(vb) : va.gt(vb);
  return b.op === "<=" ? va.lte(vb) : a.op === "<" ? va.lte(vb) : va.lt(vb);
}

/**
 * A max-leg rule counts at most maxleg × value from one leg. a's capped figure >= va implies b's
 * when b has no cap, or b's cap (mb·vb) is at least a's (ma·va): each leg then counts at least
 * as much for b as for a.
 */
function maxlegCarries(a: CompareIR, b: CompareIR): boolean {
  if (b.maxleg === undefined) return true;
  if (a.maxleg === undefined) return false;
  return new Decimal(b.maxleg).times(b.value).gte(new Decimal(a.maxleg).times(a.value));
}

function satisfies(v: Decimal, op: CompareIR["op"], w: Decimal): boolean {
  switch (op) {
    case ">=":
      return v.gte(w);
    case ">":
      return v.gt(w);
    case "<=":
      return v.lte(w);
    case "<":
      return v.lt(w);
    case "=":
      return v.eq(w);
    case "!=":
      return !v.eq(w);
    default: {
      const never: never = op;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/**
 * Whether a condition can never hold, shown from interval bounds on its top-level conjunction
 * (e.g. `PV >= 100 and PV < 50`), or from a leg/frontline minimum on a rank nobody can reach.
 */
export function neverHolds(c: ConditionIR | null, unreachable: (rank: number) => boolean): boolean {
  if (c === null) return false;
  if (c.kind === "or") return c.operands.every((o) => neverHolds(o, unreachable));
  const conjuncts = c.kind === "and" ? c.operands : [c];
  if (conjuncts.some((o) => o.kind !== "compare" ? o.kind === "and" && neverHolds(o, unreachable) : countOnUnreachable(o, unreachable))) return true;
  const compares = conjuncts.filter((o): o is CompareIR => o.kind === "compare" && o.maxleg === undefined);
  for (const low of compares) {
    for (const high of compares) {
      if (JSON.stringify(low.figure) !== JSON.stringify(high.figure)) continue;
      const lo = new Decimal(low.value);
      const hi = new Decimal(high.value);
      const lowUp = direction(low.op) === "up" || low.op === "=";
      const highDown = direction(high.op) === "down" || high.op === "=";
      if (!lowUp || !highDown) continue;
      const strict = low.op === ">" || high.op === "<";
      if (strict ? lo.gte(hi) : lo.gt(hi)) return true;
    }
  }
  return false;
}

/** `legs(R) >= k` (k >= 1) where no partner can ever reach R or a rank above it. */
function countOnUnreachable(c: CompareIR, unreachable: (rank: number) => boolean): boolean {
  if (c.figure.kind !== "legs" && c.figure.kind !== "frontline") return false;
  const needsOne = (c.op === ">=" && new Decimal(c.value).gte(1)) || (c.op === ">" && new Decimal(c.value).gte(0)) || (c.op === "=" && new Decimal(c.value).gte(1));
  return needsOne && unreachable(c.figure.rank);
}
