/**
 * The data document after validation: every field present, decimals as canonical strings,
 * percentages as fractions. Produced by runtime/data/validate.ts (ajv schema + graph checks),
 * consumed by the evaluators. Plain data, so it can cross a worker boundary unchanged.
 *
 * Dates are ISO `YYYY-MM-DD` strings (they compare correctly as strings); periods `YYYY-MM`.
 */

export interface Dataset {
  partners: Partner[];
  customers: Customer[];
  splits: SplitAgreement[];
  orders: Order[];
  cancellations: Cancellation[];
}

export interface Partner {
  id: string;
  sponsor: string | null;
  joined: string;
  status: "active" | "terminated";
  /** Termination date of a terminated partner; null = terminated in every period. */
  terminated: string | null;
}

export interface Customer {
  id: string;
  partner: string;
  joined: string;
}

export interface SplitAgreement {
  /** Index in the document's `splits` array (for error messages). */
  index: number;
  member: string;
  supporter: string;
  /** One share for every split measure (fraction), or null when given per measure / not at all. */
  share: string | null;
  /** Shares per measure name (fractions); measures missing here use `share`, then the plan's default. */
  shareByMeasure: Record<string, string>;
  /** First and last period in force (inclusive); null = open-ended. */
  from: string | null;
  to: string | null;
}

export interface OrderLine {
  sku: string;
  /** Quantity, a non-negative exact decimal. */
  qty: string;
  /** Per-unit figures by name (`net`, `points`, ...), canonical decimal strings. */
  figures: Record<string, string>;
}

export interface Order {
  id: string;
  buyer: string;
  date: string;
  paid: string | null;
  delivered: string | null;
  lines: OrderLine[];
}

export interface CancellationLine {
  /** Index into the order's lines. */
  line: number;
  qty: string;
}

export interface Cancellation {
  id: string;
  order: string;
  date: string;
  goods: "returned" | "lost";
  /** null: the whole order (all quantity not yet cancelled). */
  lines: CancellationLine[] | null;
}

/** A problem with a data document: where (JSON path like `orders[3].buyer`), which id, what. */
export interface DataProblem {
  path: string;
  id?: string;
  message: string;
}
