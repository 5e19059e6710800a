/**
 * The plan's abstract syntax tree: what the text says, with a source span on every node and no
 * interpretation yet. Names stay names (the checker resolves them); numbers stay decimal text
 * (exact, never parsed to floating point). A parse with errors still yields an AST: missing
 * parts are left out (optional fields absent, lists shorter), never invented.
 *
 * The top level is a list of items in source order, so a plan with a broken item still shows
 * every other item to the checker, the editor's completion and the outline.
 */
import type { Span } from "./source.ts";

export interface Node {
  span: Span;
}

/** An identifier: a rank, measure, data figure, rounding mode, policy, bonus kind... */
export interface Name extends Node {
  text: string;
}

/** A double-quoted string, with its escapes resolved. */
export interface StringLit extends Node {
  value: string;
}

/** A decimal number as written: `50`, `1000`, `0.01`, `10.00` (no sign, no exponent). */
export interface NumberLit extends Node {
  text: string;
}

/** A percentage: `5%`, `2.5%`; `text` is the number without the `%` sign. */
export interface PercentLit extends Node {
  text: string;
}

export interface PlanAst extends Node {
  kind: "Plan";
  items: Item[];
}

export type Item =
  | PlanHeader
  | CurrencyItem
  | RoundingItem
  | PeriodItem
  | VolumeItem
  | ActiveItem
  | RanksItem
  | BreakawayItem
  | BonusItem
  | SplitItem
  | CancellationItem
  | PayoutItem
  | PayoutTargetItem;

/** `plan "Vitalis Classic" version "2026.1"` (version optional). */
export interface PlanHeader extends Node {
  kind: "PlanHeader";
  title: StringLit;
  version?: StringLit;
}

/** `currency EUR` */
export interface CurrencyItem extends Node {
  kind: "Currency";
  code: Name;
}

/** `rounding half-up to 0.01` — mode is a Name (`half-up`, `half-even`, ...), checked later. */
export interface RoundingItem extends Node {
  kind: "Rounding";
  mode: Name;
  unit?: NumberLit;
}

/** `period monthly` */
export interface PeriodItem extends Node {
  kind: "Period";
  value: Name;
}

/** `volume PV = points` — a measure summing qty × the named line figure. */
export interface VolumeItem extends Node {
  kind: "Volume";
  name: Name;
  figure: Name;
}

/** `active when <condition>` */
export interface ActiveItem extends Node {
  kind: "Active";
  condition: Condition;
}

/** `ranks { Consultant  Junior: PV >= 50 ... }`, lowest rank first. */
export interface RanksItem extends Node {
  kind: "Ranks";
  ranks: RankDecl[];
}

export interface RankDecl extends Node {
  name: Name;
  /** Absent for a rank without conditions (`Consultant`). */
  condition?: Condition;
}

/** `breakaway at Manager` */
export interface BreakawayItem extends Node {
  kind: "Breakaway";
  rank: Name;
}

/**
 * `bonus <kind> "<title>" on <measure> { clauses }`. The kind is a Name so that an unknown kind
 * gets a checker diagnostic with a suggestion; which clauses a kind allows is also the checker's.
 */
export interface BonusItem extends Node {
  kind: "Bonus";
  bonusKind: Name;
  title: StringLit;
  measure: Name;
  clauses: BonusClause[];
}

export type BonusClause =
  | LevelClause
  | GenerationClause
  | RankRateClause
  | CompressionClause
  | RateClause
  | WithinClause
  | SharesClause;

/** `level 1: 5% requires Senior` (requires optional). */
export interface LevelClause extends Node {
  kind: "Level";
  level: NumberLit;
  rate: PercentLit;
  requires?: Name;
}

/** `generation 2: 5% requires Director` (requires optional). */
export interface GenerationClause extends Node {
  kind: "Generation";
  generation: NumberLit;
  rate: PercentLit;
  requires?: Name;
}

/** `Junior: 10%` inside a differential bonus. */
export interface RankRateClause extends Node {
  kind: "RankRate";
  rank: Name;
  rate: PercentLit;
}

