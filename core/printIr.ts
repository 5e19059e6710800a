/**
 * The IR back as canonical plan text: fixed item order, single spaces, one clause per line,
 * every default written out, rates as percentages. compilePlan(printIr(ir)).ir deep-equals ir
 * for every IR the compiler produces (test/compiler/roundTrip.test.ts), which makes this the
 * normal form for diffing and formatting plans.
 */
import type { BonusIR, ConditionIR, FigureIR, PlanIR, TierIR } from "./ir.ts";
import { percentText as percent } from "./numbers.ts";

export function printIr(ir: PlanIR): string {
  const out: string[] = [];
  const rank = (i: number) => ir.ranks[i]?.name ?? `#${i}`;
  const measure = (i: number) => ir.measures[i]?.name ?? `#${i}`;
  const condition = (c: ConditionIR) => printCondition(c, rank, measure);

  out.push(`plan ${quote(ir.name)}${ir.version === null ? "" : ` version ${quote(ir.version)}`}`);
  out.push(`currency ${ir.currency}`);
  out.push(`rounding ${ir.rounding.mode} to ${ir.rounding.unit}`);
  out.push(`period ${ir.period}`);
  out.push("");
  for (const m of ir.measures) out.push(`volume ${m.name} = ${m.figure}`);
  if (ir.activity) out.push("", `active when ${condition(ir.activity)}`);
  out.push("", "ranks {");
  for (const r of ir.ranks) out.push(`  ${r.name}${r.condition ? `: ${condition(r.condition)}` : ""}`);
  out.push("}");
  if (ir.breakaway !== null) out.push(`breakaway at ${rank(ir.breakaway)}`);
  for (const bonus of ir.bonuses) out.push("", ...printBonus(bonus, rank, measure));
  if (ir.split) {
    const s = ir.split;
    out.push("", `split${s.title === null ? "" : ` ${quote(s.title)}`} {`);
    out.push(`  mode ${s.mode}`);
    out.push(`  measures ${s.measures.map(measure).join(", ")}`);
    out.push(`  default share ${percent(s.defaultShare)}`);
    out.push("}");
  }
  const c = ir.cancellation;
  out.push("", "cancellation {", `  withdrawal ${c.withdrawalDays} days after delivery`, `  policy ${c.policy}`);
  if (c.lateCanceller) {
    const parts = [
      ...(c.lateCanceller.holdWeeks === null ? [] : [`hold ${c.lateCanceller.holdWeeks} weeks`]),
      ...(c.lateCanceller.prepaymentOnly ? ["prepayment only"] : []),
    ];
    out.push(`  late canceller:${parts.length ? ` ${parts.join(", ")}` : ""}`);
  }
  out.push("}", "", `payout minimum ${ir.payoutMinimum}`);
  if (ir.payoutTarget !== undefined) out.push(`payout target ${percent(ir.payoutTarget)}`);
  return out.join("\n") + "\n";
}

function printBonus(bonus: BonusIR, rank: (i: number) => string, measure: (i: number) => string): string[] {
  const lines = [`bonus ${bonus.kind} ${quote(bonus.name)} on ${measure(bonus.measure)} {`];
  const tiers = (word: string, list: readonly TierIR[]) =>
    list.map((t, i) => `  ${word} ${i + 1}: ${percent(t.rate)}${t.requires === null ? "" : ` requires ${rank(t.requires)}`}`);
  switch (bonus.kind) {
    case "level":
      lines.push(...tiers("level", bonus.levels));
      if (bonus.compression) lines.push("  compression");
      break;
    case "differential":
      lines.push(...bonus.rates.map((rate, i) => `  ${rank(i)}: ${percent(rate)}`));
      break;
    case "generation":
      lines.push(...tiers("generation", bonus.generations));
      break;
    case "equalrank":
      lines.push(`  rate ${percent(bonus.rate)}${bonus.minRank === 0 ? "" : ` from ${rank(bonus.minRank)}`}`);
      break;
    case "faststart":
      lines.push(`  within ${bonus.withinDays} days`, ...tiers("level", bonus.levels));
      break;
    case "pool":
      lines.push(`  rate ${percent(bonus.rate)}`);
      lines.push(`  shares { ${bonus.shares.map((s) => `${rank(s.rank)}: ${s.shares}`).join("  ")} }`);
      break;
    default: {
      const never: never = bonus;
      throw new Error(`unhandled bonus ${JSON.stringify(never)}`);
    }
  }
  lines.push("}");
  return lines;
}

/** `or` binds loosest, then `and`, then `not`: parentheses only where the tree needs them. */
function printCondition(c: ConditionIR, rank: (i: number) => string, measure: (i: number) => string): string {
  const inner = (x: ConditionIR, parent: "and" | "or" | "not"): string => {
    const text = printCondition(x, rank, measure);
    const needsParens =
      x.kind !== "compare" && (parent === "not" || x.kind === parent || (parent === "and" && x.kind === "or"));
    return needsParens ? `(${text})` : text;
  };
  switch (c.kind) {
    case "and":
    case "or":
      return c.operands.map((o) => inner(o, c.kind)).join(` ${c.kind} `);
    case "not":
      return `not ${inner(c.operand, "not")}`;
    case "compare":
      return `${printFigure(c.figure, rank, measure)} ${c.op} ${c.value}${c.maxleg === undefined ? "" : ` with maxleg ${percent(c.maxleg)}`}`;
    default: {
      const never: never = c;
      throw new Error(`unhandled condition ${JSON.stringify(never)}`);
    }
  }
}

function printFigure(f: FigureIR, rank: (i: number) => string, measure: (i: number) => string): string {
  switch (f.kind) {
    case "personal":
    case "group":
    case "open": {
      const letter = f.kind === "personal" ? "PV" : f.kind === "group" ? "GV" : "OV";
      return f.measure === 0 ? letter : `${letter}(${measure(f.measure)})`;
    }
    case "legs":
      return `legs(${rank(f.rank)})`;
    case "frontline":
      return `frontline(${rank(f.rank)})`;
    default: {
      const never: never = f;
      throw new Error(`unhandled figure ${JSON.stringify(never)}`);
    }
  }
}


/** A plan string literal: only `"` and `\` need escaping (strings hold no newlines). */
function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}
