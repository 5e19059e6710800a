/**
 * The bottom line of a policy comparison (docs/semantics-decisions.md, "Comparison bottom line"):
 * what each policy costs the company, the clawbacks per partner, and the balances left at the
 * end, with the unrecovered loss kept apart from the carried negative balances. Over all periods
 * of the replays; amounts are strings with the plan's money decimals, exact in between (minor
 * units as BigInt).
 */
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { compareIds, viewOfPeriod } from "../../core/resultView.ts";
import type { PolicyRuns } from "./comparePolicies.ts";
import { POLICIES } from "./policies.ts";
import { MinorAmounts } from "./minor.ts";
import { clawbacksOf, type PolicyReplay } from "./policyFigures.ts";
import { paidBackOf, replayTotalsOf } from "./replayTotals.ts";

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

/** The bottom line of replays already run (as documents): the same figures comparePoliciesInFull reads from views. */
export function bottomLinesOf(ir: PlanIR, data: Dataset, { runs }: PolicyRuns): PolicyBottomLines {
  const minor = new MinorAmounts(ir);
  const replays = runs.map((periods) => {
    const views = periods.map(viewOfPeriod);
    return { totals: replayTotalsOf(views, minor), clawbacks: views.flatMap((v) => clawbacksOf(v).entries) };
  });
  return bottomLinesFrom(ir, data, (runs[0] ?? []).map((p) => p.period), replays);
}

/**
 * The bottom line from each policy's replay sums and clawback entries (in the order of POLICIES),
 * over `periods`. Every cancellation-linked entry of a period closes its ledger (ledger order,
 * docs/semantics-decisions.md), so the clawback sections hold all of them.
 */
export function bottomLinesFrom(ir: PlanIR, data: Dataset, periods: string[], replays: readonly Pick<PolicyReplay, "totals" | "clawbacks">[]): PolicyBottomLines {
  const minor = new MinorAmounts(ir);
  const last = periods[periods.length - 1] ?? null;
  const terminated = new Set(
    data.partners
      .filter((p) => p.status === "terminated" && (p.terminated === null || (last !== null && p.terminated.slice(0, 7) <= last)))
      .map((p) => p.id),
  );
  const figures = POLICIES.map((policy, i) => figuresOf(policy, replays[i]!, terminated, minor));
  const planIndex = POLICIES.indexOf(ir.cancellation.policy);
  const planCost = figures[planIndex]?.netCost ?? 0n;
  const bottomLines = figures.map((f) => ({
    policy: f.policy,
    totalEarned: minor.text(f.totalEarned),
    totalPayout: minor.text(f.totalPayout),
    carriedPositive: minor.text(f.carriedPositive),
    owedByActive: minor.text(f.owedByActive),
    owedByTerminated: minor.text(f.owedByTerminated),
    unrecovered: minor.text(f.unrecovered),
    terminatedOtherBalance: minor.text(f.owedByTerminated - f.unrecovered),
    netCost: minor.text(f.netCost),
    differenceFromPlan: minor.text(f.netCost - planCost),
  }));
  const charged = new Set(figures.flatMap((f) => [...f.paidBack.keys()]));
  const clawbacks = [...charged].sort(compareIds).map((partner) => ({
    partner,
    terminated: terminated.has(partner),
    paidBack: Object.fromEntries(POLICIES.map((policy, i) => [policy, minor.text(figures[i]!.paidBack.get(partner) ?? 0n)])) as Record<Policy, string>,
  }));
  return { periods, planPolicy: ir.cancellation.policy, bottomLines, clawbacks };
}

function figuresOf(policy: Policy, { totals, clawbacks }: Pick<PolicyReplay, "totals" | "clawbacks">, terminated: Set<string>, minor: MinorAmounts) {
  let owedByActive = 0n;
  let owedByTerminated = 0n;
  for (const b of totals.negativeBalances) {
    if (terminated.has(b.partner)) owedByTerminated -= b.minor;
    else owedByActive -= b.minor;
  }
  const netCost = totals.payout + totals.carriedPositive - owedByActive;
  return {
    policy,
    totalEarned: totals.earned,
    totalPayout: totals.payout,
    carriedPositive: totals.carriedPositive,
    owedByActive,
    owedByTerminated,
    unrecovered: -totals.unrecovered,
    netCost,
    paidBack: paidBackOf(clawbacks, minor),
  };
}
