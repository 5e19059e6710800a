/**
 * Plan A vs plan B on the same data (`comp diff`, the playground's "compare with…"): what the
 * change costs in total and per bonus, who moves up or down a rank, who gains and loses most, and
 * how the per-partner changes are distributed. Both runs go through the given Engine.
 *
 * Decisions (docs/analysis.md, "comp diff"):
 * - A partner's change is B's earnings minus A's over all periods of the run (ledger amounts).
 * - Rank moves compare the paid-as rank in the last period (`through`) by position on each
 *   plan's own ladder (lowest = 1, no rank = 0), so plans with renamed ranks still compare.
 * - Bonuses are matched by title; a bonus only one plan has shows 0 for the other.
 * - The distribution counts partners listed in either run in fixed bands of money.
 */
import { type Decimal, ZERO } from "../../core/decimal.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { Engine } from "../../core/engine.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { RunError } from "../../core/run.ts";
import { compareIds } from "../../core/resultView.ts";
import { nearestRankPercentiles } from "../kpi/percentile.ts";
import { moneyDecimals, moneyText, summariseRun, type RunSummary } from "./runSummary.ts";
import { percentOfWhole } from "../../core/money.ts";

export interface PlanSide {
  plan: string;
  measure: string;
  volume: string;
  totalPayout: string;
  percentOfVolume: string;
  paidOut: string;
}

export interface PartnerChange {
  partner: string;
  a: string;
  b: string;
  change: string;
}

export interface RankMove {
  partner: string;
  a: string | null;
  b: string | null;
}

export interface PlanDiff {
  periods: string[];
  a: PlanSide;
  b: PlanSide;
  /** B − A. */
  change: { totalPayout: string; percentPoints: string };
  bonuses: { bonus: string; kind: string; a: string; b: string; change: string }[];
  ranks: { period: string; up: number; down: number; same: number; movedUp: RankMove[]; movedDown: RankMove[] };
  gainers: PartnerChange[];
  losers: PartnerChange[];
  distribution: {
    partners: number;
    gained: number;
    lost: number;
    unchanged: number;
    /** Percentiles of the per-partner change (nearest rank), and the extremes. */
    percentiles: { lowest: string; p10: string; median: string; p90: string; highest: string };
    bands: { band: string; partners: number }[];
  };
}

export type DiffOutcome = { ok: true; diff: PlanDiff } | { ok: false; plan: "a" | "b"; error: RunError };

export interface DiffOptions {
  through: string;
  policy?: Policy;
  /** How many partners to list among gainers, losers and rank moves (default 10). */
  top?: number;
}

export function diffPlans(engine: Engine, a: PlanIR, b: PlanIR, data: Dataset, options: DiffOptions): DiffOutcome {
  const run = (ir: PlanIR) => engine.runThroughView(ir, data, { through: options.through, ...(options.policy ? { policy: options.policy } : {}) });
  const ra = run(a);
  if (!ra.ok) return { ok: false, plan: "a", error: ra.error };
  const rb = run(b);
  if (!rb.ok) return { ok: false, plan: "b", error: rb.error };
  return { ok: true, diff: diffSummaries(summariseRun(a, ra.view), summariseRun(b, rb.view), Math.max(moneyDecimals(a), moneyDecimals(b)), options.top ?? 10) };
}

function side(s: RunSummary, decimals: number): PlanSide {
  return {
    plan: s.plan, measure: s.measure, volume: s.volume.toFixed(), totalPayout: moneyText(s.totalEarned, decimals),
    percentOfVolume: percentOfWhole(s.totalEarned, s.volume), paidOut: moneyText(s.totalPaidOut, decimals),
  };
}

