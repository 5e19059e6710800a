/**
 * Plain-language captions of the cancellation policies, split modes and comparison figures
 * (semantics.md §3, §7), in English with the German term the plan brochures use in brackets,
 * written for consultants and plan designers rather than for programmers.
 */
import type { Policy } from "../../../runtime/surface.ts";

export const POLICY_TITLES: Record<Policy, string> = {
  simple: "Simple",
  "previous-rank": "Previous rank",
  exact: "Exact",
};

export const POLICY_GERMAN: Record<Policy, string> = {
  simple: "Einfache Lösung",
  "previous-rank": "Komplexere Lösung",
  exact: "die ganz edle Lösung",
};

export const POLICY_CAPTIONS: Record<Policy, string> = {
  simple:
    "The simple solution (Einfache Lösung): the returned volume counts as a negative order in the month of the cancellation, " +
    "on today's structure with today's ranks. Easy to explain, but it can lower this month's volumes, " +
    "activity and ranks, and charge people who were never paid on the order.",
  "previous-rank":
    "The more complex solution (Komplexere Lösung): the clawback follows today's structure but uses the ranks and activity of the run " +
    "that paid the order. This month's qualification is untouched; a partner terminated since cannot be " +
    "charged, so that part is a company loss.",
  exact:
    "The exact solution (die ganz edle Lösung): every entry originally paid on the order is reversed for the cancelled share, " +
    "from exactly the people who received it — fast start and pool shares included. What was paid is " +
    "reclaimed, no more and no less.",
};

export const SPLIT_CAPTIONS: Record<"volume" | "commission", string> = {
  volume:
    "Volume split (intelligente Lösung): the supporter's share of the member's volume flows up the supporter's line: volume, ranks and every " +
    "bonus, in both uplines.",
  commission:
    "Commission transfer (primitive Lösung): volume stays with the recruiter's line; afterwards the supporter gets a share of what the recruiter " +
    "earned from the member. The supporter's line gains no volume and no rank — why it is called a non-solution.",
};

/** Tooltips of the figures, one sentence each: what it is and how it is computed. */
export const FIGURE_NOTES = {
  totalClawback: "Everything the cancellations took back: minus the sum of every ledger entry linked to a cancellation, over all periods.",
  reclaimedFromOriginal: "The part of the clawback charged to partners who were paid on the cancelled order by the run that paid it.",
  reclaimedFromOthers: "The part of the clawback charged to partners who were never paid on the cancelled order (only possible under simple and previous-rank).",
  unrecovered: "Clawbacks charged to partners terminated by then: they stay in the ledger but will never be paid back — a company loss (nicht einbringlich).",
  carriedNegative: "Negative balances carried out of the last period, active and terminated partners together.",
  rankChanges: "Partner-periods whose paid-as rank differs from a run without the after-run cancellations.",
  totalPayout: "Money actually paid out by the statements of every period (Auszahlung).",
  carriedPositive: "Positive balances carried out of the last period because they are below the minimum payout: still owed to partners.",
  owedByActive: "Negative balances of partners who are not terminated: netted against their future earnings, so the company gets them back.",
  owedByTerminated: "Negative balances of terminated partners: never netted, so lost.",
  terminatedOtherBalance: "Owed by terminated partners minus their unrecovered clawbacks: 0 means the two are the same money; otherwise the difference is older debt (more) or earnings that covered part of the clawback (less).",
  netCost: "Paid out + still owed to partners − what active partners owe back: the cost to the company once every balance settles (Nettokosten).",
  differenceFromPlan: "This policy's net cost minus the net cost under the plan's own policy: negative means cheaper for the company.",
  totalEarned: "Everything partners earned over all periods, net of clawbacks.",
} as const;
