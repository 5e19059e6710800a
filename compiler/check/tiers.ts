/**
 * Numbered tiers: `level N: P% [requires R]` (level and fast-start bonuses) and
 * `generation N: P% [requires R]` (generation bonus). Each number once, a positive whole number;
 * a gap in the numbering pays 0% there, which is legal but rarely meant, so it is a warning.
 */
import type { GenerationClause, LevelClause } from "../../grammar/ast.ts";
import { type CheckContext, firstOnLine, quoted } from "./context.ts";
import { resolveRank } from "./names.ts";
import { MAX_TIER, checkPositiveWhole, checkRate } from "./values.ts";

type Tier = LevelClause | GenerationClause;

export function checkTiers(ctx: CheckContext, tiers: readonly Tier[], word: "level" | "generation"): void {
  const first = new Map<number, Tier>();
  for (const tier of tiers) {
    const numberLit = tier.kind === "Level" ? tier.level : tier.generation;
    checkRate(ctx, tier.rate);
    if (tier.requires) resolveRank(ctx, tier.requires);
    const n = checkPositiveWhole(ctx, numberLit, `the ${word}`, MAX_TIER);
    if (n === undefined) continue;
    const earlier = first.get(n);
    if (earlier) {
      ctx.report(word === "level" ? "E124" : "E125", numberLit.span, `${word} ${n} is listed twice (${firstOnLine(earlier)})`);
      continue;
    }
    first.set(n, tier);
  }
  reportGaps(ctx, first, word);
}

/** One warning per run of missing numbers, at the tier that follows the gap. */
function reportGaps(ctx: CheckContext, listed: Map<number, Tier>, word: "level" | "generation"): void {
  const numbers = [...listed.keys()].sort((a, b) => a - b);
  let expected = 1;
  for (const n of numbers) {
    if (n > expected) {
      const tier = listed.get(n)!;
      const span = (tier.kind === "Level" ? tier.level : tier.generation).span;
      const missing = n - 1 === expected ? `${word} ${expected} is` : `${word}s ${expected}–${n - 1} are`;
      const pays = n - 1 === expected ? "it pays" : "they pay";
      ctx.report(word === "level" ? "W301" : "W302", span, `${missing} missing before ${word} ${n}: ${pays} 0%`, {
        suggestion: `add ${quoted(`${word} ${expected}: 0%`)} if that is meant, or number the ${word}s without a gap`,
      });
    }
    expected = n + 1;
  }
}
