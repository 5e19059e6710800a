/**
 * One bonus run: a pure function of (plan, data, history, period, as-of). The history is the
 * list of earlier final period results; nothing else carries state between periods.
 *
 * Pipeline: release -> before-run cancellations -> portions -> credit-graph order -> volumes,
 * ranks, activity -> bonuses -> ledger -> statements (docs/ARCHITECTURE.md).
 */
import type { PlanIR, Policy } from "../../compiler/ir.ts";
import type { Dataset, SplitAgreement } from "../data/model.ts";
import { isValidDate, isValidPeriod, previousPeriod } from "../dates.ts";
import type { PeriodResult, VolumeFigures } from "../result.ts";
import { afterRunCancellationsOf, processAfterRunCancellations } from "./afterRun.ts";
import { earliestAsOfFrom, finalAsOfProblem } from "./asOf.ts";
import { runAllBonuses } from "./bonuses/allBonuses.ts";
import { LedgerSink } from "./bonuses/sink.ts";
import { cancellationTakes, stockMovements } from "./cancellations.ts";
import { creditGraph } from "./creditGraph.ts";
import { deferredOrders } from "./deferred.ts";
import { internalError, refuse, success, type Outcome, type RunError } from "./errors.ts";
import { flagsOf, lateCancellations } from "./lateCancellers.ts";
import { buildBreakage, buildLedger } from "./ledger.ts";
import { preparePlan } from "./plan.ts";
import { agreementsInForce, buildPortions } from "./portions.ts";
import { qualify, type Qualification } from "./qualification.ts";
import { releaseOrders } from "./release.ts";
import { formatVolume } from "./rounding.ts";
import { buildStatements } from "./statements.ts";
import { buildStructure, idRecord, type Structure } from "./structure.ts";

export type { RunError } from "./errors.ts";

export interface PeriodRunInput {
  ir: PlanIR;
  data: Dataset;
  /** Earlier FINAL periods, oldest first, consecutive, the last one the month before `period`. */
  history: PeriodResult[];
  period: string;
  asOf: string;
  final: boolean;
  /** Overrides ir.cancellation.policy. */
  policy?: Policy;
  /** Overrides ir.split.mode. */
  splitMode?: "volume" | "commission";
  /** Leave the clawbacks of after-run cancellations out (a run "without" them, for comparisons). */
  ignoreAfterRunCancellations?: boolean;
}

export type PeriodOutcome = { ok: true; period: PeriodResult } | { ok: false; error: RunError };

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
  const built = buildStructure(data);
  if (!built.ok) return built;
  const structure = built.value;

  const releases = releaseOrders(ir, data, structure.orderIndex);
  if (final) {
    const refusal = finalAsOfProblem(releases, period, asOf);
    if (refusal !== null) return { ok: false, error: refusal };
  }
  const counted = releases.filter((r) => r.countsIn === period && r.releaseDate! <= asOf);

  const afterRun = afterRunCancellationsOf(data, structure, releases, period, asOf, history, (p) => earliestAsOfFrom(releases, p).asOf);
  const effects = processAfterRunCancellations(afterRun, history, {
    policy: input.policy ?? ir.cancellation.policy,
    ignore: input.ignoreAfterRunCancellations === true,
  });
  if (!effects.ok) return effects;

  const inForce: Map<string, SplitAgreement> = ir.split === null ? new Map() : agreementsInForce(data.splits, period);
  const splitMode = input.splitMode ?? ir.split?.mode ?? "volume";
  if (splitMode === "commission") {
    const split = counted.filter((r) => inForce.has(r.order.buyer));
    if (split.length > 0) {
      return refuse(
        "commission-split-unsupported",
        "commission-transfer splitting (split mode `commission`) is not implemented yet; use `mode volume`",
        split.map((r) => `order ${r.order.id}: buyer ${r.order.buyer} has a split agreement in force in ${period}`),
      );
    }
  }
  // Only volume splits shape portions and the credit graph.
  const volumeSplits: Map<string, SplitAgreement> = splitMode === "volume" ? inForce : new Map();
  const takes = cancellationTakes(data, structure);
  const portionSet = buildPortions(ir, structure, counted, takes, asOf, volumeSplits);
  if (!portionSet.ok) return portionSet;
  const { portions, measureTotals } = portionSet.value;

  const partnerAgreements = [...volumeSplits.values()].filter((a) => structure.indexOf.has(a.member));
  const graph = creditGraph(structure, partnerAgreements, period);
  if (!graph.ok) return graph;
  const qualification = qualify(plan, structure, graph.value, portions, period);

  const sink = new LedgerSink(plan.money);
  runAllBonuses(portions, measureTotals, { plan, structure, qualification, sink });
  const drafts = [...sink.entries, ...effects.value.entries];

  const listed = listedPartners(structure, qualification);
  return success({
    period,
    asOf,
    final,
    ...partnerFigures(ir, structure, qualification, listed),
    ledger: buildLedger(period, drafts, structure, plan.money),
    statements: buildStatements(listed, drafts, history[history.length - 1], structure, plan.money, plan.payoutMinimum),
    breakage: buildBreakage(sink.breakage(), plan.money),
    unrecovered: effects.value.unrecovered,
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
