/**
 * The three cancellation policies replayed side by side over the same data (semantics §7
 * "Comparing policies"). Every figure is defined in docs/semantics-decisions.md ("Comparisons");
 * in short, over all periods through `through`:
 * - total clawback: the sum of all cancellation-linked ledger entries, as a positive amount;
 * - reclaimed from the original partners: the part charged to partners who were paid on the
 *   cancelled order by the run that commissioned it (a net positive sum of that run's entries
 *   for the order, or a part of a pool whose base the order was in); from others: the rest;
 * - unrecovered: clawbacks charged to terminated partners, positive;
 * - carried negative: negative balances carried out of the last period, positive in total;
 * - rank changes: every (period, partner) whose paid-as rank differs from the run without the
 *   after-run cancellations (`ignoreAfterRunCancellations`);
 * - total payout: everything paid out by the statements;
 * - differences: each partner's total earned under each policy, the 20 largest spreads.
 */
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { internalError, type RunError } from "../../core/runError.ts";
import { measureValues } from "../shared/measureValues.ts";
import { releaseOrders } from "../shared/release.ts";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { defaultEngine } from "../defaultEngine.ts";
import { addTo, Amounts, compareIds, sumOf } from "./amounts.ts";
import type { PartnerDifference, PolicyComparison, PolicyFigures, RankChange } from "./types.ts";

export const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];
const MAX_DIFFERENCES = 20;

export type PolicyComparisonOutcome = { ok: true; comparison: PolicyComparison } | { ok: false; error: RunError };

/**
 * Told before each period of each replay: which run ("without" the after-run cancellations, then
 * each policy), its index among the `runs`, and the period. For progress lines; never changes a figure.
 */
export type ComparisonProgress = (run: string, runIndex: number, runs: number, period: string, periodIndex: number, periods: number) => void;

/** The replays a policy comparison is made of: the run without the after-run cancellations, then one per policy. */
export interface PolicyRuns {
  without: PeriodResult[];
  /** In the order of POLICIES. */
  runs: PeriodResult[][];
}

