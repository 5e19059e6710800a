/**
 * The figures of a policy comparison (comparePolicies.ts, docs/semantics-decisions.md
 * "Comparisons") read from period views, one replay at a time, so a comparison at 100k partners
 * never holds a result document (or a ledger as objects): only the clawback entries, the entries
 * of the clawed-back orders in the runs that commissioned them, and per-partner totals.
 *
 * Ledger order is part of the contract (data.md): the clawbacks of after-run cancellations, with
 * their commission transfers, close every period's ledger. So the clawbacks are read backwards
 * from the end, and the rest of the ledger only where an entry belongs to a clawed-back order
 * (asked cheaply through `ledgerOrder` where the view offers it).
 */
import type { Policy, PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal } from "../../core/decimal.ts";
import type { LedgerEntry } from "../../core/result.ts";
import { compareIds, type PeriodView } from "../../core/resultView.ts";
import { measureValues } from "../shared/measureValues.ts";
import { monthOfPeriod } from "../shared/releaseDays.ts";
import type { MinorAmounts } from "./minor.ts";
import { replayTotalsOf, type ReplayTotals } from "./replayTotals.ts";
import type { PolicyFigures, RankChange } from "./types.ts";

/** Where a period's clawback section starts, and its entries. */
export function clawbacksOf(view: PeriodView): { start: number; entries: LedgerEntry[] } {
  const entries: LedgerEntry[] = [];
  let i = view.ledgerLength - 1;
  for (; i >= 0; i--) {
    const e = view.ledgerEntry(i);
    if (e.cancellation === undefined) break;
    entries.push(e);
  }
  return { start: i + 1, entries: entries.reverse() };
}

export interface ReplayInput {
  ir: PlanIR;
  data: Dataset;
  /** Per order index: the month number it counts in (the period that commissions it; −1 while pending), runtime/shared/releaseDays.ts. */
  countsIn: Int32Array;
  orderIndex: Map<string, number>;
  minor: MinorAmounts;
}

/** What the rank changes read of a period of the run without the after-run cancellations (a PeriodView is one). */
export type RankListing = Pick<PeriodView, "period" | "partnerCount" | "partnerId" | "rank">;

/** What a replay leaves once its views are read: its figures, its sums, and its clawback entries. */
export interface PolicyReplay {
  figures: PolicyFigures;
  totals: ReplayTotals;
  /** Every cancellation-linked ledger entry of every period, in ledger order. */
  clawbacks: LedgerEntry[];
}

/** One policy's figures from its replay, with the replay's sums (for the differences and the bottom line). */
export function policyFiguresOf(policy: Policy, periods: readonly PeriodView[], without: readonly RankListing[], input: ReplayInput): PolicyReplay {
  const { minor } = input;
  const sections = periods.map(clawbacksOf);
  const clawbacks = sections.flatMap((s) => s.entries);
  const paidOn = originalRecipients(periods, sections, clawbacks, input);
  let total = 0n;
  let fromOriginal = 0n;
  for (const e of clawbacks) {
    const amount = minor.of(e.amount);
    total -= amount;
    if (e.order !== undefined && paidOn(e.order).has(e.recipient)) fromOriginal -= amount;
  }
  const totals = replayTotalsOf(periods, minor);
  const carriedNegative = totals.negativeBalances.reduce((sum, b) => sum - b.minor, 0n);
  return {
    figures: {
      policy,
      totalClawback: minor.text(total),
      reclaimedFromOriginal: minor.text(fromOriginal),
      reclaimedFromOthers: minor.text(total - fromOriginal),
      unrecovered: minor.text(-totals.unrecovered),
      carriedNegative: minor.text(carriedNegative),
      negativeBalances: totals.negativeBalances.map(({ partner, amount }) => ({ partner, amount })),
      rankChanges: rankChanges(periods, without),
      totalPayout: minor.text(totals.payout),
    },
    totals,
    clawbacks,
  };
}

