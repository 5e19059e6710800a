/**
 * What each policy writes for the period's after-run cancellations (semantics §7), after the
 * period's own walks and pools, so the rows land in ledger order (clawbacks last, one
 * cancellation after the other):
 *
 * - `simple` and `previous-rank`: the bonus walks over the clawback portions (volume −c on
 *   today's paths), fast start judged at the cancellation's date, no breakage; `previous-rank`
 *   pays them by the ranks and activity of the run that paid the order.
 * - `exact`: the reversals of the original run's entries and the pool give-backs. They are a
 *   few rows per cancellation, computed by the reference's own exactReversals on the original
 *   entries (read from the history's columns or document) and written as extra rows.
 */
import type { PlanIR, Policy } from "../../../core/ir.ts";
import { canonical } from "../../../core/decimal.ts";
import type { Standing } from "../../reference/bonuses/context.ts";
import { exactReversals } from "../../reference/cancellations/exact.ts";
import type { PreparedPlan } from "../../reference/plan.ts";
import { partnerListing, type ColumnarData } from "../columnar.ts";
import type { BonusKernel } from "../interpretBonuses.ts";
import type { PlanTables } from "../planTables.ts";
import { scaledInt } from "../scaled.ts";
import { packedNodesOf, type WalkContext } from "../walkContext.ts";
import type { AfterRunFound } from "./afterRun.ts";
import type { ExtraRow } from "./extras.ts";

/**
 * Walks the clawback portions [first, count) into the ledger. Returns the standing each
 * cancellation (by sequence) was clawed back with under `previous-rank` (a commission transfer
 * of a clawback asks it whether the supporter was eligible), or the reason to delegate.
 */
export function walkClawbacks(
  ir: PlanIR,
  c: ColumnarData,
  ctx: WalkContext,
  walk: BonusKernel,
  first: number,
  sequences: Int32Array,
  found: AfterRunFound,
  policy: Policy,
): Map<number, Standing> | string {
  const standings = new Map<number, Standing>();
  if (policy === "previous-rank") {
    const listing = partnerListing(c);
    for (const a of found.cancellations) {
      const read = found.runs.get(a.commissionedIn)!.standingFor(ir, listing);
      if (!read.ok) return "the history's ranks do not belong to this plan (the reference words the refusal)";
      standings.set(a.sequence, read.value);
    }
  }
  const own = { rank: ctx.rank, eligible: ctx.eligible, manager: ctx.manager, node: ctx.node, ruleDay: ctx.ruleDay };
  // Breakage reports what the plan left unpaid on the period's orders: a clawback writes none.
  const breakage = ctx.ledger.breakage.slice();
  for (let i = first; i < ctx.portions.count; i++) {
    const s = sequences[i - first]!;
    // Fast start is judged at the cancellation's date.
    ctx.ruleDay = found.day[s]!;
    const standing = standings.get(s);
    if (standing !== undefined) {
      ctx.rank = standing.rank;
      ctx.eligible = standing.eligible;
      ctx.manager = standing.manager;
      ctx.node = packedNodesOf(ctx.sponsor, standing.rank, standing.eligible, standing.manager);
    }
    walk(ctx, i);
  }
  Object.assign(ctx, own);
  ctx.ledger.breakage.set(breakage);
  return standings;
}

/** Writes the `exact` reversals as extra rows; returns them (first row: the ledger length before), or the reason to delegate. */
export function writeExactReversals(
  ir: PlanIR,
  prepared: PreparedPlan,
  c: ColumnarData,
  tables: PlanTables,
  found: AfterRunFound,
  ctx: WalkContext,
): ExtraRow[] | string {
  const drafts = exactReversals(ir, prepared, partnerListing(c), found.cancellations, found.runs);
  if (!drafts.ok) return "the history does not belong to this plan and data (the reference words the refusal)";
  const rows: ExtraRow[] = [];
  for (const d of drafts.value) {
    const amount = scaledInt(canonical(d.amount), tables.moneyScale);
    if (Number.isNaN(amount)) return "a reversal does not fit a safe integer";
    const entry: ExtraRow & { kind: "reversal" } = {
      kind: "reversal",
      sequence: d.clawback!.sequence,
      entry: { recipient: c.partnerIds[d.recipient]!, bonus: d.bonus, kind: d.kind },
    };
    if (d.order !== undefined) entry.entry.order = d.order;
    if (d.portion !== undefined) entry.entry.portion = d.portion;
    if (d.step !== undefined) entry.entry.step = d.step;
    if (d.level !== undefined) entry.entry.level = d.level;
    if (d.generation !== undefined) entry.entry.generation = d.generation;
    if (d.reverses !== undefined) entry.reverses = d.reverses;
    if (d.note !== undefined) entry.note = d.note;
    // The portion column of an extra row is not read (its side row says everything).
    ctx.ledger.push(d.recipient, d.bonusIndex, 0, 0, 0, 0, amount);
    rows.push(entry);
  }
  return rows;
}
