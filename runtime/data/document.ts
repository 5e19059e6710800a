/**
 * The data document as written (docs/spec/data.md), i.e. the shape data.schema.json accepts:
 * optional fields may be absent, decimals may be JSON integers, shares are percentages.
 * validateData turns it into the normalized Dataset of model.ts. Generators and tests that
 * write data documents can use these types.
 */
import type { DecimalValue } from "./decimalText.ts";

export interface DataDocument {
  partners: PartnerRecord[];
  customers?: CustomerRecord[];
  splits?: SplitRecord[];
  orders: OrderRecord[];
  cancellations?: CancellationRecord[];
}

export interface PartnerRecord {
  id: string;
  sponsor: string | null;
  joined: string;
  status?: "active" | "terminated";
  terminated?: string | null;
}

export interface CustomerRecord {
  id: string;
  partner: string;
  joined: string;
}

export interface SplitRecord {
  member: string;
  supporter: string;
  /** "50%" for every split measure, or { "PV": "50%", "CV": "30%" }. */
  share?: string | Record<string, string>;
  from?: string | null;
  to?: string | null;
}

/** `sku`, `qty` and any number of per-unit figures (`net`, `points`, ...). */
export interface OrderLineRecord {
  sku: string;
  qty: DecimalValue;
  [figure: string]: DecimalValue;
}

export interface OrderRecord {
  id: string;
  buyer: string;
  date: string;
  paid?: string | null;
  delivered?: string | null;
  lines: OrderLineRecord[];
}

export interface CancellationLineRecord {
  line: number;
  qty: DecimalValue;
}

export interface CancellationRecord {
  id: string;
  order: string;
  date: string;
  goods: "returned" | "lost";
  lines?: CancellationLineRecord[] | null;
}
