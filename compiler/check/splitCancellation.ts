/**
 * The `split` block (mentor splitting: mode, measures, default share) and the `cancellation`
 * block (withdrawal period, policy, late cancellers). Each clause at most once.
 */
import type { CancellationClause, CancellationItem, SplitClause, SplitItem } from "../../grammar/ast.ts";
import type { Policy, SplitIR } from "../../core/ir.ts";
import { type CheckContext, firstOnLine, leadingSpan, quoted, spanFromTo } from "./context.ts";
import { checkOneOf, resolveMeasure } from "./names.ts";
import { MAX_DAYS, MAX_WEEKS, checkPositiveWhole, checkShare, checkWhole } from "./values.ts";

export const SPLIT_MODES: readonly SplitIR["mode"][] = ["volume", "commission"];
export const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];

const SPLIT_KEYWORD: Record<SplitClause["kind"], string> = {
  SplitMode: "mode",
  SplitMeasures: "measures",
  SplitDefaultShare: "default share",
};

const CANCELLATION_KEYWORD: Record<CancellationClause["kind"], string> = {
  Withdrawal: "withdrawal",
  Policy: "policy",
  LateCanceller: "late canceller",
};

export function checkSplit(ctx: CheckContext, split: SplitItem): void {
  const seen = new Map<SplitClause["kind"], SplitClause>();
  for (const clause of split.clauses) {
    const earlier = seen.get(clause.kind);
    if (earlier) {
      reportTwice(ctx, clause, SPLIT_KEYWORD[clause.kind], "split block", earlier);
      continue;
    }
    seen.set(clause.kind, clause);
    switch (clause.kind) {
      case "SplitMode":
        checkOneOf(ctx, clause.mode, SPLIT_MODES, "E107", "split mode");
        break;
      case "SplitMeasures": {
        const listed = new Map<string, SplitClause>();
        for (const name of clause.measures) {
          if (resolveMeasure(ctx, name) === undefined) continue;
          if (listed.has(name.text)) {
            ctx.report("E129", name.span, `measure ${quoted(name.text)} is listed twice in ${quoted("measures")}`);
          }
          listed.set(name.text, clause);
        }
        break;
      }
      case "SplitDefaultShare":
        checkShare(ctx, clause.share);
        break;
      default: {
        const never: never = clause;
        throw new Error(`unhandled split clause ${JSON.stringify(never)}`);
      }
    }
  }
  const head = split.title ? spanFromTo(split, split.title) : leadingSpan(split, "split".length);
  if (!seen.has("SplitMeasures")) {
    ctx.report("E147", head, `the ${quoted("split")} block does not say which volumes are shared`, {
      suggestion: `add a line like ${quoted(`measures ${ctx.measureNames.join(", ") || "PV"}`)}`,
    });
  }
  if (!seen.has("SplitDefaultShare")) {
    ctx.report("E147", head, `the ${quoted("split")} block has no default share`, {
      suggestion: `add a line like ${quoted("default share 50%")}`,
    });
  }
}

export function checkCancellation(ctx: CheckContext, cancellation: CancellationItem): void {
  const seen = new Map<CancellationClause["kind"], CancellationClause>();
  for (const clause of cancellation.clauses) {
    const earlier = seen.get(clause.kind);
    if (earlier) {
      reportTwice(ctx, clause, CANCELLATION_KEYWORD[clause.kind], "cancellation block", earlier);
      continue;
    }
    seen.set(clause.kind, clause);
    switch (clause.kind) {
      case "Withdrawal":
        checkWhole(ctx, clause.days, "the withdrawal period in days", MAX_DAYS);
        break;
      case "Policy":
        checkOneOf(ctx, clause.policy, POLICIES, "E106", "cancellation policy");
        break;
      case "LateCanceller":
        // The grammar requires `hold N weeks` or `prepayment only` (or both) after the colon.
        if (clause.holdWeeks) checkPositiveWhole(ctx, clause.holdWeeks, "the number of weeks", MAX_WEEKS);
        break;
      default: {
        const never: never = clause;
        throw new Error(`unhandled cancellation clause ${JSON.stringify(never)}`);
      }
    }
  }
}

function reportTwice(
  ctx: CheckContext,
  clause: SplitClause | CancellationClause,
  keyword: string,
  where: string,
  earlier: SplitClause | CancellationClause,
): void {
  ctx.report("E128", leadingSpan(clause, keyword.split(" ")[0]!.length), `${quoted(keyword)} is given twice in the ${where} (${firstOnLine(earlier)})`);
}
