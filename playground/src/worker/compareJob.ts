/**
 * The compare view's job: the three cancellation policies side by side (runtime/compare) with
 * their bottom line, and the two split modes when the plan splits and the data has agreements to
 * split. Progress names the replay (policy or mode) and the period.
 *
 * The policy replays are read as the engine's period views (comparePoliciesInFull): the page
 * shows their figures, bottom line and per-order clawbacks, never a replay's result document, so
 * none is built — at 100k partners turning every period of four replays into documents took
 * most of the comparison (docs/PERFORMANCE.md, "Playground at 100k").
 *
 * `between` is awaited between two runs of the engine (a replay, a split mode, an agreement's
 * runs): the worker yields there so that the page's Cancel is heard, and throws to stop the job.
 */
import { comparePoliciesInFullAsync, compareSplitModes, Decimal, type Dataset, type Engine, type LedgerEntry, type PeriodResult, type PlanIR, type Policy } from "../../../runtime/surface.ts";
import type { CompareReply, OrderClawbacks } from "./protocol.ts";
import { compareIds } from "./ordering.ts";
import { agreementEffects, MAX_AGREEMENT_EFFECTS } from "./agreementEffects.ts";

export type Progress = (stage: string, fraction?: number | null) => void;

/** A pause that does nothing: the job runs to its end. */
const noPause = async (): Promise<void> => {};

export async function compareAll(ir: PlanIR, data: Dataset, through: string, progress: Progress, engine: Engine, between: () => Promise<void> = noPause): Promise<CompareReply> {
  const splitsSkipped =
    ir.split === null ? "the plan has no split block" : data.splits.length === 0 ? "the data has no split agreements" : null;
  // The policy replays are 4 runs; the split modes 2 more.
  const total = splitsSkipped === null ? 6 : 4;
  const replayed = await comparePoliciesInFullAsync(ir, data, through, between, (run, i, _runs, period, p, periods) =>
    progress(`comparing: ${run} (replay ${i + 1} of ${total}) · period ${period} (${p + 1} of ${periods})`, (i + p / periods) / total),
    engine,
  );
  const policies = replayed.ok ? { ok: true as const, comparison: replayed.compared.comparison } : replayed;
  const bottom = replayed.ok ? replayed.compared.bottom : null;
  const unit = ir.rounding.unit;
  const clawbacksByOrder = replayed.ok ? byOrder(replayed.compared.clawbacks, unit.includes(".") ? unit.length - unit.indexOf(".") - 1 : 0) : [];
  if (splitsSkipped !== null) return { through, policies, bottom, clawbacksByOrder, splits: null, splitsSkipped, agreementEffects: null };
  await between();
  progress(`comparing: volume and commission split modes (replays 5–6 of ${total}) through ${through}`, 4 / total);
  // Each agreement's own effect: the runs with every agreement (the split comparison's own two
  // runs, kept as it makes them), then one run per mode without the agreement.
  const withAll: Partial<Record<"volume" | "commission", readonly PeriodResult[]>> = {};
  const splits = compareSplitModes(ir, data, through, engine, (mode, periods) => (withAll[mode] = periods));
  if (!splits.ok) return { through, policies, bottom, clawbacksByOrder, splits, splitsSkipped: null, agreementEffects: null };
  await between();
  const effects = await agreementEffects(ir, data, through, engine, { volume: withAll.volume ?? splitRun(ir, data, through, "volume", engine), commission: withAll.commission ?? splitRun(ir, data, through, "commission", engine) }, (done, count, agreement) => {
    if (agreement >= 0) progress(`comparing: the effect of split agreement ${agreement + 1} (${done + 1} of ${count}${data.splits.length > MAX_AGREEMENT_EFFECTS ? `, the first ${MAX_AGREEMENT_EFFECTS}` : ""}) in both modes`, 5 / 6 + done / count / 6);
  }, between);
  return { through, policies, bottom, clawbacksByOrder, splits, splitsSkipped: null, agreementEffects: effects };
}

function splitRun(ir: PlanIR, data: Dataset, through: string, mode: "volume" | "commission", engine: Engine): PeriodResult[] {
  const outcome = engine.runThrough(ir, data, { through, splitMode: mode });
  if (!outcome.ok) throw new Error(`the ${mode}-mode run was refused: ${outcome.error.message}`);
  return outcome.result.periods;
}

const POLICY_ORDER: readonly Policy[] = ["simple", "previous-rank", "exact"];

/** The clawback entries of each policy's replay (in the order of POLICY_ORDER), summed per cancelled order and recipient. */
function byOrder(clawbacks: readonly (readonly LedgerEntry[])[], decimals: number): OrderClawbacks[] {
  const orders = new Map<string, Map<Policy, Map<string, Decimal>>>();
  clawbacks.forEach((entries, i) => {
    const policy = POLICY_ORDER[i]!;
    for (const e of entries) {
      if (e.cancellation === undefined || e.order === undefined) continue;
      const perPolicy = orders.get(e.order) ?? new Map<Policy, Map<string, Decimal>>();
      orders.set(e.order, perPolicy);
      const sums = perPolicy.get(policy) ?? new Map<string, Decimal>();
      perPolicy.set(policy, sums);
      sums.set(e.recipient, (sums.get(e.recipient) ?? new Decimal(0)).plus(e.amount));
    }
  });
  return [...orders.keys()].sort(compareIds).map((order) => ({
    order,
    byPolicy: Object.fromEntries(
      POLICY_ORDER.map((policy) => [
        policy,
        [...(orders.get(order)?.get(policy) ?? new Map<string, Decimal>())].sort(([a], [b]) => compareIds(a, b)).map(([partner, amount]) => ({ partner, amount: amount.toFixed(decimals) })),
      ]),
    ) as Record<Policy, { partner: string; amount: string }[]>,
  }));
}
