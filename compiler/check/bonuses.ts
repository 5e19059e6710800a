/**
 * Bonuses: the kind, the title (unique), the measure, which clauses the kind allows, the clauses
 * each kind requires, and the kind-specific checks (tiers, differential rates, pool shares).
 *
 * A clause in the wrong kind of bonus is reported once and not checked further, and a bonus of
 * unknown kind is not checked beyond its kind: the designer's fix will change what the clauses
 * mean, so anything more would be noise.
 */
import type { BonusClause, BonusItem, SharesClause } from "../../grammar/ast.ts";
import type { Span } from "../../grammar/source.ts";
import type { BonusKind } from "../../core/ir.ts";
import { decimalOf } from "../../core/numbers.ts";
import { type CheckContext, firstOnLine, leadingSpan, quoted, spanFromTo } from "./context.ts";
import { checkDifferential } from "./differential.ts";
import { checkOneOf, resolveMeasure, resolveRank } from "./names.ts";
import { checkTiers } from "./tiers.ts";
import { MAX_DAYS, checkPositiveWhole, checkRate } from "./values.ts";

export const BONUS_KIND_NAMES: readonly BonusKind[] = ["level", "differential", "generation", "equalrank", "faststart", "pool"];

/** Which clause kinds each bonus kind accepts. */
const ALLOWED: Record<BonusKind, ReadonlySet<BonusClause["kind"]>> = {
  level: new Set(["Level", "Compression"]),
  differential: new Set(["RankRate"]),
  generation: new Set(["Generation"]),
  equalrank: new Set(["Rate"]),
  faststart: new Set(["Within", "Level"]),
  pool: new Set(["Rate", "Shares"]),
};

/** Clauses that may appear at most once in a bonus. */
const SINGLE_CLAUSES: ReadonlySet<BonusClause["kind"]> = new Set(["Compression", "Rate", "Within", "Shares"]);

/** Bonus titles seen so far (titles name ledger entries, so they must be unique). */
export type BonusTitles = Map<string, BonusItem>;

export function checkBonus(ctx: CheckContext, bonus: BonusItem, titles: BonusTitles): void {
  const earlier = titles.get(bonus.title.value);
  if (earlier) {
    ctx.report(
      "E122",
      bonus.title.span,
      `the bonus title ${quoted(bonus.title.value)} is used twice (${firstOnLine(earlier)})`,
      { alsoAbout: [earlier] },
    );
  } else {
    titles.set(bonus.title.value, bonus);
  }
  resolveMeasure(ctx, bonus.measure);
  const kind = checkOneOf(ctx, bonus.bonusKind, BONUS_KIND_NAMES, "E102", "bonus kind");
  if (kind === undefined) return;

  const placed = bonus.clauses.filter((clause) => clauseBelongs(ctx, kind, clause));
  const kept = withoutRepeats(ctx, placed);
  const of = <K extends BonusClause["kind"]>(k: K) => kept.filter((c): c is Extract<BonusClause, { kind: K }> => c.kind === k);

  switch (kind) {
    case "level":
      requireSome(ctx, bonus, of("Level").length, `has no levels: add a line like ${quoted("level 1: 5%")}`);
      checkTiers(ctx, of("Level"), "level");
      return;
    case "faststart": {
      const within = of("Within")[0];
      if (within) checkPositiveWhole(ctx, within.days, "the number of days", MAX_DAYS);
      else requireSome(ctx, bonus, 0, `needs ${quoted("within N days")}: how long after joining a partner's orders count`);
      requireSome(ctx, bonus, of("Level").length, `has no levels: add a line like ${quoted("level 1: 20%")}`);
      checkTiers(ctx, of("Level"), "level");
      return;
    }
    case "generation":
      requireSome(ctx, bonus, of("Generation").length, `has no generations: add a line like ${quoted("generation 1: 5%")}`);
      checkTiers(ctx, of("Generation"), "generation");
      return;
    case "differential": {
      const example = `${ctx.rankNames[0] ?? "Consultant"}: 5%`;
      requireSome(ctx, bonus, of("RankRate").length, `lists no rank rate: add a line like ${quoted(example)}`);
      checkDifferential(ctx, bonus, of("RankRate"));
      return;
    }
    case "equalrank": {
      const rate = of("Rate")[0];
      if (!rate) {
        requireSome(ctx, bonus, 0, `needs a rate: add a line like ${quoted("rate 3%")}`);
        return;
      }
      checkRate(ctx, rate.rate);
      if (rate.from) resolveRank(ctx, rate.from);
      return;
    }
    case "pool": {
      const rate = of("Rate")[0];
      if (rate) checkRate(ctx, rate.rate);
      else requireSome(ctx, bonus, 0, `needs a rate: add a line like ${quoted("rate 2%")}`);
      const shares = of("Shares")[0];
      if (shares) checkShares(ctx, bonus, shares);
      else requireSome(ctx, bonus, 0, `needs a shares table like ${quoted(`shares { ${ctx.rankNames.at(-1) ?? "Director"}: 1 }`)}`);
      return;
    }
    default: {
      const never: never = kind;
      throw new Error(`unhandled bonus kind ${String(never)}`);
    }
  }
}