export function comparePolicies(ir: PlanIR, data: Dataset, through: string, progress?: ComparisonProgress, engine: Engine = defaultEngine): PolicyComparisonOutcome {
  try {
    const replayed = replayPolicies(ir, data, through, progress, engine);
    if (!replayed.ok) return replayed;
    return { ok: true, comparison: comparisonOf(ir, data, through, replayed.runs) };
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

export function replayPolicies(ir: PlanIR, data: Dataset, through: string, progress?: ComparisonProgress, engine: Engine = defaultEngine): { ok: true; runs: PolicyRuns } | { ok: false; error: RunError } {
  const labels = ["without the after-run cancellations", ...POLICIES];
  const onPeriod = (i: number) => (progress ? { onPeriod: (period: string, index: number, count: number) => progress(labels[i]!, i, labels.length, period, index, count) } : {});
  const without = engine.runThrough(ir, data, { through, ignoreAfterRunCancellations: true, ...onPeriod(0) });
  if (!without.ok) return { ok: false, error: without.error };
  const runs: PeriodResult[][] = [];
  for (const [i, policy] of POLICIES.entries()) {
    const outcome = engine.runThrough(ir, data, { through, policy, ...onPeriod(i + 1) });
    if (!outcome.ok) return { ok: false, error: { ...outcome.error, message: `under the ${policy} policy: ${outcome.error.message}` } };
    runs.push(outcome.result.periods);
  }
  return { ok: true, runs: { without: without.result.periods, runs } };
}

export function comparisonOf(ir: PlanIR, data: Dataset, through: string, { without, runs }: PolicyRuns): PolicyComparison {
  const amounts = new Amounts(ir);
  const policies = POLICIES.map((policy, i) => figuresOf(policy, runs[i]!, without, originalRecipients(ir, data, runs[i]!), amounts));
  return { plan: ir.name, through, policies, differences: differencesOf(runs, amounts) };
}

/** Who was paid on an order by the run that commissioned it (see the module comment). */
type PaidOn = (order: string) => Set<string>;

function originalRecipients(ir: PlanIR, data: Dataset, periods: PeriodResult[]): PaidOn {
  const orderIndex = new Map(data.orders.map((o, i) => [o.id, i] as const));
  const releases = releaseOrders(ir, data, orderIndex);
  const poolMeasure = new Map(ir.bonuses.flatMap((b) => (b.kind === "pool" ? [[b.name, b.measure] as const] : [])));
  // Per period: each order's net original entries per recipient, and the pool parts (bonus, recipient).
  const indexed = new Map<string, { net: Map<string, Map<string, Decimal>>; pools: [string, string][] }>();
  const indexOf = (run: PeriodResult) => {
    let index = indexed.get(run.period);
    if (index !== undefined) return index;
    index = { net: new Map(), pools: [] };
    for (const e of run.ledger) {
      if (e.cancellation !== undefined) continue;
      if (e.order === undefined) {
        index.pools.push([e.bonus, e.recipient]);
        continue;
      }
      let net = index.net.get(e.order);
      if (net === undefined) index.net.set(e.order, (net = new Map()));
      addTo(net, e.recipient, e.amount);
    }
    indexed.set(run.period, index);
    return index;
  };
  const cache = new Map<string, Set<string>>();
  return (orderId) => {
    const known = cache.get(orderId);
    if (known !== undefined) return known;
    const release = releases[orderIndex.get(orderId)!]!;
    const run = periods.find((p) => p.period === release.countsIn);
    const recipients = new Set<string>();
    if (run !== undefined) {
      const index = indexOf(run);
      for (const [id, amount] of index.net.get(orderId) ?? []) if (amount.gt(0)) recipients.add(id);
      // A pool part is paid on every order in the pool's base.
      const values = measureValues(ir, release.order, release.order.lines.map((l) => new Decimal(l.qty)), []);
      for (const [bonus, id] of index.pools) if (values[poolMeasure.get(bonus) ?? -1]?.gt(0)) recipients.add(id);
    }
    cache.set(orderId, recipients);
    return recipients;
  };
}

function figuresOf(policy: Policy, periods: PeriodResult[], without: PeriodResult[], paidOn: PaidOn, amounts: Amounts): PolicyFigures {
  const clawbacks: LedgerEntry[] = periods.flatMap((p) => p.ledger.filter((e) => e.cancellation !== undefined));
  const total = sumOf(clawbacks.map((e) => e.amount)).neg();
  const fromOriginal = sumOf(clawbacks.filter((e) => e.order !== undefined && paidOn(e.order).has(e.recipient)).map((e) => e.amount)).neg();
  const last = periods[periods.length - 1];
  const negativeBalances = last === undefined ? [] : Object.entries(last.statements)
    .filter(([, s]) => new Decimal(s.carriedOut).lt(0))
    .map(([partner, s]) => ({ partner, amount: s.carriedOut }))
    .sort((a, b) => new Decimal(a.amount).cmp(b.amount) || compareIds(a.partner, b.partner));
  return {
    policy,
    totalClawback: amounts.text(total),
    reclaimedFromOriginal: amounts.text(fromOriginal),
    reclaimedFromOthers: amounts.text(total.minus(fromOriginal)),
    unrecovered: amounts.text(sumOf(periods.flatMap((p) => p.unrecovered.map((u) => u.amount))).neg()),
    carriedNegative: amounts.text(sumOf(negativeBalances.map((b) => b.amount)).neg()),
    negativeBalances,
    rankChanges: rankChanges(periods, without),
    totalPayout: amounts.text(sumOf(periods.flatMap((p) => Object.values(p.statements).map((s) => s.payout)))),
  };
}

function rankChanges(periods: PeriodResult[], without: PeriodResult[]): RankChange[] {
  const changes: RankChange[] = [];
  periods.forEach((p, i) => {
    const base = without[i]!;
    const ids = [...new Set([...Object.keys(p.ranks), ...Object.keys(base.ranks)])].sort(compareIds);
    for (const partner of ids) {
      const withRank = Object.hasOwn(p.ranks, partner) ? p.ranks[partner]! : null;
      const withoutRank = Object.hasOwn(base.ranks, partner) ? base.ranks[partner]! : null;
      if (withRank !== withoutRank) changes.push({ partner, period: p.period, without: withoutRank, with: withRank });
    }
  });
  return changes;
}

function differencesOf(runs: PeriodResult[][], amounts: Amounts): PartnerDifference[] {
  const earnedBy = runs.map((periods) => {
    const totals = new Map<string, Decimal>();
    for (const p of periods) for (const [id, s] of Object.entries(p.statements)) addTo(totals, id, s.earned);
    return totals;
  });
  const partners = [...new Set(earnedBy.flatMap((m) => [...m.keys()]))];
  const rows = partners.map((partner) => {
    const values = earnedBy.map((m) => m.get(partner) ?? ZERO);
    const spread = Decimal.max(...values).minus(Decimal.min(...values));
    return { partner, values, spread };
  });
  return rows
    .filter((r) => r.spread.gt(0))
    .sort((a, b) => b.spread.cmp(a.spread) || compareIds(a.partner, b.partner))
    .slice(0, MAX_DIFFERENCES)
    .map((r) => ({
      partner: r.partner,
      earned: Object.fromEntries(POLICIES.map((policy, i) => [policy, amounts.text(r.values[i]!)])) as Record<Policy, string>,
      spread: amounts.text(r.spread),
    }));
}
