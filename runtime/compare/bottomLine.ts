/**
 * The bottom line of a policy comparison (docs/semantics-decisions.md, "Comparison bottom line"):
 * what each policy costs the company, the clawbacks per partner, and the balances left at the
 * end, with the unrecovered loss kept apart from the carried negative balances. Over all periods
 * of the replays; amounts are strings with the plan's money decimals, exact in between.
 */
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { PeriodResult } from "../../core/result.ts";
import { addTo, Amounts, compareIds, sumOf } from "./amounts.ts";
import { POLICIES, type PolicyRuns } from "./comparePolicies.ts";

export interface PolicyBottomLine {
  policy: Policy;
  /** Σ earned of every statement of every period: what the plan gave partners, net of clawbacks. */
  totalEarned: string;
  /** Σ payout of every statement: the money that left the company. */
  totalPayout: string;
  /** Positive balances carried out of the last period (below the minimum payout): still owed to partners. */
  carriedPositive: string;
  /** Negative balances of partners not terminated, carried out of the last period (positive): netted from their future earnings. */
  owedByActive: string;
  /** Negative balances of terminated partners, carried out of the last period (positive): never recovered. */
  owedByTerminated: string;
  /** Σ of the run's unrecovered rows (positive): clawbacks charged to terminated partners. */
  unrecovered: string;
  /** owedByTerminated − unrecovered: what terminated partners owe beyond their unrecovered clawbacks (negative when earlier earnings covered part of the clawback). */
  terminatedOtherBalance: string;
  /** The cost to the company once every balance settles: payout + carriedPositive − owedByActive (= totalEarned + owedByTerminated). */
  netCost: string;
  /** netCost − the plan's own policy's netCost. */
  differenceFromPlan: string;
}

export interface PartnerClawback {
  partner: string;
  /** Terminated by the end of the last period: what they owe is lost. */
  terminated: boolean;
  /** What the partner pays back under each policy (−Σ of its cancellation-linked entries), "0.00" when nothing. */
  paidBack: Record<Policy, string>;
}

export interface PolicyBottomLines {
  /** Every period the replays cover, first to last. */
  periods: string[];
  planPolicy: Policy;
  bottomLines: PolicyBottomLine[];
  /** Every partner charged a clawback under any policy, by partner id. */
  clawbacks: PartnerClawback[];
}

export function bottomLinesOf(ir: PlanIR, data: Dataset, { runs }: PolicyRuns): PolicyBottomLines {
  const amounts = new Amounts(ir);
  const last = runs[0]?.[runs[0].length - 1]?.period ?? null;
  const terminated = new Set(
    data.partners
      .filter((p) => p.status === "terminated" && (p.terminated === null || (last !== null && p.terminated.slice(0, 7) <= last)))
      .map((p) => p.id),
  );
  const figures = POLICIES.map((policy, i) => figuresOf(policy, runs[i]!, terminated));
  const planIndex = POLICIES.indexOf(ir.cancellation.policy);
  const planCost = figures[planIndex]?.netCost ?? ZERO;
  const bottomLines = figures.map((f) => ({
    policy: f.policy,
    totalEarned: amounts.text(f.totalEarned),
    totalPayout: amounts.text(f.totalPayout),
    carriedPositive: amounts.text(f.carriedPositive),
    owedByActive: amounts.text(f.owedByActive),
    owedByTerminated: amounts.text(f.owedByTerminated),
    unrecovered: amounts.text(f.unrecovered),
    terminatedOtherBalance: amounts.text(f.owedByTerminated.minus(f.unrecovered)),
    netCost: amounts.text(f.netCost),
    differenceFromPlan: amounts.text(f.netCost.minus(planCost)),
  }));
  const charged = new Set(figures.flatMap((f) => [...f.paidBack.keys()]));
  const zero = amounts.text(ZERO);
  const clawbacks = [...charged].sort(compareIds).map((partner) => ({
    partner,
    terminated: terminated.has(partner),
    paidBack: Object.fromEntries(POLICIES.map((policy, i) => {
      const value = figures[i]!.paidBack.get(partner);
      return [policy, value === undefined ? zero : amounts.text(value.neg())];
    })) as Record<Policy, string>,
  }));
  return { periods: (runs[0] ?? []).map((p) => p.period), planPolicy: ir.cancellation.policy, bottomLines, clawbacks };
}

function figuresOf(policy: Policy, periods: PeriodResult[], terminated: Set<string>) {
  const statements = periods.flatMap((p) => Object.values(p.statements));
  const totalEarned = sumOf(statements.map((s) => s.earned));
  const totalPayout = sumOf(statements.map((s) => s.payout));
  let carriedPositive = ZERO;
  let owedByActive = ZERO;
  let owedByTerminated = ZERO;
  const lastPeriod = periods[periods.length - 1];
  for (const [partner, s] of Object.entries(lastPeriod?.statements ?? {})) {
    const out = new Decimal(s.carriedOut);
    if (out.gt(0)) carriedPositive = carriedPositive.plus(out);
    else if (terminated.has(partner)) owedByTerminated = owedByTerminated.minus(out);
    else owedByActive = owedByActive.minus(out);
  }
  const unrecovered = sumOf(periods.flatMap((p) => p.unrecovered.map((u) => u.amount))).neg();
  const paidBack = new Map<string, Decimal>();
  for (const p of periods) for (const e of p.ledger) if (e.cancellation !== undefined) addTo(paidBack, e.recipient, e.amount);
  const netCost = totalPayout.plus(carriedPositive).minus(owedByActive);
  return { policy, totalEarned, totalPayout, carriedPositive, owedByActive, owedByTerminated, unrecovered, netCost, paidBack };
}