/** E145 at the bonus head (`bonus level "Title"`) when `count` is 0. */
function requireSome(ctx: CheckContext, bonus: BonusItem, count: number, what: string): void {
  if (count > 0) return;
  ctx.report("E145", spanFromTo(bonus, bonus.title), `the ${quoted(bonus.bonusKind.text)} bonus ${quoted(bonus.title.value)} ${what}`);
}

function clauseBelongs(ctx: CheckContext, kind: BonusKind, clause: BonusClause): boolean {
  if (ALLOWED[kind].has(clause.kind)) {
    if (clause.kind === "Rate" && clause.from && kind !== "equalrank") {
      // The rate itself is right here; only its `from` part is not, so the rate is still used.
      ctx.report("E146", clause.from.span, `${quoted(`from ${clause.from.text}`)} only belongs in an ${quoted("equalrank")} bonus`);
    }
    return true;
  }
  ctx.report("E146", clauseHeadSpan(clause), `${clauseDescription(clause)} in ${kind === "equalrank" ? "an" : "a"} ${quoted(kind)} bonus`);
  return false;
}

/** Keeps the first of each single clause, reporting the others. */
function withoutRepeats(ctx: CheckContext, clauses: readonly BonusClause[]): BonusClause[] {
  const first = new Map<BonusClause["kind"], BonusClause>();
  const kept: BonusClause[] = [];
  for (const clause of clauses) {
    if (SINGLE_CLAUSES.has(clause.kind)) {
      const earlier = first.get(clause.kind);
      if (earlier) {
        ctx.report("E128", clauseHeadSpan(clause), `${quoted(clauseKeyword(clause))} is given twice in this bonus (${firstOnLine(earlier)})`);
        continue;
      }
      first.set(clause.kind, clause);
    }
    kept.push(clause);
  }
  return kept;
}

function checkShares(ctx: CheckContext, bonus: BonusItem, shares: SharesClause): void {
  if (shares.entries.length === 0) {
    ctx.report("E145", clauseHeadSpan(shares), `the shares table of the pool bonus ${quoted(bonus.title.value)} lists no rank`, {
      suggestion: `add entries like ${quoted(`shares { ${ctx.rankNames.at(-1) ?? "Director"}: 1 }`)}`,
    });
  }
  const first = new Map<number, SharesClause["entries"][number]>();
  for (const entry of shares.entries) {
    const value = decimalOf(entry.shares.text);
    if (value !== null && value.isZero()) {
      ctx.report("E169", entry.shares.span, `${quoted(entry.rank.text)} holds ${quoted(entry.shares.text)} shares: pool shares must be above 0`, {
        suggestion: `leave ${quoted(entry.rank.text)} out of the table, or give it at least some shares`,
      });
    }
    const rank = resolveRank(ctx, entry.rank);
    if (rank === undefined) continue;
    const earlier = first.get(rank);
    if (earlier) {
      ctx.report("E127", entry.rank.span, `${quoted(entry.rank.text)} is listed twice in this shares table (${firstOnLine(earlier)})`);
    } else {
      first.set(rank, entry);
    }
  }
}

function clauseKeyword(clause: BonusClause): string {
  switch (clause.kind) {
    case "Level":
      return "level";
    case "Generation":
      return "generation";
    case "RankRate":
      return `${clause.rank.text}:`;
    case "Compression":
      return "compression";
    case "Rate":
      return "rate";
    case "Within":
      return "within";
    case "Shares":
      return "shares";
    default: {
      const never: never = clause;
      throw new Error(`unhandled clause ${JSON.stringify(never)}`);
    }
  }
}

/** The clause's first word(s): where a diagnostic about the whole clause points. */
function clauseHeadSpan(clause: BonusClause): Span {
  if (clause.kind === "RankRate") return clause.span;
  return leadingSpan(clause, clauseKeyword(clause).length);
}

function clauseDescription(clause: BonusClause): string {
  switch (clause.kind) {
    case "Level":
      return `${quoted("level")} lines only belong in ${quoted("level")} and ${quoted("faststart")} bonuses, not`;
    case "Generation":
      return `${quoted("generation")} lines only belong in a ${quoted("generation")} bonus, not`;
    case "RankRate":
      return `a rank rate like ${quoted(`${clause.rank.text}: ${clause.rate.text}%`)} only belongs in a ${quoted("differential")} bonus, not`;
    case "Compression":
      return `${quoted("compression")} only belongs in a ${quoted("level")} bonus, not`;
    case "Rate":
      return `${quoted("rate")} only belongs in ${quoted("equalrank")} and ${quoted("pool")} bonuses, not`;
    case "Within":
      return `${quoted("within")} only belongs in a ${quoted("faststart")} bonus, not`;
    case "Shares":
      return `${quoted("shares")} only belongs in a ${quoted("pool")} bonus, not`;
    default: {
      const never: never = clause;
      throw new Error(`unhandled clause ${JSON.stringify(never)}`);
    }
  }
}
