/** Comparisons of cancellation policies and split modes (browser-safe, like all of runtime/). */
export { comparePolicies, comparePoliciesInFull, comparePoliciesInFullAsync, POLICIES, type PolicyComparisonOutcome, type PolicyComparisonInFull, type PolicyComparisonInFullOutcome } from "./comparePolicies.ts";
export { compareSplitModes, type SplitComparisonOutcome } from "./compareSplitModes.ts";
export { formatPolicyComparison, formatSplitComparison } from "./format.ts";
export type * from "./types.ts";
export { replayPolicies, comparisonOf, type ComparisonProgress, type PolicyRuns } from "./comparePolicies.ts";
export { bottomLinesOf, type PolicyBottomLine, type PolicyBottomLines, type PartnerClawback } from "./bottomLine.ts";
