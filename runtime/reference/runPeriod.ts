/**
 * One bonus run: a pure function of (plan, data, history, period, as-of). The history is the
 * list of earlier final period results; nothing else carries state between periods.
 *
 * Pipeline: release -> before-run cancellations -> portions -> after-run cancellations (clawback
 * portions under `simple`/`previous-rank`) -> credit-graph order -> volumes, ranks, activity ->
 * bonuses -> clawbacks (`previous-rank`, `exact`) -> commission transfers -> ledger ->
 * statements (docs/ARCHITECTURE.md, docs/semantics-decisions.md).
 */
import type { PeriodOutcome, PeriodRunInput } from "../../core/run.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, SplitAgreement } from "../../core/dataModel.ts";
import { isValidDate, isValidPeriod, previousPeriod } from "../../core/dates.ts";
import type { PeriodResult, VolumeFigures } from "../../core/result.ts";
import { afterRunCancellationsOf, clawbackPortions } from "./cancellations/afterRun.ts";
import { exactReversals } from "./cancellations/exact.ts";
import { originalRuns, type OriginalRuns } from "./cancellations/history.ts";
import { previousRankClawbacks } from "./cancellations/previousRank.ts";
import { cancellationTakes, stockMovements } from "./cancellations/takes.ts";
import { unrecoveredClawbacks } from "./cancellations/unrecovered.ts";
import { commissionTransfers } from "./commissionTransfer.ts";
import { earliestAsOfFrom, finalAsOfProblem } from "./asOf.ts";
import { runAllBonuses } from "./bonuses/allBonuses.ts";
import type { Standing } from "./bonuses/context.ts";
import { LedgerSink } from "./bonuses/sink.ts";
import { creditGraph } from "./creditGraph.ts";
import { deferredOrders } from "./deferred.ts";
import { internalError, refuse, success, type Outcome } from "../../core/runError.ts";
import { flagsOf, lateCancellations } from "../shared/lateCancellers.ts";
import { buildBreakage, buildLedger } from "./ledger.ts";
import { preparePlan } from "./plan.ts";
import { agreementsInForce, buildPortions } from "./portions.ts";
import { qualify, type Qualification } from "./qualification.ts";
import { releaseOrders } from "../shared/release.ts";
import { formatVolume } from "../../core/money.ts";
import { buildStatements } from "./statements.ts";
import { buildStructure, idRecord, type Structure } from "./structure.ts";

export type { RunError, PeriodRunInput, PeriodOutcome } from "../../core/run.ts";

