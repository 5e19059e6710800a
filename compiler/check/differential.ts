/**
 * The differential (stairstep) bonus: one rate per rank. Rates must not fall as ranks rise —
 * the bonus pays the *difference* to what the downline already took, so a falling rate would
 * pay nothing at the higher rank. A rank left out gets the rate of the nearest listed rank
 * below it (0% if none); that is legal but worth saying.
 */
import type { BonusItem, RankRateClause } from "../../grammar/ast.ts";
import type { Decimal } from "../../core/decimal.ts";
import { type CheckContext, firstOnLine, quoted } from "./context.ts";
import { resolveRank } from "./names.ts";
import { checkRate } from "./values.ts";

interface Listed {
  rank: number;
  rate: Decimal;
  clause: RankRateClause;
}

export function checkDifferential(ctx: CheckContext, bonus: BonusItem, entries: readonly RankRateClause[]): void {
  const byRank = new Map<number, Listed>();
  let allResolved = true;
  for (const clause of entries) {
    const rank = resolveRank(ctx, clause.rank);
    const rate = checkRate(ctx, clause.rate);
    if (rank === undefined) {
      allResolved = false;
      continue;
    }
    const earlier = byRank.get(rank);
    if (earlier) {
      ctx.report(
        "E126",
        clause.rank.span,
        `${quoted(clause.rank.text)} is listed twice in this differential bonus (${firstOnLine(earlier.clause)})`,
      );
      continue;
    }
    if (rate !== undefined) byRank.set(rank, { rank, rate, clause });
    else allResolved = false;
  }

  const listed = [...byRank.values()].sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < listed.length; i++) {
    const lower = listed[i - 1]!;
    const higher = listed[i]!;
    if (higher.rate.lt(lower.rate)) {
      ctx.report(
        "E200",
        higher.clause.rate.span,
        `the rate of ${quoted(higher.clause.rank.text)} (${higher.clause.rate.text}%) is lower than the rate of ` +
          `${quoted(lower.clause.rank.text)} (${lower.clause.rate.text}%) below it: differential rates must not fall as ranks rise`,
        { dependency: { kind: "ranks" } },
      );
    }
  }

  // With an unknown or broken entry the designer's intent is unclear: its E100 says enough.
  if (allResolved && listed.length > 0) reportUnlisted(ctx, bonus, byRank);
}

function reportUnlisted(ctx: CheckContext, bonus: BonusItem, byRank: Map<number, Listed>): void {
  let below: Listed | undefined;
  for (let rank = 0; rank < ctx.rankNames.length; rank++) {
    const entry = byRank.get(rank);
    if (entry) {
      below = entry;
      continue;
    }
    const name = quoted(ctx.rankNames[rank]!);
    const gets = below
      ? `it gets the rate of ${quoted(below.clause.rank.text)} (${below.clause.rate.text}%)`
      : "it gets 0% (no rank below it is listed)";
    ctx.report("W300", bonus.title.span, `${name} is not listed in the differential bonus ${quoted(bonus.title.value)}: ${gets}`, {
      suggestion: `list ${name} with its rate to make this explicit`,
      dependency: { kind: "ranks" },
    });
  }
}
