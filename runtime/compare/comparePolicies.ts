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
 * replay runs (policyFigures.ts): at 100k partners no result document is ever built.
 * comparePoliciesInFull adds the bottom line and the clawback entries the playground's compare
 * view shows, from the same views. replayPolicies gives the replays as documents, and
 * comparisonOf and bottomLinesOf the same figures from them.
 */
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { compareIds, viewOfPeriod, type PeriodView } from "../../core/resultView.ts";
import { internalError, type RunError } from "../../core/runError.ts";
import { defaultEngine } from "../defaultEngine.ts";
import { MinorAmounts } from "./minor.ts";
import { policyFiguresOf, type PolicyReplay } from "./policyFigures.ts";
import { replayInput, replayPolicyRun, runWithout } from "./policyReplays.ts";
import type { EarnedByPartner } from "./replayTotals.ts";
import { POLICIES } from "./policies.ts";
import { bottomLinesFrom, type PolicyBottomLines } from "./bottomLine.ts";
import type { PartnerDifference, PolicyComparison } from "./types.ts";

export { POLICIES };
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
    const replayed = replayViews(ir, data, through, progress, engine);
    if (!replayed.ok) return replayed;
    return { ok: true, comparison: comparisonFrom(ir, through, replayed.replays, replayed.minor) };
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

/** What the playground's compare view shows of the policy replays: the comparison, its bottom line, and each policy's clawback entries. */
export interface PolicyComparisonInFull {
  comparison: PolicyComparison;
  bottom: PolicyBottomLines;
  /** Per policy (in the order of POLICIES): every cancellation-linked ledger entry of every period, in ledger order. */
  clawbacks: LedgerEntry[][];
}

/**
 * comparePolicies with the bottom line (bottomLine.ts) and the clawback entries, from the same
 * period views: each replay's views are read once and dropped before the next replay, so no
 * result document is built (the playground's compare job; replayPolicies + comparisonOf +
 * bottomLinesOf give the same figures from documents).
 */
export function comparePoliciesInFull(
  ir: PlanIR,
  data: Dataset,
  through: string,
  progress?: ComparisonProgress,
  engine: Engine = defaultEngine,
): PolicyComparisonInFullOutcome {
  return runToEnd(inFullSteps(ir, data, through, progress, engine));
}

/**
 * comparePoliciesInFull with a pause between the replays: `between` is awaited after each replay
 * but the last, and what it throws (a cancel) ends the comparison with that error. The
 * playground's worker yields there so that a Cancel sent by the page is heard while the worker
 * keeps the shown run (each replay itself runs to its end: the engine is synchronous).
 */
export async function comparePoliciesInFullAsync(
  ir: PlanIR,
  data: Dataset,
  through: string,
  between: () => Promise<void>,
  progress?: ComparisonProgress,
  engine: Engine = defaultEngine,
): Promise<PolicyComparisonInFullOutcome> {
  const steps = inFullSteps(ir, data, through, progress, engine);
  let step = steps.next();
  while (!step.done) {
    await between();
    step = steps.next();
  }
  return step.value;
}

export type PolicyComparisonInFullOutcome = { ok: true; compared: PolicyComparisonInFull } | { ok: false; error: RunError };

/** The comparison in full, yielding after each replay but the last (both drivers above give the same figures). */
function* inFullSteps(ir: PlanIR, data: Dataset, through: string, progress: ComparisonProgress | undefined, engine: Engine): Generator<void, PolicyComparisonInFullOutcome, void> {
  const steps = replaySteps(ir, data, through, progress, engine);
  for (;;) {
    let step: IteratorResult<void, ReplaysOutcome>;
    try {
      step = steps.next();
    } catch (error) {
      return { ok: false, error: internalError(error) };
    }
    if (!step.done) {
      yield;
      continue;
    }
    const replayed = step.value;
    if (!replayed.ok) return replayed;
    try {
      const { replays, periods, minor } = replayed;
      return {
        ok: true,
        compared: {
          comparison: comparisonFrom(ir, through, replays, minor),
          bottom: bottomLinesFrom(ir, data, periods, replays),
          clawbacks: replays.map((r) => r.clawbacks),
        },
      };
    } catch (error) {
      return { ok: false, error: internalError(error) };
    }
  }
}

