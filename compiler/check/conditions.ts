/**
 * Conditions of ranks and of activity: figures (`PV`, `GV(CV)`, `legs(Senior)`), the numbers
 * they are compared with, and the max-leg rule.
 *
 * Any rank may appear in `legs(R)` / `frontline(R)`, even the rank being defined or a higher
 * one: those figures look at the downline, whose ranks are settled first (bottom-up), so there
 * is no cycle to report (docs/language-decisions.md).
 */
import type { Comparison, Condition, Figure, VolumeFigure } from "../../grammar/ast.ts";
import { decimalOf } from "../../core/numbers.ts";
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
  // A misspelt figure changes what the rest of the comparison means: its one error is enough.
  if (!checkFigure(ctx, comparison.left)) return;
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

/** Reports an unknown figure, measure or rank; false when the figure itself is unknown. */
function checkFigure(ctx: CheckContext, figure: Figure): boolean {
  switch (figure.kind) {
    case "VolumeFigure": {
      const text = figure.figure.text;
      if (!(VOLUME_FIGURES as readonly string[]).includes(text)) {
        reportUnknownFigure(ctx, figure);
        return false;
      }
      if (figure.measure) resolveMeasure(ctx, figure.measure);
      return true;
    }
    case "Legs":
    case "Frontline":
      resolveRank(ctx, figure.rank);
      return true;
    default: {
      const never: never = figure;
      throw new Error(`unhandled figure ${JSON.stringify(never)}`);
    }
  }
}

/**
 * `CV >= 500` names a measure where a figure belongs: the designer means `PV(CV)`.
 * `legz(Senior)` parses as a volume figure of a "measure" Senior: the designer means `legs`.
 */
function reportUnknownFigure(ctx: CheckContext, figure: VolumeFigure): void {
  const text = figure.figure.text;
  const argument = figure.measure?.text;
  let close: string | undefined;
  if (argument === undefined && ctx.measureIndex.has(text)) close = `PV(${text})`;
  else {
    const word = closestName(text, argument === undefined ? VOLUME_FIGURES : [...VOLUME_FIGURES, "legs", "frontline"]);
    if (word !== undefined) close = argument === undefined ? word : `${word}(${argument})`;
  }
  ctx.report(
    "E103",
    figure.figure.span,
    `unknown figure ${quoted(text)}: a condition can use ${quoted("PV")}, ${quoted("GV")}, ${quoted("OV")} (or ${quoted(
      "PV(CV)",
    )} for another measure), ${quoted("legs(Rank)")} or ${quoted("frontline(Rank)")}`,
    { suggestion: close === undefined ? undefined : didYouMean(close) },
  );
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
