/**
 * The policy comparison's replays as separate pieces, so a caller can run them on more than one
 * thread (the command line's `comp compare`, cli/compareInParallel.ts) and still get the figures
 * comparePolicies gives: the run without the after-run cancellations, read down to its paid-as
 * ranks (RankTable, plain data that crosses a worker boundary), then each policy's replay read
 * down to its figures and sums (PolicyReplay, plain data too), then the comparison of those.
 * Every piece is what comparePolicies itself runs, so a distributed comparison is byte-identical
 * to the one-thread one whichever thread ran which replay.
 */
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { PeriodView } from "../../core/resultView.ts";
import type { RunError } from "../../core/runError.ts";
import { orderDays } from "../shared/release.ts";
import { releaseDays } from "../shared/releaseDays.ts";
import { columnarOf, type ColumnarData } from "../compiled/columnar.ts";
import { releaseOf } from "../compiled/release.ts";
import { MinorAmounts } from "./minor.ts";
import { policyFiguresOf, type PolicyReplay, type RankListing, type ReplayInput } from "./policyFigures.ts";

/** One period of the run without the after-run cancellations: its partners (id order) and their paid-as ranks. */
export interface RankTable {
  period: string;
  ids: string[];
  ranks: (string | null)[];
}

/** Told before each period of a run (progress lines only). */
export type OnPeriod = (period: string, index: number, count: number) => void;

export type WithoutOutcome = { ok: true; periods: readonly PeriodView[] } | { ok: false; error: RunError };
export type ReplayOutcome = { ok: true; replay: PolicyReplay } | { ok: false; error: RunError };

/** The run without the after-run cancellations (the rank changes' baseline), as period views. */
export function runWithout(ir: PlanIR, data: Dataset, through: string, engine: Engine, onPeriod?: OnPeriod): WithoutOutcome {
  const without = engine.runThroughView(ir, data, { through, ignoreAfterRunCancellations: true, ...(onPeriod ? { onPeriod } : {}) });
  return without.ok ? { ok: true, periods: without.view.periods } : { ok: false, error: without.error };
}

/** What the policy figures read of the run without the after-run cancellations, as plain data. */
export function rankTablesOf(periods: readonly PeriodView[]): RankTable[] {
  return periods.map((p) => {
    const ids: string[] = new Array(p.partnerCount);
    const ranks: (string | null)[] = new Array(p.partnerCount);
    for (let i = 0; i < p.partnerCount; i++) {
      ids[i] = p.partnerId(i);
      ranks[i] = p.rank(i);
    }
    return { period: p.period, ids, ranks };
  });
}

export function rankListingOf(table: RankTable): RankListing {
  return { period: table.period, partnerCount: table.ids.length, partnerId: (i) => table.ids[i]!, rank: (i) => table.ranks[i]! };
}

/**
 * One policy's replay read down to its figures (the views are dropped when it returns). `without`
 * is needed only once the replay has run: a thread that gets it from another may pass a promise
 * of it through replayPolicyRun + figuresOfRun instead.
 */
export function replayPolicy(ir: PlanIR, data: Dataset, through: string, policy: Policy, without: readonly RankListing[], input: ReplayInput, engine: Engine, onPeriod?: OnPeriod): ReplayOutcome {
  const run = replayPolicyRun(ir, data, through, policy, engine, onPeriod);
  return run.ok ? { ok: true, replay: policyFiguresOf(policy, run.periods, without, input) } : run;
}

/** One policy's replay as period views (read them with policyFiguresOf). */
export function replayPolicyRun(ir: PlanIR, data: Dataset, through: string, policy: Policy, engine: Engine, onPeriod?: OnPeriod): WithoutOutcome {
  const outcome = engine.runThroughView(ir, data, { through, policy, ...(onPeriod ? { onPeriod } : {}) });
  if (!outcome.ok) return { ok: false, error: { ...outcome.error, message: `under the ${policy} policy: ${outcome.error.message}` } };
  return { ok: true, periods: outcome.view.periods };
}

/**
 * What every replay's figures read of the data: order positions, the month each order counts in,
 * the money decimals. After the compiled engine's runs these are its own, already built once per
 * data set and plan (the columnar model's order map, runtime/compiled/release.ts: the same
 * releaseDays over the same day numbers, orders in document order); otherwise built here.
 */
export function replayInput(ir: PlanIR, data: Dataset, engine?: Engine): ReplayInput {
  const minor = new MinorAmounts(ir);
  const columns = engine?.name === "compiled" ? columnsOrNull(data) : null;
  if (columns !== null && !columns.inconsistent) return { ir, data, orderIndex: columns.orderIndex, countsIn: releaseOf(ir, columns).countsIn, minor };
  const orderIndex = new Map(data.orders.map((o, i) => [o.id, i] as const));
  // Only the month each order counts in is read (for a few thousand clawed-back orders): the
  // day-number columns, not a Release object with date strings per order.
  return { ir, data, orderIndex, countsIn: releaseDays(ir, orderDays(data, orderIndex)).countsIn, minor };
}

/** The compiled engine's columns of the data (cached per Dataset), or null when they cannot be built (unchecked data). */
function columnsOrNull(data: Dataset): ColumnarData | null {
  try {
    return columnarOf(data);
  } catch {
    return null;
  }
}
