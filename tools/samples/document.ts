/**
 * The raw data document as JSON (docs/spec/data.md), exactly what the generator writes and
 * what a user would hand to `comp run --data`. A narrower form of runtime/data/document.ts's
 * DataDocument (every list present, the figures the generator writes), assignable to it, so
 * generated documents go straight into validateData. Optional fields are left out when they
 * carry their default.
 */

export interface DataDocument {
  partners: RawPartner[];
  customers: RawCustomer[];
  splits: RawSplit[];
  orders: RawOrder[];
  cancellations: RawCancellation[];
}

export interface RawPartner {
  id: string;
  sponsor: string | null;
  joined: string;
  /** Omitted = "active". */
  status?: "active" | "terminated";
  /** Only on terminated partners; omitted = terminated in every period. */
  terminated?: string;
}

export interface RawCustomer {
  id: string;
  partner: string;
  joined: string;
}

/** One percentage for every split measure ("50%"), or one per measure name. */
export type RawShare = string | Record<string, string>;

export interface RawSplit {
  member: string;
  supporter: string;
  share: RawShare;
  from?: string;
  to?: string;
}

/**
 * A type alias, not an interface: aliases get an implicit index signature, which keeps this
 * assignable to runtime/data/document.ts's OrderLineRecord (`[figure: string]: ...`).
 */
export type RawOrderLine = {
  sku: string;
  /** Whole units (an exact integer, allowed as a JSON number by data.md). */
  qty: number;
  net: string;
  points: string;
};

export interface RawOrder {
  id: string;
  buyer: string;
  date: string;
  paid: string | null;
  delivered: string | null;
  lines: RawOrderLine[];
}

export interface RawCancellationLine {
  line: number;
  qty: number;
}

export interface RawCancellation {
  id: string;
  order: string;
  date: string;
  goods: "returned" | "lost";
  /** Omitted = the whole order. */
  lines?: RawCancellationLine[];
}
