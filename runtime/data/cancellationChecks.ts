/**
 * Step 2d of data validation: cancellations (semantics.md §7, "Bad input").
 *
 * Over-cancelling is decided by replaying each order's cancellations in time order (date, then
 * document order for the same date) — the order the runs process them in. A cancellation
 * without `lines` takes all quantity still uncancelled, so one that finds nothing left is
 * over-cancelling too. A cancellation found over-cancelling is not applied to the remaining
 * quantities, so only the cancellation that actually goes too far is reported, not every later one.
 */
import { decimalOf } from "./decimalText.ts";
import { Decimal, canonical } from "../../core/decimal.ts";
import type { CancellationRecord, DataDocument } from "./document.ts";
import type { DataProblem } from "../../core/dataModel.ts";
import type { OrderIndex } from "./orderChecks.ts";

function quoteList(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(", ");
}

/** Problems a cancellation has on its own: its order, its date, its line references. */
function checkReferences(c: CancellationRecord, index: number, orders: OrderIndex, problems: DataProblem[]): boolean {
  const target = orders.get(c.order);
  if (target === undefined) {
    problems.push({ path: `cancellations[${index}].order`, id: c.id, message: `unknown order \`${c.order}\`` });
    return false;
  }
  const order = target.order;
  let ok = true;
  if (c.date < order.date) {
    problems.push({
      path: `cancellations[${index}].date`,
      id: c.id,
      message: `cancellation date ${c.date} is before the date of order \`${c.order}\` (${order.date})`,
    });
  }
  (c.lines ?? []).forEach((line, j) => {
    if (line.line >= order.lines.length) {
      ok = false;
      const count = order.lines.length;
      problems.push({
        path: `cancellations[${index}].lines[${j}].line`,
        id: c.id,
        message:
          `line ${line.line} does not exist: order \`${c.order}\` has ${count} line${count === 1 ? "" : "s"}` +
          ` (${count === 1 ? "line 0" : `lines 0 to ${count - 1}`})`,
      });
    }
    if (decimalOf(line.qty).isZero()) {
      ok = false;
      problems.push({
        path: `cancellations[${index}].lines[${j}].qty`,
        id: c.id,
        message: `a cancelled quantity must be more than 0; leave the line out instead`,
      });
    }
  });
  return ok;
}

interface LineState {
  ordered: Decimal;
  remaining: Decimal;
  /** Ids of the applied cancellations that took quantity of this line. */
  takenBy: string[];
}

/** Replays one order's cancellations in time order, reporting those that take more than is left. */
function replayOrder(
  orderId: string,
  lineQtys: readonly Decimal[],
  cancellations: readonly { c: CancellationRecord; index: number }[],
  problems: DataProblem[],
): void {
  const lines: LineState[] = lineQtys.map((q) => ({ ordered: q, remaining: q, takenBy: [] }));
  for (const { c, index } of cancellations) {
    if (c.lines === undefined || c.lines === null) {
      const left = lines.filter((l) => l.remaining.greaterThan(0));
      if (left.length === 0) {
        const by = [...new Set(lines.flatMap((l) => l.takenBy))];
        problems.push({
          path: `cancellations[${index}]`,
          id: c.id,
          message:
            by.length === 0
              ? `cancels the whole order \`${orderId}\`, which has no quantity to cancel`
              : `cancels the whole order \`${orderId}\`, which is already fully cancelled by ${quoteList(by)}`,
        });
        continue;
      }
      for (const l of left) {
        l.remaining = new Decimal(0);
        l.takenBy.push(c.id);
      }
      continue;
    }
    const taking = new Map<number, Decimal>();
    let over = false;
    c.lines.forEach((entry, j) => {
      const state = lines[entry.line] as LineState;
      const total = (taking.get(entry.line) ?? new Decimal(0)).plus(decimalOf(entry.qty));
      taking.set(entry.line, total);
      if (total.lessThanOrEqualTo(state.remaining)) return;
      over = true;
      const ordered = canonical(state.ordered);
      const left = canonical(state.remaining);
      problems.push({
        path: `cancellations[${index}].lines[${j}].qty`,
        id: c.id,
        message:
          state.takenBy.length === 0
            ? `cancels ${canonical(total)} of line ${entry.line} of order \`${orderId}\`, which has only ${ordered}`
            : `cancels ${canonical(total)} of line ${entry.line} of order \`${orderId}\`, but only ${left} of ` +
              `${ordered} is left after ${quoteList(state.takenBy)}`,
      });
    });
    if (over) continue;
    for (const [line, qty] of taking) {
      const state = lines[line] as LineState;
      state.remaining = state.remaining.minus(qty);
      state.takenBy.push(c.id);
    }
  }
}

export function checkCancellations(doc: DataDocument, orders: OrderIndex): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const byOrder = new Map<string, { c: CancellationRecord; index: number }[]>();
  (doc.cancellations ?? []).forEach((c, index) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      problems.push({
        path: `cancellations[${index}].id`,
        id: c.id,
        message: `duplicate cancellation id \`${c.id}\`: already used by cancellations[${first}]`,
      });
    } else {
      seen.set(c.id, index);
    }
    if (!checkReferences(c, index, orders, problems)) return;
    const list = byOrder.get(c.order) ?? [];
    list.push({ c, index });
    byOrder.set(c.order, list);
  });
  for (const [orderId, list] of byOrder) {
    // Array.prototype.sort is stable, so equal dates keep document order.
    list.sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : 0));
    const target = orders.get(orderId);
    if (target !== undefined) replayOrder(orderId, target.order.lines.map((l) => decimalOf(l.qty)), list, problems);
  }
  return problems;
}
