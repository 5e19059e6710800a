/**
 * Warnings about the rank table (a checked plan, its IR and its AST for the spans):
 * - W308 a higher rank asks no more than a lower one on any figure, so the lower rank can never
 *   be anyone's paid-as rank (whoever qualifies for it qualifies for the higher one too);
 * - W309 a threshold falls as ranks rise (`Manager: PV >= 50` above `Senior: PV >= 100`);
 * - W310 no bonus pays a rank differently from the rank below it (same differential rate, no
 *   tier, pool share, equal-rank minimum or breakaway at it, and no condition counts it);
 * - W311 a `requires` (or `from`, or pool share) rank that no partner can ever hold: it and every
 *   rank above it can never be a paid-as rank.
 * Each is only given when it holds for every genealogy (see implication.ts).
 */
import type { BonusItem, Comparison, Condition, PlanAst, RankDecl, RanksItem } from "../../grammar/ast.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import type { Span } from "../../grammar/source.ts";
import { Decimal } from "../../core/decimal.ts";
import { severityOf, type Code } from "../codes.ts";
import type { ConditionIR, PlanIR } from "../../core/ir.ts";
import { lowerCondition, type NameTables } from "../lowerCondition.ts";
import { implies, neverHolds } from "./implication.ts";

const q = (s: string) => `\`${s}\``;

function warning(code: Code, span: Span, message: string, suggestion?: string): Diagnostic {
  return { code, severity: severityOf(code), message, span, ...(suggestion ? { suggestion } : {}) };
}

export function rankTableWarnings(ir: PlanIR, ast: PlanAst): Diagnostic[] {
  const ranksItem = ast.items.find((i): i is RanksItem => i.kind === "Ranks");
  if (!ranksItem || ranksItem.ranks.length !== ir.ranks.length) return [];
  const decls = ranksItem.ranks;
  const conditions = ir.ranks.map((r) => r.condition);
  const never = neverReached(conditions);
  const out: Diagnostic[] = [];

  // W308: L below H whose conditions imply H's: L is never a paid-as rank.
  const shadowedBy = new Map<number, number>();
  for (let low = 0; low < conditions.length; low++) {
    if (never[low]) continue;
    for (let high = low + 1; high < conditions.length; high++) {
      if (never[high] || !implies(conditions[low]!, conditions[high]!)) continue;
      shadowedBy.set(low, high);
      const [l, h] = [ir.ranks[low]!.name, ir.ranks[high]!.name];
      out.push(warning("W308", rankSpan(decls[high]!),
        `${q(h)} asks no more than ${q(l)} below it on any figure, so every partner who reaches ${q(l)} also reaches ${q(h)}: ${q(l)} can never be anyone's paid-as rank`,
        `raise the conditions of ${q(h)} above those of ${q(l)}, or remove ${q(l)}`));
      break;
    }
  }

  out.push(...fallingThresholds(ir, decls, shadowedBy));
  out.push(...sameAsBelow(ir, ast, decls));
  out.push(...unreachableRequirements(ir, ast, never, shadowedBy));
  return out;
}

/** never[r]: rank r's conditions can never all hold (fixpoint over leg counts of such ranks). */
function neverReached(conditions: (ConditionIR | null)[]): boolean[] {
  const never = conditions.map(() => false);
  const unreachable = (rank: number) => never.slice(rank).every(Boolean);
  for (let changed = true; changed; ) {
    changed = false;
    conditions.forEach((c, r) => {
      if (!never[r] && neverHolds(c, unreachable)) {
        never[r] = true;
        changed = true;
      }
    });
  }
  return never;
}

function rankSpan(decl: RankDecl): Span {
  return decl.name.span;
}

function nameTables(ir: PlanIR): NameTables {
  return {
    rank: (name) => ir.ranks.findIndex((r) => r.name === name),
    measure: (name) => ir.measures.findIndex((m) => m.name === name),
  };
}

/** The minimum comparisons (>=, >) at the top level of a rank's `and` chain. */
function topMinimums(condition: Condition | undefined): Comparison[] {
  if (!condition) return [];
  if (condition.kind === "Comparison") return condition.op === ">=" || condition.op === ">" ? [condition] : [];
  if (condition.kind === "And") return condition.operands.flatMap(topMinimums);
  return [];
}

function figureText(c: Comparison): string {
  const f = c.left;
  switch (f.kind) {
    case "VolumeFigure":
      return f.measure ? `${f.figure.text}(${f.measure.text})` : f.figure.text;
    case "Legs":
      return `legs(${f.rank.text})`;
    case "Frontline":
      return `frontline(${f.rank.text})`;
    default: {
      const never: never = f;
      throw new Error(`unknown figure ${JSON.stringify(never)}`);
    }
  }
}

