/**
 * Top-level items: the header, currency, rounding, period, activity, ranks, breakaway and payout
 * lines; items given twice; items that must be there.
 */
import type { CurrencyItem, Item, PayoutTargetItem, PlanAst, RanksItem, RoundingItem } from "../../grammar/ast.ts";
import type { Span } from "../../grammar/source.ts";
import type { RoundingMode } from "../../core/ir.ts";
import { decimalOf } from "../../core/numbers.ts";
import { type CheckContext, firstOnLine, leadingSpan, quoted } from "./context.ts";
import { checkCondition } from "./conditions.ts";
import { checkOneOf, resolveRank } from "./names.ts";

export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "half-down", "up", "down"];
export const PERIODS = ["monthly"] as const;

/** The keyword each item starts with: diagnostics about a whole item point at it. */
export function itemKeyword(item: Item): string {
  switch (item.kind) {
    case "PlanHeader":
      return "plan";
    case "Currency":
      return "currency";
    case "Rounding":
      return "rounding";
    case "Period":
      return "period";
    case "Volume":
      return "volume";
    case "Active":
      return "active";
    case "Ranks":
      return "ranks";
    case "Breakaway":
      return "breakaway";
    case "Bonus":
      return "bonus";
    case "Split":
      return "split";
    case "Cancellation":
      return "cancellation";
    case "Payout":
    case "PayoutTarget":
      return "payout";
    default: {
      const never: never = item;
      throw new Error(`unhandled item ${JSON.stringify(never)}`);
    }
  }
}

export function keywordSpan(item: Item): Span {
  return leadingSpan(item, itemKeyword(item).length);
}

/** Items a plan may give at most once (volumes and bonuses may repeat). */
const SINGLE_ITEMS: ReadonlySet<Item["kind"]> = new Set<Item["kind"]>([
  "PlanHeader",
  "Currency",
  "Rounding",
  "Period",
  "Active",
  "Ranks",
  "Breakaway",
  "Split",
  "Cancellation",
  "Payout",
  "PayoutTarget",
]);

/** Reports the second (third, ...) occurrence of a single item; call once per item, in order. */
export function checkGivenOnce(ctx: CheckContext, item: Item, firstOfKind: Map<Item["kind"], Item>): void {
  if (!SINGLE_ITEMS.has(item.kind)) return;
  const first = firstOfKind.get(item.kind);
  if (!first) {
    firstOfKind.set(item.kind, item);
    return;
  }
  ctx.report("E123", keywordSpan(item), `${quoted(itemKeyword(item))} is given twice (${firstOnLine(first)})`, {
    alsoAbout: [first],
  });
}

/** Checks the simple top-level items; bonuses and blocks with clauses have their own files. */
export function checkSimpleItem(ctx: CheckContext, item: Item): void {
  switch (item.kind) {
    case "PlanHeader":
    case "Volume":
    case "Payout":
      // Titles are free text, figures name data columns, and any minimum payout is meaningful.
      return;
    case "Currency":
      checkCurrency(ctx, item);
      return;
    case "Rounding":
      checkRounding(ctx, item);
      return;
    case "Period":
      checkOneOf(ctx, item.value, PERIODS, "E105", "period");
      return;
    case "Active":
      checkCondition(ctx, item.condition);
      return;
    case "Ranks":
      checkRanks(ctx, item);
      return;
    case "Breakaway":
      resolveRank(ctx, item.rank);
      return;
    case "PayoutTarget":
      checkPayoutTarget(ctx, item);
      return;
    case "Bonus":
    case "Split":
    case "Cancellation":
      return;
    default: {
      const never: never = item;
      throw new Error(`unhandled item ${JSON.stringify(never)}`);
    }
  }
}

/** A payout target is a share of an order's volume: above 100% it can never be meant. */
function checkPayoutTarget(ctx: CheckContext, item: PayoutTargetItem): void {
  const value = decimalOf(item.target.text);
  if (value !== null && value.gt(100)) {
    ctx.report("E160", item.target.span, `payout target ${quoted(`${item.target.text}%`)} is above 100%: it is a share of an order's volume`);
  }
}

function checkCurrency(ctx: CheckContext, item: CurrencyItem): void {
  if (!/^[A-Z]{3}$/.test(item.code.text)) {
    ctx.report(
      "W304",
      item.code.span,
      `currency ${quoted(item.code.text)} is not a three-letter code like ${quoted("EUR")} or ${quoted("USD")}`,
    );
  }
}

function checkRounding(ctx: CheckContext, item: RoundingItem): void {
  checkOneOf(ctx, item.mode, ROUNDING_MODES, "E104", "rounding mode");
  if (item.unit) {
    const unit = decimalOf(item.unit.text);
    if (unit !== null && unit.isZero()) {
      ctx.report("E167", item.unit.span, `the rounding unit must be above 0, not ${quoted(item.unit.text)}`);
    }
  }
}

function checkRanks(ctx: CheckContext, item: RanksItem): void {
  if (item.ranks.length === 0) {
    ctx.report("E144", keywordSpan(item), `the ${quoted("ranks")} block declares no rank`, {
      suggestion: `list the ranks lowest first, e.g. ${quoted("ranks { Consultant  Junior: PV >= 50 }")}`,
    });
  }
  for (const rank of item.ranks) {
    if (rank.condition) checkCondition(ctx, rank.condition);
  }
}

/** Items without which there is no plan. Reported at the header (or the first item). */
export function checkRequiredItems(ctx: CheckContext, ast: PlanAst): void {
  const has = (kind: Item["kind"]) => ast.items.some((i) => i.kind === kind);
  const first = ast.items[0];
  const header = ast.items.find((i) => i.kind === "PlanHeader");
  const startOfFile: Span = { start: 0, end: 0, line: 1, column: 1 };
  const anchor = header ? keywordSpan(header) : first ? keywordSpan(first) : startOfFile;
  const missing = (code: "E140" | "E141" | "E142" | "E143", message: string, suggestion: string) =>
    ctx.report(code, anchor, message, { suggestion, dependency: { kind: "global" } });

  if (!header) {
    missing("E140", "the plan has no header", `start the file with a line like ${quoted('plan "My Plan" version "1"')}`);
  }
  if (!has("Currency")) {
    missing("E143", "the plan has no currency", `add a line like ${quoted("currency EUR")}`);
  }
  if (!has("Volume")) {
    missing("E141", "the plan declares no volume measure", `add a line like ${quoted("volume PV = points")}`);
  }
  if (!has("Ranks")) {
    missing("E142", `the plan has no ${quoted("ranks")} block`, `add one like ${quoted("ranks { Consultant }")}`);
  }
}
