/**
 * Plain-language captions of the cancellation policies and split modes (semantics.md §3, §7),
 * written for consultants and plan designers rather than for programmers.
 */
import type { Policy } from "../../../core/ir.ts";

export const POLICY_TITLES: Record<Policy, string> = {
  simple: "Simple",
  "previous-rank": "Previous rank",
  exact: "Exact",
};

export const POLICY_CAPTIONS: Record<Policy, string> = {
  simple:
    "Einfache Lösung: the returned volume counts as a negative order in the month of the cancellation, " +
    "on today's structure with today's ranks. Easy to explain, but it can lower this month's volumes, " +
    "activity and ranks, and charge people who were never paid on the order.",
  "previous-rank":
    "Komplexere Lösung: the clawback follows today's structure but uses the ranks and activity of the run " +
    "that paid the order. This month's qualification is untouched; a partner terminated since cannot be " +
    "charged, so that part is a company loss.",
  exact:
    "Die ganz edle Lösung: every entry originally paid on the order is reversed for the cancelled share, " +
    "from exactly the people who received it — fast start and pool shares included. What was paid is " +
    "reclaimed, no more and no less.",
};

export const SPLIT_CAPTIONS: Record<"volume" | "commission", string> = {
  volume:
    "The supporter's share of the member's volume flows up the supporter's line: volume, ranks and every " +
    "bonus, in both uplines.",
  commission:
    "Volume stays with the recruiter's line; afterwards the supporter gets a share of what the recruiter " +
    "earned from the member. The supporter's line gains no volume and no rank — why it is called a non-solution.",
};
