/**
 * What the per-portion bonus walks read and write, shared by the generated code and the
 * interpreter: the path arrays, the standing (rank, eligible, manager), the ledger columns, and
 * the one place an amount is rounded (scaled integers, BigInt when a product leaves the safe
 * range).
 */
import type { RoundingMode } from "../../core/ir.ts";
import type { LedgerColumns } from "./ledgerColumns.ts";
import type { PortionColumns } from "./portions.ts";
import { roundDiv, roundDivBig } from "./scaled.ts";

export interface WalkContext {
  sponsor: Int32Array;
  rank: Int32Array;
  eligible: Uint8Array;
  manager: Uint8Array;
  portions: PortionColumns;
  ledger: LedgerColumns;
  /** Per order: its date minus the buyer partner's joined day (fast start); NaN for a customer buyer. */
  buyerAge: (order: number) => number;
  mode: RoundingMode;
  unitMinor: number;
  /** Set when an amount could not be held as a safe integer: the period is then delegated. */
  unsafe: boolean;
}

const LIMIT = 2 ** 52;

/** round(x × rate) to the money unit, in minor units. */
export function amountOf(ctx: WalkContext, x: number, rate: number, multiplier: number, divisor: number): number {
  const product = x * rate * multiplier;
  if (product <= LIMIT && product >= -LIMIT && Number.isSafeInteger(product)) return roundDiv(product, divisor, ctx.mode) * ctx.unitMinor;
  const exact = roundDivBig(BigInt(x) * BigInt(rate) * BigInt(multiplier), BigInt(divisor), ctx.mode) * BigInt(ctx.unitMinor);
  const amount = Number(exact);
  if (!Number.isSafeInteger(amount)) ctx.unsafe = true;
  return amount;
}
