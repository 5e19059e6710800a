/**
 * Conditions of ranks and of activity: figures (`PV`, `GV(CV)`, `legs(Senior)`), the numbers
 * they are compared with, and the max-leg rule.
 *
 * Any rank may appear in `legs(R)` / `frontline(R)`, even the rank being defined or a higher
 * one: those figures look at the downline, whose ranks are settled first (bottom-up), so there
 * is no cycle to report (docs/language-decisions.md).
 */
import type { Comparison, Condition, Figure } from "../../grammar/ast.ts";
import { decimalOf } from "../numbers.ts";
import { closestName, didYouMean } from "../suggest.ts";
import { type CheckContext, quoted } from "./context.ts";
import { resolveMeasure, resolveRank } from "./names.ts";

export const VOLUME_FIGURES = ["PV", "GV", "OV"] as const;

export function checkCondition(ctx: CheckContext, condition: Condition): void {
  switch (condition.kind) {
    case "And":
    case "Or":
      for (const operand of condition.operands) checkCondition(ctx, operand);
      return;
    case "Not":
      checkCondition(ctx, condition.operand);
      return;
    case "Comparison":
      checkComparison(ctx, condition);
      return;
    default: {
      const never: never = condition;
      throw new Error(`unhandled condition ${JSON.stringify(never)}`);
    }
  }
}

function checkComparison(ctx: CheckContext, comparison: Comparison): void {
  checkFigure(ctx, comparison.left);
  const left = comparison.left;
  if (left.kind === "Legs" || left.kind === "Frontline") {
    const value = decimalOf(comparison.right.text);
    if (value !== null && !value.isInteger()) {
      const what = left.kind === "Legs" ? "legs" : "frontline partners";
      ctx.report(
        "E166",
        comparison.right.span,
        `${quoted(figureText(left))} counts ${what}: compare it with a whole number, not ${quoted(comparison.right.text)}`,
      );
    }
  }
  if (comparison.maxleg) checkMaxleg(ctx, comparison);
}

function checkFigure(ctx: CheckContext, figure: Figure): void {
  switch (figure.kind) {
    case "VolumeFigure": {
      const text = figure.figure.text;
      if (!(VOLUME_FIGURES as readonly string[]).includes(text)) {
        // `CV >= 500` names a measure where a figure belongs: the designer means PV(CV).
        const isMeasure = figure.measure === undefined && ctx.measureIndex.has(text);
        const close = isMeasure ? `PV(${text})` : closestName(text, VOLUME_FIGURES);
        ctx.report(
          "E103",
          figure.figure.span,
          `unknown figure ${quoted(text)}: a condition compares ${quoted("PV")}, ${quoted("GV")} or ${quoted("OV")}` +
            (isMeasure ? `, of another measure as in ${quoted(`PV(${text})`)}` : ""),
          { suggestion: close === undefined ? undefined : didYouMean(close) },
        );
      }
      if (figure.measure) resolveMeasure(ctx, figure.measure);
      return;
    }
    case "Legs":
    case "Frontline":
      resolveRank(ctx, figure.rank);
      return;
    default: {
      const never: never = figure;
      throw new Error(`unhandled figure ${JSON.stringify(never)}`);
    }
  }
}

function checkMaxleg(ctx: CheckContext, comparison: Comparison): void {
  const maxleg = comparison.maxleg!;
  const left = comparison.left;
  const onGroupMinimum =
    left.kind === "VolumeFigure" && left.figure.text === "GV" && (comparison.op === ">=" || comparison.op === ">");
  if (!onGroupMinimum) {
    ctx.report(
      "E168",
      maxleg.span,
      `${quoted("with maxleg")} only applies to a group volume minimum like ${quoted("GV >= 4000")}, not to ${quoted(
        `${figureText(left)} ${comparison.op}`,
      )}`,
    );
    return;
  }
  const value = decimalOf(maxleg.text);
  if (value === null) return;
  if (value.isZero() || value.gt(100)) {
    ctx.report("E162", maxleg.span, `maxleg ${quoted(`${maxleg.text}%`)} must be above 0% and at most 100%`);
  } else if (value.eq(100)) {
    ctx.report(
      "W306",
      maxleg.span,
      `${quoted("maxleg 100%")} has no effect: a single leg may already bring the whole ${quoted(comparison.right.text)}`,
    );
  }
}

/** The figure as the designer wrote it, for messages: `GV(CV)`, `legs(Senior)`. */
export function figureText(figure: Figure): string {
  switch (figure.kind) {
    case "VolumeFigure":
      return figure.measure ? `${figure.figure.text}(${figure.measure.text})` : figure.figure.text;
    case "Legs":
      return `legs(${figure.rank.text})`;
    case "Frontline":
      return `frontline(${figure.rank.text})`;
    default: {
      const never: never = figure;
      throw new Error(`unhandled figure ${JSON.stringify(never)}`);
    }
  }
}
