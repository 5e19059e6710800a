/**
 * Each split agreement's own effect (issue 14 item 3): the run with every agreement against the
 * same run without that one agreement, in each split mode. The difference is what the agreement
 * moves — from the recruiter line to the supporter line, and through ranks and qualifications
 * that the moved volume changes — so a row no longer repeats the totals of the lines it shares
 * an upline with. Definitions (docs/playground-decisions.md, "Split agreement effects"):
 *
 * - a partner's change = earned over all periods through `through` with every agreement, minus
 *   earned without this agreement (positive: the agreement gives the partner money);
 * - recruiter line change = the sum of the changes of the recruiter and its upline, supporter
 *   line change likewise from the supporter; a partner on both lines (a shared upline) counts in
 *   both, so the two need not add up to the total;
 * - total change = the sum over every partner (what the agreement costs the company in earnings).
 *
 * Each agreement costs two more runs, so only the first MAX_AGREEMENT_EFFECTS agreements (in data
 * order) get one; the reply says how many were left out.
 */
import { Decimal, type Dataset, type Engine, firstPeriod, type PeriodResult, type PlanIR } from "../../../runtime/surface.ts";
import { compareIds } from "./ordering.ts";
import type { AgreementEffect, AgreementEffects, ModeEffect, SplitModeName } from "./protocol.ts";

export const MAX_AGREEMENT_EFFECTS = 25;
/** Partners listed per agreement and mode (largest changes first). */
const LISTED_PARTNERS = 8;
const MODES: readonly SplitModeName[] = ["volume", "commission"];

export type EffectProgress = (done: number, total: number, agreement: number) => void;

/** Earned per partner over all periods of a run. */
function earnedOf(periods: readonly PeriodResult[]): Map<string, Decimal> {
  const earned = new Map<string, Decimal>();
  for (const p of periods) {
    for (const [id, s] of Object.entries(p.statements)) {
      if (s.earned === "0" || /^0\.0*$/.test(s.earned)) continue;
      earned.set(id, (earned.get(id) ?? new Decimal(0)).plus(s.earned));
    }
  }
  return earned;
}

function uplineFrom(start: string, sponsorOf: Map<string, string | null>): string[] {
  const line: string[] = [];
  for (let p: string | null = start; p !== null && line.length <= sponsorOf.size; p = sponsorOf.get(p) ?? null) line.push(p);
  return line;
}

/**
 * Effects of the agreements in force through `through`; `withAll` holds the run with every
 * agreement in each mode (the split comparison's runs), so each agreement costs one run per mode.
 */
export async function agreementEffects(
  ir: PlanIR,
  data: Dataset,
  through: string,
  engine: Engine,
  withAll: Record<SplitModeName, readonly PeriodResult[]>,
  progress: EffectProgress,
  /** Awaited before each agreement's runs (the worker hears a Cancel there). */
  between: () => Promise<void> = async () => {},
): Promise<AgreementEffects> {
  const decimals = ir.rounding.unit.includes(".") ? ir.rounding.unit.length - ir.rounding.unit.indexOf(".") - 1 : 0;
  const sponsorOf = new Map(data.partners.map((p) => [p.id, p.sponsor] as const));
  const partnerOfCustomer = new Map(data.customers.map((c) => [c.id, c.partner] as const));
  // In force in at least one period of the run (as the split comparison counts them).
  const first = firstPeriod(data) ?? through;
  const inForce = data.splits.filter((a) => (a.from === null || a.from <= through) && (a.to === null || a.to >= first));
  const chosen = inForce.slice(0, MAX_AGREEMENT_EFFECTS);
  const baseline = Object.fromEntries(MODES.map((m) => [m, earnedOf(withAll[m])])) as Record<SplitModeName, Map<string, Decimal>>;
  const effects: AgreementEffect[] = [];
  for (const [i, agreement] of chosen.entries()) {
    await between();
    progress(i, chosen.length, agreement.index);
    const without: Dataset = { ...data, splits: data.splits.filter((a) => a !== agreement) };
    const recruiter = partnerOfCustomer.get(agreement.member) ?? sponsorOf.get(agreement.member) ?? null;
    const recruiterLine = recruiter === null ? [] : uplineFrom(recruiter, sponsorOf);
    const supporterLine = uplineFrom(agreement.supporter, sponsorOf);
    const byMode = {} as Record<SplitModeName, ModeEffect>;
    for (const mode of MODES) {
      const outcome = engine.runThrough(ir, without, { through, splitMode: mode });
      if (!outcome.ok) throw new Error(`the run without split agreement ${agreement.index + 1} (${mode} mode) was refused: ${outcome.error.message}`);
      byMode[mode] = modeEffect(baseline[mode], earnedOf(outcome.result.periods), recruiterLine, supporterLine, decimals);
    }
    effects.push({ agreement: agreement.index, member: agreement.member, recruiter, supporter: agreement.supporter, byMode });
  }
  progress(chosen.length, chosen.length, -1);
  return { effects, inForce: inForce.length, leftOut: inForce.length - chosen.length };
}

function modeEffect(withIt: Map<string, Decimal>, withoutIt: Map<string, Decimal>, recruiterLine: string[], supporterLine: string[], decimals: number): ModeEffect {
  const change = new Map<string, Decimal>();
  for (const id of new Set([...withIt.keys(), ...withoutIt.keys()])) {
    const d = (withIt.get(id) ?? new Decimal(0)).minus(withoutIt.get(id) ?? new Decimal(0));
    if (!d.isZero()) change.set(id, d);
  }
  const sum = (ids: Iterable<string>): string => {
    let total = new Decimal(0);
    for (const id of ids) total = total.plus(change.get(id) ?? 0);
    return total.toFixed(decimals);
  };
  const partners = [...change]
    .sort(([a, x], [b, y]) => y.abs().comparedTo(x.abs()) || compareIds(a, b))
    .slice(0, LISTED_PARTNERS)
    .map(([partner, d]) => ({ partner, change: d.toFixed(decimals) }));
  return { recruiterLine: sum(recruiterLine), supporterLine: sum(supporterLine), total: sum(change.keys()), partnersChanged: change.size, partners };
}
