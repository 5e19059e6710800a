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
 *
 * comparePolicies reads each replay as period views and keeps only its figures before the next
 * replay runs (policyFigures.ts): at 100k partners no result document is ever built. The
 * playground, which shows the replays themselves, gets them as documents (replayPolicies) and the
 * same figures from them (comparisonOf).
 */
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { PeriodResult } from "../../core/result.ts";
import { compareIds, viewOfPeriod, type PeriodView } from "../../core/resultView.ts";
import { internalError, type RunError } from "../../core/runError.ts";
import { releaseOrders } from "../shared/release.ts";
import { defaultEngine } from "../defaultEngine.ts";
import { MinorAmounts } from "./minor.ts";
import { policyFiguresOf, type ReplayInput } from "./policyFigures.ts";
import type { PartnerDifference, PolicyComparison, PolicyFigures } from "./types.ts";

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
    const labels = ["without the after-run cancellations", ...POLICIES];
    const onPeriod = (i: number) => (progress ? { onPeriod: (period: string, index: number, count: number) => progress(labels[i]!, i, labels.length, period, index, count) } : {});
    const without = engine.runThroughView(ir, data, { through, ignoreAfterRunCancellations: true, ...onPeriod(0) });
    if (!without.ok) return { ok: false, error: without.error };
    const input = replayInput(ir, data);
    const results: { figures: PolicyFigures; earned: Map<string, bigint> }[] = [];
    for (const [i, policy] of POLICIES.entries()) {
      const outcome = engine.runThroughView(ir, data, { through, policy, ...onPeriod(i + 1) });
      if (!outcome.ok) return { ok: false, error: { ...outcome.error, message: `under the ${policy} policy: ${outcome.error.message}` } };
      results.push(policyFiguresOf(policy, outcome.view.periods, without.view.periods, input));
    }
    return { ok: true, comparison: comparisonFrom(ir, through, results, input.minor) };
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

/** The comparison of replays already run (as documents): the same figures comparePolicies reads from views. */
export function comparisonOf(ir: PlanIR, data: Dataset, through: string, { without, runs }: PolicyRuns): PolicyComparison {
  const input = replayInput(ir, data);
  const withoutViews: PeriodView[] = without.map(viewOfPeriod);
  const results = POLICIES.map((policy, i) => policyFiguresOf(policy, runs[i]!.map(viewOfPeriod), withoutViews, input));
  return comparisonFrom(ir, through, results, input.minor);
}

function replayInput(ir: PlanIR, data: Dataset): ReplayInput {
  const orderIndex = new Map(data.orders.map((o, i) => [o.id, i] as const));
  return { ir, data, orderIndex, releases: releaseOrders(ir, data, orderIndex), minor: new MinorAmounts(ir) };
}

function comparisonFrom(ir: PlanIR, through: string, results: { figures: PolicyFigures; earned: Map<string, bigint> }[], minor: MinorAmounts): PolicyComparison {
  return { plan: ir.name, through, policies: results.map((r) => r.figures), differences: differencesOf(results.map((r) => r.earned), minor) };
}

/** Each partner's total earned under each policy; the largest spreads (max − min > 0) first, then by id. */
function differencesOf(earnedBy: Map<string, bigint>[], minor: MinorAmounts): PartnerDifference[] {
  const partners = new Set<string>();
  for (const m of earnedBy) for (const id of m.keys()) partners.add(id);
  const rows: { partner: string; values: bigint[]; spread: bigint }[] = [];
  for (const partner of partners) {
    const values = earnedBy.map((m) => m.get(partner) ?? 0n);
    let max = values[0]!;
    let min = values[0]!;
    for (const v of values) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    if (max - min > 0n) rows.push({ partner, values, spread: max - min });
  }
  return rows
    .sort((a, b) => (a.spread > b.spread ? -1 : a.spread < b.spread ? 1 : compareIds(a.partner, b.partner)))
    .slice(0, MAX_DIFFERENCES)
    .map((r) => ({
      partner: r.partner,
      earned: Object.fromEntries(POLICIES.map((policy, i) => [policy, minor.text(r.values[i]!)])) as Record<Policy, string>,
      spread: minor.text(r.spread),
    }));
}
