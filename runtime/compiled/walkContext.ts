/**
 * What the per-portion bonus walks read and write, shared by the generated code and the
 * interpreter: the path arrays, the standing (rank, eligible, manager), the ledger columns, and
 * the one place an amount is rounded (scaled integers, BigInt when a product leaves the safe
 * range).
 */
import type { RoundingMode } from "../../core/ir.ts";
import { takeUnfilled } from "./arrayPool.ts";
import type { LedgerColumns } from "./ledgerColumns.ts";
import type { PortionColumns } from "./portions.ts";
import { roundDiv, roundDivBig } from "./scaled.ts";

export interface WalkContext {
  sponsor: Int32Array;
  /** Per partner p: node[2p] its sponsor, node[2p + 1] its standing (packNodes): what the generated walks read. */
  node: Int32Array;
  rank: Int32Array;
  eligible: Uint8Array;
  manager: Uint8Array;
  portions: PortionColumns;
  ledger: LedgerColumns;
  /** Per order: the buying partner's index, −1 for a customer (fast start reads the buyer's joined day). */
  buyerPartner: Int32Array;
  /** Per order: its date as a day number. */
  orderDay: Int32Array;
  /** Per partner: the joined date as a day number. */
  joinedDay: Int32Array;
  /**
   * The day fast start is judged at: NaN = each order's own date; a clawback walk sets its
   * cancellation's date. Data, not a closure: a function made per run and called from the
   * optimised kernel is embedded in its machine code, so its death at the next collection threw
   * the kernel's optimised code away in every run.
   */
  ruleDay: number;
  mode: RoundingMode;
  unitMinor: number;
  /** Set when an amount could not be held as a safe integer: the period is then delegated. */
  unsafe: boolean;
}

const LIMIT = 2 ** 52;

/** Fast start: days from the buyer partner's joining to the rule day; NaN for a customer buyer (never within). */
export function buyerAge(ctx: WalkContext, order: number): number {
  const b = ctx.buyerPartner[order]!;
  if (b < 0) return NaN;
  const day = Number.isNaN(ctx.ruleDay) ? ctx.orderDay[order]! : ctx.ruleDay;
  return day - ctx.joinedDay[b]!;
}

/**
 * Sponsor and standing of every partner interleaved, so one step of a credit path reads one
 * cache line: node[2p] = sponsor, node[2p + 1] = eligible | manager << 1 | (rank + 1) << 2.
 */
const packedCache = new WeakMap<Int32Array, Int32Array>();

/** packNodes, once per rank array (a previous-rank clawback swaps in an earlier period's standing per portion). */
export function packedNodesOf(sponsor: Int32Array, rank: Int32Array, eligible: Uint8Array, manager: Uint8Array): Int32Array {
  let node = packedCache.get(rank);
  if (node === undefined) {
    node = packNodes(sponsor, rank, eligible, manager);
    packedCache.set(rank, node);
  }
  return node;
}

/** `fromPool`: a run's own nodes, taken from the array pool and given back at the end of the period. */
export function packNodes(sponsor: Int32Array, rank: Int32Array, eligible: Uint8Array, manager: Uint8Array, fromPool = false): Int32Array {
  const n = sponsor.length;
  const node = fromPool ? takeUnfilled(Int32Array, 2 * n) : new Int32Array(2 * n);
  for (let p = 0; p < n; p++) {
    node[2 * p] = sponsor[p]!;
    node[2 * p + 1] = (eligible[p]! & 1) | ((manager[p]! & 1) << 1) | ((rank[p]! + 1) << 2);
  }
  return node;
}

/** round(x × rate) to the money unit, in minor units. */
export function amountOf(ctx: WalkContext, x: number, rate: number, multiplier: number, divisor: number): number {
  const product = x * rate * multiplier;
  if (product <= LIMIT && product >= -LIMIT && Number.isSafeInteger(product)) return roundDiv(product, divisor, ctx.mode) * ctx.unitMinor;
  const exact = roundDivBig(BigInt(x) * BigInt(rate) * BigInt(multiplier), BigInt(divisor), ctx.mode) * BigInt(ctx.unitMinor);
  const amount = Number(exact);
  if (!Number.isSafeInteger(amount)) ctx.unsafe = true;
  return amount;
}
