/**
 * Checks that relate several items: a generation bonus needs a breakaway rank, an equal-rank
 * bonus needs a differential bonus to follow, and every declared measure should be used.
 */
import type { BonusItem, Condition, Item, PlanAst } from "../../grammar/ast.ts";
import { type CheckContext, quoted } from "./context.ts";
import { BONUS_KIND_NAMES } from "./bonuses.ts";

export function checkCrossItem(ctx: CheckContext, ast: PlanAst): void {
  const bonuses = ast.items.filter((i): i is BonusItem => i.kind === "Bonus");
  const hasBreakaway = ast.items.some((i) => i.kind === "Breakaway");
  // A misspelt kind might be the missing differential: its E102 is the one error to show.
  const allKindsKnown = bonuses.every((b) => (BONUS_KIND_NAMES as readonly string[]).includes(b.bonusKind.text));
  const firstDifferential = bonuses.find((b) => b.bonusKind.text === "differential");

  for (const bonus of bonuses) {
    ctx.within(bonus, () => {
      if (bonus.bonusKind.text === "generation" && !hasBreakaway) {
        ctx.report(
          "E201",
          bonus.bonusKind.span,
          `the generation bonus ${quoted(bonus.title.value)} needs a breakaway rank: generations are counted in partners at or above it`,
          { suggestion: `add a line like ${quoted(`breakaway at ${ctx.rankNames[1] ?? ctx.rankNames[0] ?? "Manager"}`)} after the ranks block`, dependency: { kind: "global" } },
        );
      }
      if (bonus.bonusKind.text !== "equalrank") return;
      if (!firstDifferential) {
        if (allKindsKnown) {
          ctx.report(
            "E202",
            bonus.bonusKind.span,
            `the equal-rank bonus ${quoted(bonus.title.value)} follows the walk of a differential bonus, but the plan has none`,
            { suggestion: `add a ${quoted("differential")} bonus before it`, dependency: { kind: "global" } },
          );
        }
      } else if (firstDifferential.measure.text !== bonus.measure.text) {
        ctx.report(
          "W305",
          bonus.measure.span,
          `the equal-rank bonus is paid on ${quoted(bonus.measure.text)} but follows the differential bonus ${quoted(
            firstDifferential.title.value,
          )}, which is paid on ${quoted(firstDifferential.measure.text)}`,
          { dependency: { kind: "global" } },
        );
      }
    });
  }
  checkMeasuresUsed(ctx, ast.items);
}

/** W303 for a measure that no condition, bonus or split refers to. */
function checkMeasuresUsed(ctx: CheckContext, items: readonly Item[]): void {
  const used = new Set<string>();
  const qualifying = ctx.measureNames[0];
  const visit = (condition: Condition): void => {
    switch (condition.kind) {
      case "And":
      case "Or":
        condition.operands.forEach(visit);
        return;
      case "Not":
        visit(condition.operand);
        return;
      case "Comparison": {
        const left = condition.left;
        if (left.kind !== "VolumeFigure") return;
        if (left.measure) used.add(left.measure.text);
        else if (qualifying !== undefined) used.add(qualifying);
        return;
      }
      default: {
        const never: never = condition;
        throw new Error(`unhandled condition ${JSON.stringify(never)}`);
      }
    }
  };
  for (const item of items) {
    if (item.kind === "Active") visit(item.condition);
    if (item.kind === "Ranks") item.ranks.forEach((r) => r.condition && visit(r.condition));
    if (item.kind === "Bonus") used.add(item.measure.text);
    if (item.kind === "Split") {
      for (const clause of item.clauses) if (clause.kind === "SplitMeasures") clause.measures.forEach((m) => used.add(m.text));
    }
  }
  for (const item of items) {
    if (item.kind !== "Volume" || used.has(item.name.text)) continue;
    if (ctx.measureIndex.get(item.name.text) === undefined) continue;
    const inCondition = item.name.text === qualifying ? "PV >= 100" : `PV(${item.name.text}) >= 100`;
    ctx.within(item, () =>
      ctx.report("W303", item.name.span, `measure ${quoted(item.name.text)} is declared but never used`, {
        suggestion: `use it in a condition (${quoted(inCondition)}) or a bonus (${quoted(`on ${item.name.text}`)}), or remove it`,
        dependency: { kind: "global" },
      }),
    );
  }
}
