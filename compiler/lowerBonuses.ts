/**
 * Bonuses from AST to IR, with the resolutions the IR promises: tiers as dense arrays (a level
 * the plan leaves out pays "0" and requires nothing), a differential rate for every rank (an
 * unlisted rank has the rate of the nearest listed rank below, "0" if none), pool shares in
 * ascending rank order, and the equal-rank bonus pointing at the first differential bonus.
 */
import type { BonusClause, BonusItem, GenerationClause, LevelClause } from "../grammar/ast.ts";
import type { BonusIR, BonusKind, TierIR } from "../core/ir.ts";
import type { NameTables } from "./lowerCondition.ts";
import { canonicalNumber, percentToFraction } from "../core/numbers.ts";

export function lowerBonuses(bonuses: readonly BonusItem[], names: NameTables, rankCount: number): BonusIR[] {
  const firstDifferential = bonuses.findIndex((b) => b.bonusKind.text === "differential");
  return bonuses.map((bonus) => lowerBonus(bonus, names, rankCount, firstDifferential));
}

function lowerBonus(bonus: BonusItem, names: NameTables, rankCount: number, firstDifferential: number): BonusIR {
  const base = { name: bonus.title.value, measure: names.measure(bonus.measure.text) };
  const clauses = <K extends BonusClause["kind"]>(k: K) =>
    bonus.clauses.filter((c): c is Extract<BonusClause, { kind: K }> => c.kind === k);
  const kind = bonus.bonusKind.text as BonusKind;
  switch (kind) {
    case "level":
      return { kind, ...base, levels: lowerTiers(clauses("Level"), names), compression: clauses("Compression").length > 0 };
    case "differential":
      return { kind, ...base, rates: lowerDifferentialRates(clauses("RankRate"), names, rankCount) };
    case "generation":
      return { kind, ...base, generations: lowerTiers(clauses("Generation"), names) };
    case "equalrank": {
      const rate = clauses("Rate")[0]!;
      return {
        kind,
        ...base,
        rate: percentToFraction(rate.rate.text),
        minRank: rate.from ? names.rank(rate.from.text) : 0,
        differential: firstDifferential,
      };
    }
    case "faststart":
      return {
        kind,
        ...base,
        withinDays: Number(canonicalNumber(clauses("Within")[0]!.days.text)),
        levels: lowerTiers(clauses("Level"), names),
      };
    case "pool": {
      const shares = clauses("Shares")[0]!.entries
        .map((e) => ({ rank: names.rank(e.rank.text), shares: canonicalNumber(e.shares.text) }))
        .sort((a, b) => a.rank - b.rank);
      return { kind, ...base, rate: percentToFraction(clauses("Rate")[0]!.rate.text), shares };
    }
    default: {
      const never: never = kind;
      throw new Error(`unchecked bonus kind ${String(never)}`);
    }
  }
}

function lowerTiers(tiers: readonly (LevelClause | GenerationClause)[], names: NameTables): TierIR[] {
  const byNumber = new Map<number, TierIR>();
  for (const tier of tiers) {
    const n = Number(canonicalNumber(tier.kind === "Level" ? tier.level.text : tier.generation.text));
    byNumber.set(n, { rate: percentToFraction(tier.rate.text), requires: tier.requires ? names.rank(tier.requires.text) : null });
  }
  const deepest = Math.max(0, ...byNumber.keys());
  return Array.from({ length: deepest }, (_, i) => byNumber.get(i + 1) ?? { rate: "0", requires: null });
}

function lowerDifferentialRates(
  entries: readonly Extract<BonusClause, { kind: "RankRate" }>[],
  names: NameTables,
  rankCount: number,
): string[] {
  const listed = new Map<number, string>();
  for (const entry of entries) listed.set(names.rank(entry.rank.text), percentToFraction(entry.rate.text));
  const rates: string[] = [];
  let below = "0";
  for (let rank = 0; rank < rankCount; rank++) {
    below = listed.get(rank) ?? below;
    rates.push(below);
  }
  return rates;
}
