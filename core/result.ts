/**
 * The result document (docs/spec/data.md, "Result document"): what `comp run --json`
 * prints and what the API returns. Amounts are strings with exactly the plan's money decimals;
 * volumes are exact decimal strings. JSON Schema: core/result.schema.json.
 */
import type { BonusKind, Policy } from "./ir.ts";

export interface ResultDocument {
  plan: string;
  policy: Policy;
  periods: PeriodResult[];
}

export interface VolumeFigures {
  personal: string;
  group: string;
  open: string;
}

export interface PeriodResult {
  period: string;
  asOf: string;
  final: boolean;
  /** Every partner joined by the end of the period; null = no rank. */
  ranks: Record<string, string | null>;
  active: Record<string, boolean>;
  /** Partner -> measure name -> figures. */
  volumes: Record<string, Record<string, VolumeFigures>>;
  ledger: LedgerEntry[];
  statements: Record<string, Statement>;
  breakage: Breakage[];
  unrecovered: Unrecovered[];
  flags: Flag[];
  deferred: Deferred[];
  stock: StockMovement[];
}

export interface LedgerEntry {
  /** `<period>#<n>`, n counting from 1 in output order. */
  id: string;
  recipient: string;
  bonus: string;
  kind: BonusKind;
  /** Absent for pool entries. */
  order?: string;
  portion?: "recruiter" | "supporter";
  /** Index on the credit path (p0 = 0). */
  step?: number;
  /** Level or generation number, where the bonus has them. */
  level?: number;
  generation?: number;
  base?: string;
  /** Rate as a percentage string, e.g. "5%". */
  rate?: string;
  amount: string;
  /** For clawbacks: the cancellation that caused it, and under `exact` the entry reversed. */
  cancellation?: string;
  reverses?: string;
  /** Commission-mode transfers: the entry whose share moved to a supporter. */
  transferOf?: string;
  note?: string;
}

export interface Statement {
  earned: string;
  carriedIn: string;
  payout: string;
  carriedOut: string;
}

export interface Breakage {
  bonus: string;
  amount: string;
  reason: string;
}

export interface Unrecovered {
  partner: string;
  amount: string;
  reason: string;
}

export interface Flag {
  buyer: string;
  from: string;
  cancellation: string;
  order: string;
  reason: string;
  hold?: { weeks: number; prepaymentOnly: boolean };
}

export interface Deferred {
  order: string;
  /** The period the order counts in instead of its own month; null = pending (not commissionable). */
  countsIn: string | null;
  reason: string;
}

export interface StockMovement {
  cancellation: string;
  order: string;
  sku: string;
  qty: string;
}
