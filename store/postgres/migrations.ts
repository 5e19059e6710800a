/**
 * The PostgreSQL schema as numbered migrations (the same tables as SQLite's). Money and volumes
 * are NUMERIC — exact, and NUMERIC keeps the scale it was given, so "100.00" reads back as
 * "100.00" — which lets a back office sum them in SQL. Volumes per partner stay a JSON text
 * (measure names in plan order; jsonb would reorder them).
 */
import type { Migration } from "../sqlite/migrations.ts";

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
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
        earned_total NUMERIC NOT NULL,
        payout_total NUMERIC NOT NULL
      );
      CREATE TABLE partners (
        period TEXT NOT NULL REFERENCES runs(period),
        seq INTEGER NOT NULL,
        partner TEXT NOT NULL,
        rank TEXT,
        active BOOLEAN NOT NULL,
        volumes TEXT NOT NULL,
        earned NUMERIC NOT NULL,
        carried_in NUMERIC NOT NULL,
        payout NUMERIC NOT NULL,
        carried_out NUMERIC NOT NULL,
        PRIMARY KEY (period, seq)
      );
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
        base NUMERIC,
        rate TEXT,
        amount NUMERIC NOT NULL,
        cancellation TEXT,
        reverses TEXT,
        transfer_of TEXT,
        note TEXT,
        PRIMARY KEY (period, seq)
      );
      CREATE INDEX ledger_by_order ON ledger (order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX ledger_by_recipient ON ledger (recipient, period);
      CREATE TABLE extras (
        period TEXT NOT NULL REFERENCES runs(period),
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (period, kind, seq)
      );
      CREATE TABLE orders_commissioned (
        id TEXT PRIMARY KEY,
        period TEXT NOT NULL REFERENCES runs(period),
        fingerprint TEXT NOT NULL
      );
      CREATE TABLE cancellations_seen (
        id TEXT PRIMARY KEY,
        period TEXT NOT NULL REFERENCES runs(period),
        fingerprint TEXT NOT NULL
      );
    `,
  },
];
