/**
 * The checker: every rule of the language that the grammar does not already enforce. Items are
 * checked in source order, so the first use of a name is found first.
 */
import type { BonusItem, Item, PlanAst } from "../../grammar/ast.ts";
import { checkBonus } from "./bonuses.ts";
import { CheckContext, type CheckedDiagnostic } from "./context.ts";
import { checkCrossItem } from "./crossItem.ts";
import { checkCancellation, checkSplit } from "./splitCancellation.ts";
import { declareSymbols } from "./symbols.ts";
import { checkGivenOnce, checkRequiredItems, checkSimpleItem } from "./topLevel.ts";

export function checkPlan(ast: PlanAst): CheckedDiagnostic[] {
  const ctx = new CheckContext();
  declareSymbols(ctx, ast.items);
  const firstOfKind = new Map<Item["kind"], Item>();
  const titles = new Map<string, BonusItem>();
  for (const item of ast.items) {
    ctx.within(item, () => {
      checkGivenOnce(ctx, item, firstOfKind);
      if (item.kind === "Bonus") checkBonus(ctx, item, titles);
      else if (item.kind === "Split") checkSplit(ctx, item);
      else if (item.kind === "Cancellation") checkCancellation(ctx, item);
      else checkSimpleItem(ctx, item);
    });
  }
  checkCrossItem(ctx, ast);
  checkRequiredItems(ctx, ast);
  return ctx.found;
}