export function diffSummaries(a: RunSummary, b: RunSummary, decimals: number, top: number): PlanDiff {
  const money = (d: Decimal) => moneyText(d, decimals);
  const pa = a.volume.isZero() ? ZERO : a.totalEarned.times(100).div(a.volume);
  const pb = b.volume.isZero() ? ZERO : b.totalEarned.times(100).div(b.volume);

  const titles = [...a.bonuses.map((x) => x.bonus), ...b.bonuses.map((x) => x.bonus).filter((t) => !a.bonuses.some((x) => x.bonus === t))];
  const bonuses = titles.map((title) => {
    const xa = a.bonuses.find((x) => x.bonus === title);
    const xb = b.bonuses.find((x) => x.bonus === title);
    const va = xa?.amount ?? ZERO;
    const vb = xb?.amount ?? ZERO;
    return { bonus: title, kind: (xa ?? xb)!.kind, a: money(va), b: money(vb), change: money(vb.minus(va)) };
  });

  const ids = [...new Set([...a.partners.keys(), ...b.partners.keys()])].sort(compareIds);
  const changes = ids.map((id) => {
    const ea = a.partners.get(id)?.earned ?? ZERO;
    const eb = b.partners.get(id)?.earned ?? ZERO;
    return { id, ea, eb, change: eb.minus(ea) };
  });
  const asChange = (c: (typeof changes)[number]): PartnerChange => ({ partner: c.id, a: money(c.ea), b: money(c.eb), change: money(c.change) });
  const gainers = changes.filter((c) => c.change.gt(0)).sort((x, y) => y.change.comparedTo(x.change) || compareIds(x.id, y.id)).slice(0, top).map(asChange);
  const losers = changes.filter((c) => c.change.lt(0)).sort((x, y) => x.change.comparedTo(y.change) || compareIds(x.id, y.id)).slice(0, top).map(asChange);

  const sorted = changes.map((c) => c.change).sort((x, y) => x.comparedTo(y));
  const [p10, median, p90, highest] = nearestRankPercentiles(sorted, [10, 50, 90, 100]).map(money) as [string, string, string, string];
  const lowest = money(sorted[0] ?? ZERO);

  return {
    periods: a.periods,
    a: side(a, decimals),
    b: side(b, decimals),
    change: { totalPayout: money(b.totalEarned.minus(a.totalEarned)), percentPoints: pb.minus(pa).toFixed(2) },
    bonuses,
    ranks: rankMoves(a, b, ids, top),
    gainers,
    losers,
    distribution: {
      partners: changes.length,
      gained: changes.filter((c) => c.change.gt(0)).length,
      lost: changes.filter((c) => c.change.lt(0)).length,
      unchanged: changes.filter((c) => c.change.isZero()).length,
      percentiles: { lowest, p10, median, p90, highest },
      bands: bandsOf(sorted),
    },
  };
}

function rankMoves(a: RunSummary, b: RunSummary, ids: string[], top: number): PlanDiff["ranks"] {
  const last = a.periods.length - 1;
  const movedUp: RankMove[] = [];
  const movedDown: RankMove[] = [];
  let up = 0;
  let down = 0;
  let same = 0;
  for (const id of ids) {
    const ra = a.partners.get(id)?.ranks[last] ?? null;
    const rb = b.partners.get(id)?.ranks[last] ?? null;
    if (ra === null && rb === null) continue;
    const move: RankMove = { partner: id, a: ra !== null && ra >= 0 ? a.rankNames[ra]! : null, b: rb !== null && rb >= 0 ? b.rankNames[rb]! : null };
    const delta = (rb ?? -1) - (ra ?? -1);
    if (delta > 0) {
      up++;
      if (movedUp.length < top) movedUp.push(move);
    } else if (delta < 0) {
      down++;
      if (movedDown.length < top) movedDown.push(move);
    } else same++;
  }
  return { period: a.periods[last] ?? "", up, down, same, movedUp, movedDown };
}

/** Fixed money bands, so two diffs can be read side by side. */
const EDGES = [-1000, -100, -10, 0, 10, 100, 1000];

function bandsOf(sorted: Decimal[]): { band: string; partners: number }[] {
  const bands: { band: string; partners: number; test: (d: Decimal) => boolean }[] = [
    { band: `below ${EDGES[0]}`, partners: 0, test: (d) => d.lt(EDGES[0]!) },
  ];
  for (let i = 0; i + 1 < EDGES.length; i++) {
    const [lo, hi] = [EDGES[i]!, EDGES[i + 1]!];
    if (lo === 0) bands.push({ band: "0 (unchanged)", partners: 0, test: (d) => d.isZero() });
    bands.push({
      band: `${lo} to ${hi}`,
      partners: 0,
      test: (d) => (lo < 0 ? d.gte(lo) && (hi === 0 ? d.lt(0) : d.lt(hi)) : (lo === 0 ? d.gt(0) : d.gte(lo)) && d.lt(hi)),
    });
  }
  bands.push({ band: `${EDGES[EDGES.length - 1]} and above`, partners: 0, test: (d) => d.gte(EDGES[EDGES.length - 1]!) });
  for (const d of sorted) {
    const band = bands.find((x) => x.test(d));
    if (band) band.partners++;
  }
  return bands.map(({ band, partners }) => ({ band, partners }));
}

