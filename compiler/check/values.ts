/**
 * Range checks for the numbers a plan writes: rates, shares, whole counts. Each returns the
 * value when it is acceptable (so callers can go on checking with it) and reports otherwise.
 */
import type { NumberLit, PercentLit } from "../../grammar/ast.ts";
import type { Decimal } from "../../core/decimal.ts";
import { decimalOf } from "../../core/numbers.ts";
import { type CheckContext, quoted } from "./context.ts";

/**
 * Upper limits that keep the IR small and every count a safe JavaScript integer. No real plan
 * comes near them (plans pay a handful of levels; withdrawal periods are days or weeks).
 */
export const MAX_TIER = 100;
export const MAX_DAYS = 36_500;
export const MAX_WEEKS = 5_200;

/** A bonus rate: at most 100%. */
export function checkRate(ctx: CheckContext, rate: PercentLit): Decimal | undefined {
  const value = decimalOf(rate.text);
  if (value === null) return undefined;
  if (value.gt(100)) {
    ctx.report("E160", rate.span, `rate ${quoted(`${rate.text}%`)} is above 100%`);
    return undefined;
  }
  return value;
}

/** A split share: 0% to 100%. */
export function checkShare(ctx: CheckContext, share: PercentLit): Decimal | undefined {
  const value = decimalOf(share.text);
  if (value === null) return undefined;
  if (value.gt(100)) {
    ctx.report("E161", share.span, `share ${quoted(`${share.text}%`)} is outside 0–100%`);
    return undefined;
  }
  return value;
}

/**
 * A positive whole number no larger than `max`: a level, a generation, a number of days or
 * weeks. `what` names it for the message ("the level", "the number of days").
 */
export function checkPositiveWhole(ctx: CheckContext, n: NumberLit, what: string, max: number): number | undefined {
  const value = decimalOf(n.text);
  if (value === null) return undefined;
  if (!value.isInteger() || value.lt(1)) {
    ctx.report("E163", n.span, `${what} must be a positive whole number, not ${quoted(n.text)}`);
    return undefined;
  }
  return checkAtMost(ctx, n, value, what, max);
}

/** A whole number from 0 to `max` (the withdrawal period may be 0 days, the default). */
export function checkWhole(ctx: CheckContext, n: NumberLit, what: string, max: number): number | undefined {
  const value = decimalOf(n.text);
  if (value === null) return undefined;
  if (!value.isInteger()) {
    ctx.report("E164", n.span, `${what} must be a whole number, not ${quoted(n.text)}`);
    return undefined;
  }
  return checkAtMost(ctx, n, value, what, max);
}

function checkAtMost(ctx: CheckContext, n: NumberLit, value: Decimal, what: string, max: number): number | undefined {
  if (value.gt(max)) {
    ctx.report("E165", n.span, `${what} ${quoted(n.text)} is too large (at most ${max})`);
    return undefined;
  }
  return value.toNumber();
}