export function runPeriod(input: PeriodRunInput): PeriodOutcome {
  try {
    const outcome = computePeriod(input);
    return outcome.ok ? { ok: true, period: outcome.value } : outcome;
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

/**
 * The earliest as-of date a final run of `period` may have, and the orders that push it past the
 * first day of the next period (ids, earliest deadline first). `period` must be `YYYY-MM`.
 */
export function earliestFinalAsOf(ir: PlanIR, data: Dataset, period: string): { asOf: string; blocking: string[] } {
  const orderIndex = new Map(data.orders.map((o, i) => [o.id, i] as const));
  const earliest = earliestAsOfFrom(releaseOrders(ir, data, orderIndex), period);
  return { asOf: earliest.asOf, blocking: earliest.blocking.map((r) => r.order.id) };
}

function inputProblem(input: PeriodRunInput): Outcome<never> | null {
  if (!isValidPeriod(input.period)) return refuse("invalid-period", `"${input.period}" is not a period (YYYY-MM)`);
  if (!isValidDate(input.asOf)) return refuse("invalid-as-of", `"${input.asOf}" is not a date (YYYY-MM-DD)`);
  const problems: string[] = [];
  input.history.forEach((h, i) => {
    if (!h.final) problems.push(`history[${i}] (${h.period}) is a preliminary run; only final runs are history`);
    if (!isValidPeriod(h.period)) problems.push(`history[${i}]: "${h.period}" is not a period`);
    else if (i > 0 && isValidPeriod(input.history[i - 1]!.period) && previousPeriod(h.period) !== input.history[i - 1]!.period) {
      problems.push(`history[${i}] (${h.period}) does not follow history[${i - 1}] (${input.history[i - 1]!.period})`);
    }
  });
  const last = input.history[input.history.length - 1];
  if (last !== undefined && isValidPeriod(last.period) && last.period !== previousPeriod(input.period)) {
    problems.push(`the history ends with ${last.period}; a run of ${input.period} needs it to end with ${previousPeriod(input.period)}`);
  }
  if (problems.length > 0) return refuse("invalid-history", "the history is not a consecutive list of earlier final runs", problems);
  return null;
}

function computePeriod(input: PeriodRunInput): Outcome<PeriodResult> {
  const problem = inputProblem(input);
  if (problem !== null) return problem;
  const { ir, data, history, period, asOf, final } = input;
  const prepared = preparePlan(ir);
  if (!prepared.ok) return prepared;
  const plan = prepared.value;
  input.onStep?.("volumes");
  const built = buildStructure(data);
  if (!built.ok) return built;
  const structure = built.value;

  const releases = releaseOrders(ir, data, structure.orderIndex);
  if (final) {
    const refusal = finalAsOfProblem(releases, period, asOf);
    if (refusal !== null) return { ok: false, error: refusal };
  }
  const counted = releases.filter((r) => r.countsIn === period && r.releaseDate! <= asOf);
  const takes = cancellationTakes(data, structure);
  const policy = input.policy ?? ir.cancellation.policy;

  const found = afterRunCancellationsOf(ir, data, structure.orderIndex, takes, {
    period, asOf,
    commissionedIn: (o) => releases[o]!.countsIn,
    historyAsOf: (p) => history.find((h) => h.period === p)?.asOf,
    earliestAsOf: (p) => earliestAsOfFrom(releases, p).asOf,
  });
  if (!found.ok) return found;
  // A run "without" the after-run cancellations leaves out everything they do to the ledger and
  // the volumes; their flags, holds and stock movements depend on the data alone and stay.
  const afterRun = input.ignoreAfterRunCancellations === true ? [] : found.value;
  const runs = policy === "simple" || afterRun.length === 0 ? success<OriginalRuns>(new Map()) : originalRuns(afterRun, history);
  if (!runs.ok) return runs;

  const inForce: Map<string, SplitAgreement> = ir.split === null ? new Map() : agreementsInForce(data.splits, period);
  const splitMode = input.splitMode ?? ir.split?.mode ?? "volume";
  // Only volume splits shape portions and the credit graph.
  const volumeSplits: Map<string, SplitAgreement> = splitMode === "volume" ? inForce : new Map();
  const portionSet = buildPortions(ir, structure, counted, takes, asOf, volumeSplits);
  if (!portionSet.ok) return portionSet;
  const { portions, measureTotals } = portionSet.value;
  const clawbacks = policy === "exact" ? [] : clawbackPortions(ir, structure, afterRun, volumeSplits);
  // simple: −c is a negative order of this period (volumes, ranks, activity, bonuses);
  // simple and previous-rank: −c lowers the pool base; exact gives back from the original pool.
  const periodPortions = policy === "simple" ? [...portions, ...clawbacks] : portions;
  const poolTotals = policy === "exact" ? measureTotals : measureTotals.map((t, k) => afterRun.reduce((sum, c) => sum.minus(c.cancelled[k]!), t));

  const partnerAgreements = [...volumeSplits.values()].filter((a) => structure.indexOf.has(a.member));
  const graph = creditGraph(structure, partnerAgreements, period);
  if (!graph.ok) return graph;
  const qualification = qualify(plan, structure, graph.value, periodPortions, period);

  input.onStep?.("bonuses");
  const sink = new LedgerSink(plan.money);
  runAllBonuses(periodPortions, poolTotals, { plan, structure, qualification, sink });
  let clawbackStandings = new Map<number, Standing>();
  if (policy === "previous-rank") {
    const written = previousRankClawbacks(ir, plan, structure, clawbacks, afterRun, runs.value, sink);
    if (!written.ok) return written;
    clawbackStandings = written.value;
  }
  const drafts = [...sink.entries];
  if (policy === "exact") {
    const reversals = exactReversals(ir, plan, structure, afterRun, runs.value);
    if (!reversals.ok) return reversals;
    drafts.push(...reversals.value);
  }
  if (splitMode === "commission") {
    drafts.push(...commissionTransfers(drafts, {
      ir, plan, data, structure, inForce,
      supporterEligible: (entry, supporter) => (clawbackStandings.get(entry.clawback?.sequence ?? -1) ?? qualification).eligible[supporter] === 1,
    }));
  }

  input.onStep?.("statements");
  const listed = listedPartners(structure, qualification);
  return success({
    period,
    asOf,
    final,
    ...partnerFigures(ir, structure, qualification, listed),
    ledger: buildLedger(period, drafts, structure, plan.money),
    statements: buildStatements(listed, drafts, history[history.length - 1], structure, plan.money, plan.payoutMinimum),
    breakage: buildBreakage(sink.breakage(), plan.money),
    unrecovered: unrecoveredClawbacks(drafts, structure, period, plan.money),
    flags: flagsOf(ir, lateCancellations(ir, data, structure.orderIndex), period, asOf),
    deferred: deferredOrders(releases, period, asOf, final),
    stock: stockMovements(takes, period, asOf),
  });
}

/** Partners joined by the end of the period, by ascending id (the result's listing order). */
function listedPartners(structure: Structure, q: Qualification): number[] {
  const listed: number[] = [];
  for (let p = 0; p < structure.partners.length; p++) if (q.joined[p]) listed.push(p);
  const id = (p: number) => structure.partners[p]!.id;
  return listed.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

function partnerFigures(ir: PlanIR, structure: Structure, q: Qualification, listed: number[]): Pick<PeriodResult, "ranks" | "active" | "volumes"> {
  const ranks: PeriodResult["ranks"] = idRecord();
  const active: PeriodResult["active"] = idRecord();
  const volumes: PeriodResult["volumes"] = idRecord();
  for (const p of listed) {
    const id = structure.partners[p]!.id;
    const rank = q.rank[p]!;
    ranks[id] = rank < 0 ? null : ir.ranks[rank]!.name;
    active[id] = q.eligible[p] === 1;
    const figures: Record<string, VolumeFigures> = idRecord();
    ir.measures.forEach((m, k) => {
      figures[m.name] = {
        personal: formatVolume(q.personal[k]![p]!),
        group: formatVolume(q.group[k]![p]!),
        open: formatVolume(q.open[k]![p]!),
      };
    });
    volumes[id] = figures;
  }
  return { ranks, active, volumes };
}
