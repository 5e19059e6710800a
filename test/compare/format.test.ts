/** The comparisons as terminal text: side-by-side columns, amounts right-aligned. */
import { describe, expect, it } from "vitest";
import { comparePolicies, compareSplitModes, formatPolicyComparison, formatSplitComparison } from "../../runtime/compare/index.ts";
import { loadExample } from "../reference/harness.ts";
import { splitData, splitPlan } from "./fixtures.ts";

describe("formatPolicyComparison", () => {
  it("prints example f's figures per policy, the rank changes, the balances and the differences", () => {
    const { ir, data } = loadExample("f_late_cancel");
    const outcome = comparePolicies(ir, data, "2026-11");
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(formatPolicyComparison(outcome.comparison)).toBe(
      [
        "Cancellation policies compared: Late cancellation, all periods through 2026-11",
        "",
        "  figure                             simple  previous-rank  exact",
        "  ---------------------------------  ------  -------------  -----",
        "  total clawback                      15.00          25.00  45.00",
        "    from partners paid on the order   15.00          25.00  45.00",
        "    from other partners                0.00           0.00   0.00",
        "  unrecovered (company loss)           0.00           0.00   0.00",
        "  negative balances carried           12.00          22.00  42.00",
        "  partners carrying a negative            1              2      2",
        "  rank changes                            0              0      0",
        "  total payout                        76.00          76.00  76.00",
        "",
        "Rank changes against a run without the after-run cancellations",
        "  simple: none",
        "  previous-rank: none",
        "  exact: none",
        "",
        "Negative balances carried out of 2026-11",
        "  partner  simple  previous-rank   exact",
        "  -------  ------  -------------  ------",
        "  N             -          -5.00   -5.00",
        "  S1       -12.00         -17.00  -37.00",
        "",
        "Largest differences in total earned per partner",
        "  partner  simple  previous-rank  exact  spread",
        "  -------  ------  -------------  -----  ------",
        "  S1        43.00          38.00  18.00   25.00",
        "  N          5.00           0.00   0.00    5.00",
        "",
      ].join("\n"),
    );
  });

  it("lists rank changes per policy as a table", () => {
    const text = formatPolicyComparison({
      plan: "P", through: "2026-11", differences: [],
      policies: (["simple", "previous-rank", "exact"] as const).map((policy) => ({
        policy, totalClawback: "0.00", reclaimedFromOriginal: "0.00", reclaimedFromOthers: "0.00", unrecovered: "0.00",
        carriedNegative: "0.00", negativeBalances: [], totalPayout: "0.00",
        rankChanges: policy === "simple" ? [{ partner: "S", period: "2026-11", without: "Senior", with: null }] : [],
      })),
    });
    expect(text).toContain(["  simple:", "    period   partner  without  with", "    -------  -------  -------  ---------", "    2026-11  S        Senior   (no rank)"].join("\n"));
    expect(text).toContain("Negative balances carried out of 2026-11\n  none\n");
    expect(text).toContain("  none: every partner earns the same under every policy\n");
  });
});

describe("formatSplitComparison", () => {
  it("prints the totals per mode, then one table per recruiter and supporter with both lines", () => {
    const outcome = compareSplitModes(splitPlan, splitData, "2026-10");
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(formatSplitComparison(outcome.comparison)).toBe(
      [
        "Split modes compared: Test plan, all periods through 2026-10",
        "",
        "  figure                  volume  commission",
        "  ----------------------  ------  ----------",
        "  recruiter lines earned   33.00       38.00",
        "  supporter lines earned   12.00        7.00",
        "  total payout             55.00       55.00",
        "",
        "Recruiter A2, supporter S (splits[0], splits[1]: members M, K)",
        "  line       partner     rank (volume)  earned (volume)  rank (commission)  earned (commission)",
        "  ---------  ----------  -------------  ---------------  -----------------  -------------------",
        "  recruiter  A2          Consultant               18.00  Consultant                       18.00",
        "             A1          Consultant               15.00  Consultant                       20.00",
        "             line total                           33.00                                   38.00",
        "  supporter  S           Consultant                7.00  Consultant                        7.00",
        "             B1          Consultant                5.00  Consultant                        0.00",
        "             line total                           12.00                                    7.00",
        "",
      ].join("\n"),
    );
  });
});
