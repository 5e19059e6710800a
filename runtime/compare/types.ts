/**
 * What `comp compare` and the playground's compare view show: the three cancellation policies
 * (and the two split modes) replayed side by side over the same data. Plain JSON; amounts are
 * strings with the plan's money decimals.
 */
import type { Policy } from "../../core/ir.ts";

export interface RankChange {
  partner: string;
  period: string;
  /** Paid-as rank in the run without the after-run cancellations, and under this policy. */
  without: string | null;
  with: string | null;
}

export interface PolicyFigures {
  policy: Policy;
  /** Sum of all cancellation-linked ledger entries, as a positive amount. */
  totalClawback: string;
  /** Of that, charged to partners who were paid on the cancelled order by its original run... */
  reclaimedFromOriginal: string;
  /** ...and charged to anybody else. */
  reclaimedFromOthers: string;
  /** Clawbacks charged to terminated partners (company loss), positive. */
  unrecovered: string;
  /** Sum of negative balances carried out of the last period, as a positive amount. */
  carriedNegative: string;
  /** Partners carrying a negative balance out of the last period. */
  negativeBalances: { partner: string; amount: string }[];
  rankChanges: RankChange[];
  /** Total paid out over all periods. */
  totalPayout: string;
}

export interface PartnerDifference {
  partner: string;
  /** Total earned over all periods under each policy. */
  earned: Record<Policy, string>;
  /** max − min over the three policies. */
  spread: string;
}

export interface PolicyComparison {
  plan: string;
  through: string;
  /** Always in the order simple, previous-rank, exact. */
  policies: PolicyFigures[];
  /** Largest spread first, then partner id; at most 20. */
  differences: PartnerDifference[];
}

export interface LineFigures {
  /** The partners of the line: the recruiter (or supporter) first, then its upline. */
  partners: { partner: string; rank: string | null; earned: string }[];
  earned: string;
}

export interface AgreementFigures {
  /** Index of the agreement in the data document's `splits`. */
  agreement: number;
  member: string;
  recruiter: string;
  supporter: string;
  recruiterLine: LineFigures;
  supporterLine: LineFigures;
}

export interface SplitModeFigures {
  mode: "volume" | "commission";
  recruiterLinesEarned: string;
  supporterLinesEarned: string;
  totalPayout: string;
  agreements: AgreementFigures[];
}

export interface SplitComparison {
  plan: string;
  through: string;
  /** Always volume, then commission. */
  modes: SplitModeFigures[];
}