/** W309: for each figure, a rank's minimum below the minimum of the nearest lower rank that sets one. */
function fallingThresholds(ir: PlanIR, decls: readonly RankDecl[], shadowedBy: Map<number, number>): Diagnostic[] {
  const names = nameTables(ir);
  const out: Diagnostic[] = [];
  const lastByFigure = new Map<string, { rank: number; value: Decimal; text: string }>();
  decls.forEach((decl, rank) => {
    const seen = new Map<string, { rank: number; value: Decimal; text: string }>();
    for (const c of topMinimums(decl.condition)) {
      const key = JSON.stringify((lowerCondition(c, names) as Extract<ConditionIR, { kind: "compare" }>).figure);
      const value = new Decimal(c.right.text);
      const below = lastByFigure.get(key);
      if (below && value.lt(below.value) && shadowedBy.get(below.rank) !== rank) {
        const here = `${figureText(c)} ${c.op} ${c.right.text}`;
        out.push(warning("W309", c.right.span,
          `${q(decl.name.text)} needs only ${q(here)}, less than ${q(ir.ranks[below.rank]!.name)} below it (${q(below.text)}): thresholds usually rise with the ranks`,
          `give ${q(decl.name.text)} at least ${q(below.text)}`));
      }
      const mine = seen.get(key);
      if (!mine || value.gt(mine.value)) seen.set(key, { rank, value, text: `${figureText(c)} ${c.op} ${c.right.text}` });
    }
    for (const [key, v] of seen) lastByFigure.set(key, v);
  });
  return out;
}

/** W310: rank r (r >= 1) that no bonus, breakaway or condition tells apart from rank r − 1. */
function sameAsBelow(ir: PlanIR, ast: PlanAst, decls: readonly RankDecl[]): Diagnostic[] {
  const counted = new Set<number>();
  const collect = (c: ConditionIR | null): void => {
    if (c === null) return;
    if (c.kind === "and" || c.kind === "or") c.operands.forEach(collect);
    else if (c.kind === "not") collect(c.operand);
    else if (c.figure.kind === "legs" || c.figure.kind === "frontline") counted.add(c.figure.rank);
  };
  collect(ir.activity);
  ir.ranks.forEach((r) => collect(r.condition));
  if (ir.bonuses.length === 0 || !ast.items.some((i): i is BonusItem => i.kind === "Bonus")) return [];

  const out: Diagnostic[] = [];
  for (let r = 1; r < ir.ranks.length; r++) {
    if (r === ir.breakaway || counted.has(r)) continue;
    const tellsApart = ir.bonuses.some((b) => {
      switch (b.kind) {
        case "level":
        case "faststart":
          return b.levels.some((t) => t.requires === r);
        case "generation":
          return b.generations.some((t) => t.requires === r);
        case "differential":
          return !new Decimal(b.rates[r]!).eq(b.rates[r - 1]!);
        case "equalrank":
          return b.minRank <= r;
        case "pool":
          return b.shares.some((s) => s.rank === r);
        default: {
          const never: never = b;
          throw new Error(`unknown bonus ${JSON.stringify(never)}`);
        }
      }
    });
    if (tellsApart) continue;
    const [name, below] = [ir.ranks[r]!.name, ir.ranks[r - 1]!.name];
    out.push(warning("W310", rankSpan(decls[r]!),
      `no bonus pays ${q(name)} differently from ${q(below)} below it (no rate, required rank, pool share or breakaway differs) and no condition counts it: reaching ${q(name)} changes only the title`,
      `give ${q(name)} its own rate or requirement, or merge it into ${q(below)}`));
  }
  return out;
}

/** W311: a rank a bonus asks for that no partner can hold (it and every rank above it can never be paid-as). */
function unreachableRequirements(ir: PlanIR, ast: PlanAst, never: boolean[], shadowedBy: Map<number, number>): Diagnostic[] {
  const heldBy = (r: number) => !never[r] && !shadowedBy.has(r);
  const unreachable = (r: number) => ir.ranks.slice(r).every((_, i) => !heldBy(r + i));
  const bonusItems = ast.items.filter((i): i is BonusItem => i.kind === "Bonus");
  if (bonusItems.length !== ir.bonuses.length) return [];
  const out: Diagnostic[] = [];
  const report = (span: Span, what: string, rank: number) => {
    const name = ir.ranks[rank]!.name;
    out.push(warning("W311", span,
      `${what} requires ${q(name)}, but no partner can ever hold ${q(name)} or a rank above it (their conditions can never all hold): it is never paid`,
      `check the conditions of ${q(name)} in the ranks block`));
  };
  ir.bonuses.forEach((bonus, i) => {
    const item = bonusItems[i]!;
    for (const clause of item.clauses) {
      const requires = "requires" in clause ? clause.requires : undefined;
      if ((clause.kind === "Level" || clause.kind === "Generation") && requires) {
        const rank = ir.ranks.findIndex((r) => r.name === requires.text);
        const what = clause.kind === "Level" ? `level ${clause.level.text}` : `generation ${clause.generation.text}`;
        if (rank >= 0 && unreachable(rank)) report(requires.span, what, rank);
      }
    }
    if (bonus.kind === "equalrank" && bonus.minRank > 0 && unreachable(bonus.minRank)) report(item.title.span, `the equal-rank bonus ${q(bonus.name)}`, bonus.minRank);
    if (bonus.kind === "pool" && bonus.shares.every((s) => unreachable(s.rank))) report(item.title.span, `the pool ${q(bonus.name)}`, bonus.shares[0]!.rank);
  });
  return out;
}
