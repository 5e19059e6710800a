/**
 * What a JSON Schema cannot say about a PlanIR: that indices point at something, that names are
 * unique, and the invariants the checker guarantees (differential rates never fall, a
 * generation bonus has a breakaway rank, an equal-rank bonus follows the first differential).
 * Runs only on a value that already matches the schema.
 */
import type { ConditionIR, FigureIR, PlanIR, TierIR } from "./ir.ts";
import { Decimal } from "./decimal.ts";

export function checkIrReferences(ir: PlanIR): string[] {
  const problems: string[] = [];
  const rankOk = (i: number, path: string) => {
    if (i >= ir.ranks.length) problems.push(`${path}: rank index ${i} is out of range (${ir.ranks.length} ranks)`);
  };
  const measureOk = (i: number, path: string) => {
    if (i >= ir.measures.length) problems.push(`${path}: measure index ${i} is out of range (${ir.measures.length} measures)`);
  };
  const unique = (names: readonly string[], path: string, what: string) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`${path}: ${what} "${n}" appears twice`);
      seen.add(n);
    }
  };
  const tiers = (list: readonly TierIR[], path: string) =>
    list.forEach((t, i) => t.requires !== null && rankOk(t.requires, `${path}/${i}/requires`));

  unique(ir.measures.map((m) => m.name), "/measures", "measure");
  unique(ir.ranks.map((r) => r.name), "/ranks", "rank");
  unique(ir.bonuses.map((b) => b.name), "/bonuses", "bonus");
  if (ir.breakaway !== null) rankOk(ir.breakaway, "/breakaway");
  if (ir.split) ir.split.measures.forEach((m, i) => measureOk(m, `/split/measures/${i}`));

  const firstDifferential = ir.bonuses.findIndex((b) => b.kind === "differential");
  ir.bonuses.forEach((bonus, b) => {
    const path = `/bonuses/${b}`;
    measureOk(bonus.measure, `${path}/measure`);
    switch (bonus.kind) {
      case "level":
      case "faststart":
        tiers(bonus.levels, `${path}/levels`);
        break;
      case "generation":
        tiers(bonus.generations, `${path}/generations`);
        if (ir.breakaway === null) problems.push(`${path}: a generation bonus needs a breakaway rank`);
        break;
      case "differential":
        if (bonus.rates.length !== ir.ranks.length) {
          problems.push(`${path}/rates: ${bonus.rates.length} rates for ${ir.ranks.length} ranks`);
        }
        for (let i = 1; i < bonus.rates.length; i++) {
          if (new Decimal(bonus.rates[i]!).lt(bonus.rates[i - 1]!)) problems.push(`${path}/rates/${i}: the rate falls as ranks rise`);
        }
        break;
      case "equalrank":
        rankOk(bonus.minRank, `${path}/minRank`);
        if (bonus.differential !== firstDifferential || firstDifferential < 0) {
          problems.push(`${path}/differential: must be ${firstDifferential}, the index of the first differential bonus`);
        }
        break;
      case "pool":
        bonus.shares.forEach((s, i) => {
          rankOk(s.rank, `${path}/shares/${i}/rank`);
          if (i > 0 && s.rank <= bonus.shares[i - 1]!.rank) problems.push(`${path}/shares/${i}: ranks must ascend`);
        });
        break;
      default: {
        const never: never = bonus;
        throw new Error(`unhandled bonus ${JSON.stringify(never)}`);
      }
    }
  });
  visitConditions(ir, (figure, path) => {
    if (figure.kind === "legs" || figure.kind === "frontline") rankOk(figure.rank, path);
    else measureOk(figure.measure, path);
  });
  return problems;
}

function visitConditions(ir: PlanIR, onFigure: (figure: FigureIR, path: string) => void): void {
  const visit = (c: ConditionIR, path: string): void => {
    switch (c.kind) {
      case "and":
      case "or":
        c.operands.forEach((o, i) => visit(o, `${path}/operands/${i}`));
        return;
      case "not":
        visit(c.operand, `${path}/operand`);
        return;
      case "compare":
        onFigure(c.figure, `${path}/figure`);
        return;
      default: {
        const never: never = c;
        throw new Error(`unhandled condition ${JSON.stringify(never)}`);
      }
    }
  };
  if (ir.activity) visit(ir.activity, "/activity");
  ir.ranks.forEach((r, i) => r.condition && visit(r.condition, `/ranks/${i}/condition`));
}
