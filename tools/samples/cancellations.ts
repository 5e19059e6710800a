/**
 * Cancellations (Stornos) of delivered, paid orders. Half are dated inside the 14-day
 * withdrawal period after delivery (normally processed before the period's final run), half
 * three to ten weeks after delivery (after the run: clawbacks). Some cancel the whole order,
 * some part of one line; goods are mostly returned, sometimes lost.
 *
 * Each order is cancelled at most once, and a partial cancellation never exceeds its line,
 * so nothing is ever over-cancelled; every date is on or after delivery, hence after the
 * order date.
 */
import type { RawCancellationLine } from "./document.ts";
import type { DraftOrder } from "./orders.ts";
import type { Rng } from "./rng.ts";

const WITHDRAWAL_DAYS = 14;

export interface DraftCancellation {
  seq: number;
  /** Index into the sorted draft orders. */
  order: number;
  day: number;
  goods: "returned" | "lost";
  /** null = the whole order. */
  lines: RawCancellationLine[] | null;
}

function drawLines(order: DraftOrder, rng: Rng): RawCancellationLine[] | null {
  const units = order.lines.reduce((sum, line) => sum + line.qty, 0);
  if (units <= 1 || rng.chance(500)) return null;
  const line = rng.below(order.lines.length);
  const lineQty = order.lines[line]?.qty ?? 1;
  // On a single-line order keep at least one unit, so "partial" really is partial.
  const most = order.lines.length === 1 ? lineQty - 1 : lineQty;
  return [{ line, qty: rng.between(1, Math.max(1, most)) }];
}

/** Cancellations sorted by day (then creation sequence); at most `count`, fewer if orders run out. */
export function drawCancellations(orders: readonly DraftOrder[], count: number, rng: Rng): DraftCancellation[] {
  if (count <= 0) return [];
  const candidates: number[] = [];
  orders.forEach((order, index) => {
    if (order.paid !== null && order.delivered !== null) candidates.push(index);
  });
  const chosen: DraftCancellation[] = [];
  // Partial Fisher–Yates: the first `count` slots become a uniform sample without repetition.
  for (let k = 0; k < candidates.length && chosen.length < count; k++) {
    const j = k + rng.below(candidates.length - k);
    const index = candidates[j] ?? 0;
    candidates[j] = candidates[k] ?? 0;
    candidates[k] = index;
    const order = orders[index];
    if (!order || order.delivered === null) continue;
    const late = rng.chance(500);
    const day = late ? order.delivered + rng.between(21, 70) : order.delivered + rng.below(WITHDRAWAL_DAYS);
    chosen.push({
      seq: chosen.length,
      order: index,
      day,
      goods: rng.chance(750) ? "returned" : "lost",
      lines: drawLines(order, rng),
    });
  }
  return chosen.sort((a, b) => a.day - b.day || a.seq - b.seq);
}