/** Who was paid on an order by the run that commissioned it: a net positive sum of that run's entries for the order, or a pool part whose base the order was in. */
function originalRecipients(
  periods: readonly PeriodView[],
  sections: { start: number }[],
  clawbacks: LedgerEntry[],
  { ir, data, countsIn, orderIndex, minor }: ReplayInput,
): (order: string) => Set<string> {
  const poolMeasure = new Map(ir.bonuses.flatMap((b) => (b.kind === "pool" ? [[b.name, b.measure] as const] : [])));
  const wanted = new Set<string>();
  for (const e of clawbacks) if (e.order !== undefined) wanted.add(e.order);
  // The same set by order index, for views that give a row's order as an index (no id string per row).
  const wantedIndex = new Uint8Array(data.orders.length);
  for (const id of wanted) {
    const o = orderIndex.get(id);
    if (o !== undefined) wantedIndex[o] = 1;
  }
  const indexed = new Map<number, { net: Map<string, Map<string, bigint>>; pools: [string, string][] }>();
  const indexOf = (p: number) => {
    let index = indexed.get(p);
    if (index !== undefined) return index;
    index = { net: new Map(), pools: [] };
    const view = periods[p]!;
    const end = sections[p]!.start;
    const { net, pools } = index;
    const take = (i: number) => {
      const e = view.ledgerEntry(i);
      if (e.order === undefined) {
        pools.push([e.bonus, e.recipient]);
        return;
      }
      if (!wanted.has(e.order)) return;
      let paid = net.get(e.order);
      if (paid === undefined) net.set(e.order, (paid = new Map()));
      paid.set(e.recipient, (paid.get(e.recipient) ?? 0n) + minor.of(e.amount));
    };
    // The rows that can matter (the wanted orders' and the pool parts), found in one pass over the
    // engine's columns where the view offers it; else tested row by row.
    const rows = view.ledgerRowsOfOrders?.(wantedIndex, end);
    if (rows !== undefined) for (const i of rows) take(i);
    else {
      for (let i = 0; i < end; i++) {
        const at = view.ledgerOrderIndex?.(i);
        if (at !== undefined) {
          if (at >= 0 && wantedIndex[at] === 0) continue;
        } else {
          const order = view.ledgerOrder?.(i);
          if (order !== undefined && !wanted.has(order)) continue;
        }
        take(i);
      }
    }
    indexed.set(p, index);
    return index;
  };
  const cache = new Map<string, Set<string>>();
  return (orderId) => {
    const known = cache.get(orderId);
    if (known !== undefined) return known;
    const o = orderIndex.get(orderId)!;
    const month = countsIn[o]!;
    const p = month < 0 ? -1 : periods.findIndex((view) => monthOfPeriod(view.period) === month);
    const recipients = new Set<string>();
    if (p >= 0) {
      const index = indexOf(p);
      for (const [id, amount] of index.net.get(orderId) ?? []) if (amount > 0n) recipients.add(id);
      const order = data.orders[o]!;
      const values = measureValues(ir, order, order.lines.map((l) => new Decimal(l.qty)), []);
      for (const [bonus, id] of index.pools) if (values[poolMeasure.get(bonus) ?? -1]?.gt(0)) recipients.add(id);
    }
    cache.set(orderId, recipients);
    return recipients;
  };
}

/** Every (period, partner) whose paid-as rank differs from the run without the after-run cancellations; listings merged in id order. */
function rankChanges(periods: readonly PeriodView[], without: readonly RankListing[]): RankChange[] {
  const changes: RankChange[] = [];
  periods.forEach((p, n) => {
    const base = without[n]!;
    let i = 0;
    let j = 0;
    while (i < p.partnerCount || j < base.partnerCount) {
      const a = i < p.partnerCount ? p.partnerId(i) : null;
      const b = j < base.partnerCount ? base.partnerId(j) : null;
      // Mostly the same partner in both listings: equality first, the string order only where they differ.
      const order = a === null ? 1 : b === null ? -1 : a === b ? 0 : compareIds(a, b);
      const partner = order <= 0 ? a! : b!;
      const withRank = order <= 0 ? p.rank(i++) : null;
      const withoutRank = order >= 0 ? base.rank(j++) : null;
      if (withRank !== withoutRank) changes.push({ partner, period: p.period, without: withoutRank, with: withRank });
    }
  });
  return changes;
}