/** `compression` */
export interface CompressionClause extends Node {
  kind: "Compression";
}

/** `rate 3% from Manager` (equal rank) or `rate 2%` (pool); `from` optional. */
export interface RateClause extends Node {
  kind: "Rate";
  rate: PercentLit;
  from?: Name;
}

/** `within 60 days` (fast start). */
export interface WithinClause extends Node {
  kind: "Within";
  days: NumberLit;
}

/** `shares { Manager: 1  Director: 2 }` (pool). */
export interface SharesClause extends Node {
  kind: "Shares";
  entries: ShareEntry[];
}

export interface ShareEntry extends Node {
  rank: Name;
  shares: NumberLit;
}

/** `split "Mentorenbonus" { mode volume  measures PV, CV  default share 50% }` (title optional). */
export interface SplitItem extends Node {
  kind: "Split";
  title?: StringLit;
  clauses: SplitClause[];
}

export type SplitClause = SplitModeClause | SplitMeasuresClause | SplitDefaultShareClause;

export interface SplitModeClause extends Node {
  kind: "SplitMode";
  mode: Name;
}

export interface SplitMeasuresClause extends Node {
  kind: "SplitMeasures";
  measures: Name[];
}

export interface SplitDefaultShareClause extends Node {
  kind: "SplitDefaultShare";
  share: PercentLit;
}

/** `cancellation { withdrawal 14 days after delivery  policy exact  late canceller: ... }` */
export interface CancellationItem extends Node {
  kind: "Cancellation";
  clauses: CancellationClause[];
}

export type CancellationClause = WithdrawalClause | PolicyClause | LateCancellerClause;

export interface WithdrawalClause extends Node {
  kind: "Withdrawal";
  days: NumberLit;
}

export interface PolicyClause extends Node {
  kind: "Policy";
  policy: Name;
}

/** `late canceller: hold 8 weeks, prepayment only` — either part may be left out. */
export interface LateCancellerClause extends Node {
  kind: "LateCanceller";
  holdWeeks?: NumberLit;
  prepaymentOnly: boolean;
}

/** `payout minimum 10.00` */
export interface PayoutItem extends Node {
  kind: "Payout";
  minimum: NumberLit;
}

/** `payout target 45%`: the most the plan should pay per order, checked against the payout bound. */
export interface PayoutTargetItem extends Node {
  kind: "PayoutTarget";
  target: PercentLit;
}

// ---------------------------------------------------------------------------------------------
// Conditions (rank qualifications and activity)

export type Condition = OrCondition | AndCondition | NotCondition | Comparison;

export interface OrCondition extends Node {
  kind: "Or";
  operands: Condition[];
}

export interface AndCondition extends Node {
  kind: "And";
  operands: Condition[];
}

export interface NotCondition extends Node {
  kind: "Not";
  operand: Condition;
}

export type CompareOp = ">=" | ">" | "<=" | "<" | "=" | "!=";

/** `GV >= 4000 with maxleg 60%`, `legs(Senior) >= 2`, `PV(CV) >= 500`. */
export interface Comparison extends Node {
  kind: "Comparison";
  left: Figure;
  op: CompareOp;
  right: NumberLit;
  maxleg?: PercentLit;
}

export type Figure = VolumeFigure | LegsFigure | FrontlineFigure;

/**
 * `PV`, `GV`, `OV`, optionally with a measure: `GV(CV)`. `figure` is the Name as written; the
 * checker requires PV, GV or OV (so `CV >= 500` gets "did you mean `PV(CV)`?").
 */
export interface VolumeFigure extends Node {
  kind: "VolumeFigure";
  figure: Name;
  measure?: Name;
}

/** `legs(Senior)` */
export interface LegsFigure extends Node {
  kind: "Legs";
  rank: Name;
}

/** `frontline(Junior)` */
export interface FrontlineFigure extends Node {
  kind: "Frontline";
  rank: Name;
}
