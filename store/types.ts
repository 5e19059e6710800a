/**
 * The history store: where final runs live once a period is closed (docs/STORE.md). One small
 * interface, two implementations — an embedded SQLite file (store/sqlite/) and PostgreSQL
 * (store/postgres/). Everything above this interface (closing, checks, export, explain) is
 * shared, so both databases behave the same and are tested the same way.
 *
 * Node-only: nothing in the browser-safe core imports this folder.
 */
import type { Policy } from "../core/ir.ts";
import type { LedgerEntry, PeriodResult, Statement, VolumeFigures } from "../core/result.ts";

/** What is recorded about one closed period besides its result. */
export interface RunMeta {
  period: string;
  asOf: string;
  planName: string;
  /** sha-256 (hex) of the plan text; the text itself is stored once per hash. */
  planHash: string;
  policy: Policy;
  splitMode: "volume" | "commission";
  engine: string;
  engineVersion: string;
  /** Wall-clock time of the close (ISO 8601, UTC): audit information, never an input. */
  closedAt: string;
}

/** A stored run as `comp history` lists it. */
export interface StoredRun extends RunMeta {
  partnerCount: number;
  ledgerCount: number;
  /** Sum of the ledger amounts and of the payouts, exact decimal strings. */
  earnedTotal: string;
  payoutTotal: string;
}

/** One partner's line of a period (ranks, activity, volumes, statement). */
export interface PartnerRow {
  partner: string;
  rank: string | null;
  active: boolean;
  volumes: Record<string, VolumeFigures>;
  statement: Statement;
}

/** An order or cancellation as the store saw it when a period was closed (data.md fields). */
export interface Fingerprinted {
  id: string;
  period: string;
  fingerprint: string;
}

/** Everything one close writes, in one transaction. */
export interface CloseRecord {
  meta: RunMeta;
  planText: string;
  result: PeriodResult;
  earnedTotal: string;
  payoutTotal: string;
  /** Orders this run commissioned (they may never change afterwards). */
  orders: Fingerprinted[];
  /** Cancellations the closed history has taken into account (same). */
  cancellations: Fingerprinted[];
}

export interface LedgerFilter {
  period?: string;
  recipient?: string;
  order?: string;
}

export interface HistoryStore {
  /** "sqlite:/path/comp.db" or "postgres://user@host:port/db" (no password). */
  readonly location: string;
  /** Closed periods, oldest first. */
  runs(): Promise<StoredRun[]>;
  /** A closed period read back exactly as the engine produced it (history for the next run). */
  readPeriod(period: string): Promise<PeriodResult>;
  planText(hash: string): Promise<string>;
  /** A period's small lists: breakage, unrecovered clawbacks, flags, deferred orders, stock. */
  extras(period: string): Promise<Pick<PeriodResult, "breakage" | "unrecovered" | "flags" | "deferred" | "stock">>;
  /** Every order a closed period commissioned, and every cancellation the history has seen. */
  fingerprints(kind: "orders" | "cancellations"): Promise<Map<string, Fingerprinted>>;
  /** A period's partners in the engine's listing order, streamed (or just the one asked for). */
  partners(period: string, only?: string): AsyncIterable<PartnerRow>;
  /** Ledger entries in period and ledger order, streamed; a filter narrows them. */
  ledger(filter: LedgerFilter): AsyncIterable<LedgerEntry>;
  /** Writes one closed period; all or nothing. Refuses a period that is already stored. */
  write(record: CloseRecord): Promise<void>;
  /** Releases the connection or file. */
  close(): Promise<void>;
}

/** The store said no, or cannot be opened: a user-facing message (the CLI exits 3 or 2). */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: "already-closed" | "not-next" | "contradiction" | "plan-change" | "not-found" | "cannot-open" | "run-refused" | "schema" | "write-failed",
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
