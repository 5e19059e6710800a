/**
 * The SQLite schema as numbered migrations. A store records the versions it has applied in
 * `schema_migrations`; opening applies the missing ones in order, each in its own transaction,
 * and refuses a file written by a newer comp (a version it does not know).
 *
 * Amounts and volumes are TEXT: SQLite's REAL would round them, and the store must give back
 * exactly the decimal strings the engine wrote.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "closed periods: runs, plans, partners, ledger, lists, fingerprints",
    sql: `
      CREATE TABLE plans (
        hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE TABLE runs (
        period TEXT PRIMARY KEY,
        as_of TEXT NOT NULL,
        plan_hash TEXT NOT NULL REFERENCES plans(hash),
        plan_name TEXT NOT NULL,
        policy TEXT NOT NULL,
        split_mode TEXT NOT NULL,
        engine TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        partner_count INTEGER NOT NULL,
        ledger_count INTEGER NOT NULL,
        earned_total TEXT NOT NULL,
        payout_total TEXT NOT NULL
      );
      CREATE TABLE partners (
        period TEXT NOT NULL REFERENCES runs(period),
        seq INTEGER NOT NULL,
        partner TEXT NOT NULL,
        rank TEXT,
        active INTEGER NOT NULL,
        volumes TEXT NOT NULL,
        earned TEXT NOT NULL,
        carried_in TEXT NOT NULL,
        payout TEXT NOT NULL,
        carried_out TEXT NOT NULL,
        PRIMARY KEY (period, seq)
      ) WITHOUT ROWID;
      CREATE INDEX partners_by_id ON partners (partner, period);
      CREATE TABLE ledger (
        period TEXT NOT NULL REFERENCES runs(period),
        seq INTEGER NOT NULL,
        recipient TEXT NOT NULL,
        bonus TEXT NOT NULL,
        kind TEXT NOT NULL,
        order_id TEXT,
        portion TEXT,
        step INTEGER,
        level INTEGER,
        generation INTEGER,
        base TEXT,
        rate TEXT,
        amount TEXT NOT NULL,
        cancellation TEXT,
        reverses TEXT,
        transfer_of TEXT,
        note TEXT,
        PRIMARY KEY (period, seq)
      ) WITHOUT ROWID;
      CREATE INDEX ledger_by_order ON ledger (order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX ledger_by_recipient ON ledger (recipient, period);
      CREATE TABLE extras (
        period TEXT NOT NULL REFERENCES runs(period),
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (period, kind, seq)
      ) WITHOUT ROWID;
      CREATE TABLE orders_commissioned (
        id TEXT PRIMARY KEY,
        period TEXT NOT NULL REFERENCES runs(period),
        fingerprint TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE cancellations_seen (
        id TEXT PRIMARY KEY,
        period TEXT NOT NULL REFERENCES runs(period),
        fingerprint TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
