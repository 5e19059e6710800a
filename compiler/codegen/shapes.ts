/**
 * The plan in numbers, as the compiled runtime and the code generator share it: conditions and
 * bonuses with every literal a scaled integer (runtime/compiled/planTables.ts builds them).
 */

/** A condition with its literals scaled; compare values are integers at the figure's scale. */
export type ScaledConditionShape =
  | { kind: "and" | "or"; operands: ScaledConditionShape[] }
  | { kind: "not"; operand: ScaledConditionShape }
  | { kind: "figure"; figure: "personal" | "group" | "open"; measure: number; op: string; value: number; cap: number | null }
  | { kind: "count"; figure: "legs" | "frontline"; rank: number; op: string; value: number; scale: number };

export interface ScaledTierShape {
  rate: number;
  /** Rank index required; -1 = none. */
  requires: number;
}

export type ScaledBonusShape =
  | { kind: "level"; measure: number; levels: ScaledTierShape[]; compression: boolean }
  | { kind: "differential"; measure: number; rates: number[]; topRate: number }
  | { kind: "generation"; measure: number; generations: ScaledTierShape[] }
  | { kind: "equalrank"; measure: number; rate: number; minRank: number; differential: number }
  | { kind: "faststart"; measure: number; withinDays: number; levels: ScaledTierShape[] }
  | { kind: "pool"; measure: number };
