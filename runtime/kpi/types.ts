/**
 * Plan KPIs: what a compensation consultant looks at first — how much of the commissionable
 * value the plan pays, through which bonuses, to how many people, at which ranks.
 * Amounts carry the result's money decimals; percentages are exact to 2 decimals (half-up).
 */

export interface BonusKpi {
  bonus: string;
  kind: string;
  amount: string;
  /** amount / totalCv × 100, 2 decimals; "n/a" when the total CV is zero. */
  percentOfCv: string;
}

export interface RankCount {
  /** null = partners without a rank. */
  rank: string | null;
  count: number;
}

export interface EarningsPercentile {
  /** 10, 25, 50, 75, 90, 99, and 100 for the maximum. */
  percentile: number;
  amount: string;
}

export interface PlanKpis {
  /** The periods the KPIs cover, in result order; empty when the asked period is not in the result. */
  periods: string[];
  /** Sum of the CV measure's personal volume over all partners and covered periods. */
  totalCv: string;
  /** Sum of every ledger amount (all bonuses, clawbacks included): what the plan costs. */
  totalPayout: string;
  payoutPercentOfCv: string;
  /** Sum of the statements' payouts: what actually left the bank (after minimum payout and carried balances). */
  paidOut: string;
  /** Largest amount first, then bonus name. */
  perBonus: BonusKpi[];
  /** Highest rank first, then "no rank" (rank null) last. */
  rankDistribution: RankCount[];
  /** Nearest-rank percentiles of each partner's earnings over the covered periods. */
  earnings: EarningsPercentile[];
  /** Partners who earned more than zero over the covered periods. */
  earnersCount: number;
  /** Partners listed in any covered period (every partner joined by the period's end). */
  partnersCount: number;
}
