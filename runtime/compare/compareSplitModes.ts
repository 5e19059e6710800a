/**
 * Volume split ("intelligent") against commission transfer ("primitive"), semantics §3, on the
 * same data and policy. Per mode and agreement: the recruiter line (the recruiter A — the
 * customer's partner or the partner member's sponsor — and A's upline to the top) and the
 * supporter line (S and S's upline), each partner with the highest paid-as rank it held and its
 * total earned over all periods through `through`. Totals count every partner of any recruiter
 * line once (and likewise supporter lines), plus the total payout. Definitions in
 * docs/semantics-decisions.md ("Comparisons").
 */
import type { Engine } from "../../core/engine.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, SplitAgreement } from "../../core/dataModel.ts";
import { periodsFromTo } from "../../core/dates.ts";
import { ZERO, type Decimal } from "../../core/decimal.ts";
import { internalError, runError, type RunError } from "../../core/runError.ts";
import { firstPeriod } from "../../core/orderPeriods.ts";
import type { PeriodResult } from "../../core/result.ts";
import { defaultEngine } from "../defaultEngine.ts";
import { addTo, Amounts, sumOf } from "./amounts.ts";
import type { AgreementFigures, LineFigures, SplitComparison, SplitModeFigures } from "./types.ts";

const MODES = ["volume", "commission"] as const;
type Mode = (typeof MODES)[number];

export type SplitComparisonOutcome = { ok: true; comparison: SplitComparison } | { ok: false; error: RunError };

/** Told each mode's run as it is made: for a caller that needs the same runs again (the playground's agreement effects), instead of running them twice. */
export type SplitRunListener = (mode: Mode, periods: readonly PeriodResult[]) => void;

export function compareSplitModes(ir: PlanIR, data: Dataset, through: string, engine: Engine = defaultEngine, onRun?: SplitRunListener): SplitComparisonOutcome {
  try {
    return compare(ir, data, through, engine, onRun);
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}

function compare(ir: PlanIR, data: Dataset, through: string, engine: Engine, onRun: SplitRunListener | undefined): SplitComparisonOutcome {
  if (ir.split === null) {
    return {
      ok: false,
      error: runError("no-split-block", `the plan "${ir.name}" has no split block, so split agreements are ignored and there are no split modes to compare`, [
        "add a split block (split \"Mentorenbonus\" { mode volume  measures PV, CV  default share 50% })",
      ]),
    };
  }
  const runs = new Map<Mode, PeriodResult[]>();
  for (const mode of MODES) {
    const outcome = engine.runThrough(ir, data, { through, splitMode: mode });
    if (!outcome.ok) return { ok: false, error: { ...outcome.error, message: `in ${mode} mode: ${outcome.error.message}` } };
    runs.set(mode, outcome.result.periods);
    onRun?.(mode, outcome.result.periods);
  }
  const lines = new Lines(data);
  const agreements = comparedAgreements(data, through).filter((a) => lines.recruiterOf(a.member) !== null);
  const amounts = new Amounts(ir);
  const modes = MODES.map((mode) => modeFigures(ir, mode, runs.get(mode)!, agreements, lines, amounts));
  return { ok: true, comparison: { plan: ir.name, through, modes } };
}

/** Agreements in force in at least one compared period, in document order. */
function comparedAgreements(data: Dataset, through: string): SplitAgreement[] {
  const first = firstPeriod(data);
  if (first === null || through < first) return [];
  const periods = periodsFromTo(first, through);
  return data.splits.filter((a) => periods.some((p) => (a.from === null || a.from <= p) && (a.to === null || p <= a.to)));
}

/** Recruiters and uplines from the data document. */
class Lines {
  private readonly sponsor = new Map<string, string | null>();
  private readonly customerPartner = new Map<string, string>();

  constructor(data: Dataset) {
    for (const p of data.partners) this.sponsor.set(p.id, p.sponsor);
    for (const c of data.customers) this.customerPartner.set(c.id, c.partner);
  }

  /** The customer's partner, or the partner member's sponsor; null for a top partner. */
  recruiterOf(member: string): string | null {
    return this.customerPartner.get(member) ?? this.sponsor.get(member) ?? null;
  }

  /** The partner, then its sponsor, and so on to the top. */
  uplineFrom(partner: string): string[] {
    const line: string[] = [];
    for (let p: string | null = partner; p !== null; p = this.sponsor.get(p) ?? null) line.push(p);
    return line;
  }
}

function modeFigures(ir: PlanIR, mode: Mode, periods: PeriodResult[], agreements: SplitAgreement[], lines: Lines, amounts: Amounts): SplitModeFigures {
  const earned = new Map<string, Decimal>();
  const best = new Map<string, number>();
  const rankIndex = new Map(ir.ranks.map((r, i) => [r.name, i] as const));
  for (const p of periods) {
    for (const [id, s] of Object.entries(p.statements)) addTo(earned, id, s.earned);
    for (const [id, rank] of Object.entries(p.ranks)) {
      const r = rank === null ? -1 : (rankIndex.get(rank) ?? -1);
      if (r > (best.get(id) ?? -1)) best.set(id, r);
    }
  }
  const figuresOf = (partners: string[]): LineFigures => {
    const rows = partners.map((partner) => {
      const r = best.get(partner) ?? -1;
      return { partner, rank: r < 0 ? null : ir.ranks[r]!.name, earned: amounts.text(earned.get(partner) ?? ZERO) };
    });
    return { partners: rows, earned: amounts.text(sumOf(rows.map((r) => r.earned))) };
  };
  const recruiterPartners = new Set<string>();
  const supporterPartners = new Set<string>();
  const figures: AgreementFigures[] = agreements.map((a) => {
    const recruiter = lines.recruiterOf(a.member)!;
    const recruiterLine = lines.uplineFrom(recruiter);
    const supporterLine = lines.uplineFrom(a.supporter);
    recruiterLine.forEach((p) => recruiterPartners.add(p));
    supporterLine.forEach((p) => supporterPartners.add(p));
    return {
      agreement: a.index, member: a.member, recruiter, supporter: a.supporter,
      recruiterLine: figuresOf(recruiterLine), supporterLine: figuresOf(supporterLine),
    };
  });
  const lineTotal = (partners: Set<string>) => amounts.text(sumOf([...partners].map((p) => earned.get(p) ?? ZERO)));
  return {
    mode,
    recruiterLinesEarned: lineTotal(recruiterPartners),
    supporterLinesEarned: lineTotal(supporterPartners),
    totalPayout: amounts.text(sumOf(periods.flatMap((p) => Object.values(p.statements).map((s) => s.payout)))),
    agreements: figures,
  };
}