type ReplaysOutcome = { ok: true; replays: PolicyReplay[]; periods: string[]; minor: MinorAmounts } | { ok: false; error: RunError };

/** The run without the after-run cancellations, then one replay per policy, each read as views and kept only as its figures. */
function replayViews(ir: PlanIR, data: Dataset, through: string, progress: ComparisonProgress | undefined, engine: Engine): ReplaysOutcome {
  return runToEnd(replaySteps(ir, data, through, progress, engine));
}

/** A stepwise computation run without pauses. */
function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** replayViews one replay at a time: yields after each replay but the last. */
function* replaySteps(ir: PlanIR, data: Dataset, through: string, progress: ComparisonProgress | undefined, engine: Engine): Generator<void, ReplaysOutcome, void> {
  const labels = ["without the after-run cancellations", ...POLICIES];
  const onPeriod = (i: number) => (progress ? (period: string, index: number, count: number) => progress(labels[i]!, i, labels.length, period, index, count) : undefined);
  const without = runWithout(ir, data, through, engine, onPeriod(0));
  if (!without.ok) return without;
  const input = replayInput(ir, data, engine);
  const replays: PolicyReplay[] = [];
  let periods: string[] = [];
  for (const [i, policy] of POLICIES.entries()) {
    yield;
    const outcome = replayPolicyRun(ir, data, through, policy, engine, onPeriod(i + 1));
    if (!outcome.ok) return outcome;
    if (i === 0) periods = outcome.periods.map((p) => p.period);
    replays.push(policyFiguresOf(policy, outcome.periods, without.periods, input));
  }
  return { ok: true, replays, periods, minor: input.minor };
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

/** The comparison of the replays' figures, in the order of POLICIES (only `figures` and `totals.earnedBy` are read). */
export function comparisonFrom(ir: PlanIR, through: string, replays: readonly Pick<PolicyReplay, "figures" | "totals">[], minor: MinorAmounts): PolicyComparison {
  return { plan: ir.name, through, policies: replays.map((r) => r.figures), differences: differencesOf(replays.map((r) => r.totals.earnedBy), minor) };
}

/** Each partner's total earned under each policy; the largest spreads (max − min > 0) first, then by id. */
function differencesOf(earnedBy: readonly EarnedByPartner[], minor: MinorAmounts): PartnerDifference[] {
  const rows: { partner: string; values: bigint[]; spread: bigint }[] = [];
  const consider = (partner: string, values: bigint[]) => {
    let max = values[0]!;
    let min = values[0]!;
    for (const v of values) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    if (max - min > 0n) rows.push({ partner, values, spread: max - min });
  };
  const first = earnedBy[0];
  // Every replay lists the same partners in its last period (same data, same period): read them by index.
  const aligned = first !== undefined && earnedBy.every((e) => e.others.size === 0 && e.ids.length === first.ids.length && e.ids.every((id, i) => id === first.ids[i]));
  if (aligned) {
    for (let i = 0; i < first.ids.length; i++) consider(first.ids[i]!, earnedBy.map((e) => e.earned[i]!));
  } else {
    const maps = earnedBy.map((e) => {
      const m = new Map(e.others);
      e.ids.forEach((id, i) => m.set(id, (m.get(id) ?? 0n) + e.earned[i]!));
      return m;
    });
    const partners = new Set<string>();
    for (const m of maps) for (const id of m.keys()) partners.add(id);
    for (const partner of partners) consider(partner, maps.map((m) => m.get(partner) ?? 0n));
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
