/**
 * The typed IR: a checked plan as plain JSON. This is the contract between the compiler and
 * every runtime (reference evaluator, compiled evaluator, playground worker), so it says *what*
 * the plan means and nothing about *how* to evaluate it.
 *
 * Conventions
 * - Names are resolved to indices: `measure` indexes `measures`, `rank` indexes `ranks`
 *   (ranks are ordered lowest first, so comparing indices compares ranks).
 * - Every number is an exact decimal string in plain notation (no exponent, no trailing zeros
 *   after normalisation: "0.05", "50", "1000", "0.01"). Rates and shares are fractions:
 *   `5%` is "0.05", `60%` is "0.6".
 * - No source spans, no user text except the plan's own titles and names (data, never code).
 * - The JSON Schema for this shape is core/ir.schema.json; `irVersion` changes when the shape
 *   changes incompatibly.
 */

export const IR_VERSION = 1;

export interface PlanIR {
  irVersion: typeof IR_VERSION;
  name: string;
  version: string | null;
  currency: string;
  rounding: RoundingIR;
  period: "monthly";
  /** Volume measures in declaration order; index 0 is the qualifying measure (PV/GV/OV). */
  measures: MeasureIR[];
  /** Activity condition; null means every partner who is not terminated is active. */
  activity: ConditionIR | null;
  /** Ranks, lowest first. */
  ranks: RankIR[];
  /** Rank index of the breakaway rank (defines OV owners and generations); null if none. */
  breakaway: number | null;
  /** Bonuses in declaration order (the ledger's order within a portion). */
  bonuses: BonusIR[];
  split: SplitIR | null;
  cancellation: CancellationIR;
  /** Minimum payout, money ("0" when the plan says nothing). */
  payoutMinimum: string;
  /**
   * `payout target 45%`: the most the plan should pay per order as a fraction ("0.45"); absent
   * when the plan states none. Only the checker reads it (a payout bound above it is a warning).
   */
  payoutTarget?: string;
}

export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down";

export interface RoundingIR {
  mode: RoundingMode;
  /** The money unit every ledger entry is rounded to, e.g. "0.01". */
  unit: string;
}

export interface MeasureIR {
  name: string;
  /** The per-unit line figure summed as qty × figure (e.g. "points", "net"). */
  figure: string;
}

export interface RankIR {
  name: string;
  /** null: the rank has no conditions (everyone qualifies). */
  condition: ConditionIR | null;
}

// ---------------------------------------------------------------------------------------------
// Conditions

export type ConditionIR =
  | { kind: "and"; operands: ConditionIR[] }
  | { kind: "or"; operands: ConditionIR[] }
  | { kind: "not"; operand: ConditionIR }
  | CompareIR;

export type CompareOpIR = ">=" | ">" | "<=" | "<" | "=" | "!=";

export interface CompareIR {
  kind: "compare";
  figure: FigureIR;
  op: CompareOpIR;
  value: string;
  /**
   * Max-leg rule (only on group volume with >= or >): at most maxleg × value counts from any
   * single leg; the partner's own personal volume counts in full. Fraction, e.g. "0.6".
   */
  maxleg?: string;
}

export type FigureIR =
  | { kind: "personal"; measure: number }
  | { kind: "group"; measure: number }
  | { kind: "open"; measure: number }
  | { kind: "legs"; rank: number }
  | { kind: "frontline"; rank: number };

// ---------------------------------------------------------------------------------------------
// Bonuses

export type BonusKind = "level" | "differential" | "generation" | "equalrank" | "faststart" | "pool";

export type BonusIR =
  | LevelBonusIR
  | DifferentialBonusIR
  | GenerationBonusIR
  | EqualRankBonusIR
  | FastStartBonusIR
  | PoolBonusIR;

interface BonusBase {
  /** The plan's title for the bonus, e.g. "Ebenenbonus" (unique within the plan). */
  name: string;
  measure: number;
}

/** A paid step: level L (or generation g) is element L−1 of the array. */
export interface TierIR {
  rate: string;
  /** Rank index the recipient must have at least; null = any rank (or none). */
  requires: number | null;
}

export interface LevelBonusIR extends BonusBase {
  kind: "level";
  /** levels[0] is level 1. Levels the plan leaves out in the middle have rate "0". */
  levels: TierIR[];
  compression: boolean;
}

export interface DifferentialBonusIR extends BonusBase {
  kind: "differential";
  /**
   * The rate of every rank, by rank index (length = ranks.length). A rank the plan does not
   * list has the rate of the nearest listed rank below it ("0" if none).
   */
  rates: string[];
}

export interface GenerationBonusIR extends BonusBase {
  kind: "generation";
  /** generations[0] is generation 1. */
  generations: TierIR[];
}

export interface EqualRankBonusIR extends BonusBase {
  kind: "equalrank";
  rate: string;
  /** Lowest rank index for which the equal-rank bonus is paid (`from`); 0 when not given. */
  minRank: number;
  /** Index into `bonuses` of the plan's first differential bonus, whose walk this follows. */
  differential: number;
}

export interface FastStartBonusIR extends BonusBase {
  kind: "faststart";
  /** Orders count when order date − buyer's joined date ≤ withinDays. */
  withinDays: number;
  levels: TierIR[];
}

export interface PoolBonusIR extends BonusBase {
  kind: "pool";
  rate: string;
  /** Shares by rank, ascending rank index; a qualifier holds the entry of the highest rank ≤ its own. */
  shares: { rank: number; shares: string }[];
}

// ---------------------------------------------------------------------------------------------
// Splits and cancellations

export interface SplitIR {
  title: string | null;
  mode: "volume" | "commission";
  /** Measure indices that are split; other measures stay whole with the recruiter. */
  measures: number[];
  /** Share used when an agreement gives none for a measure; fraction. */
  defaultShare: string;
}

export type Policy = "simple" | "previous-rank" | "exact";

export interface CancellationIR {
  /** Widerrufsfrist: days after delivery (0 when not given). */
  withdrawalDays: number;
  policy: Policy;
  /** What a late-canceller flag does; null when the plan says nothing. */
  lateCanceller: { holdWeeks: number | null; prepaymentOnly: boolean } | null;
}
