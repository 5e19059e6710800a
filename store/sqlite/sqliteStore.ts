/**
 * The embedded store: one SQLite file (better-sqlite3), no server. better-sqlite3 is synchronous,
 * which suits a command-line close: one transaction, prepared statements, a few hundred thousand
 * rows a second. Reads that can be large (ledger, partners) are streamed with `iterate()`, so an
 * export of a 1M-partner month never holds the month in memory.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { assemblePeriod, EXTRA_KINDS, extrasOf, ledgerEntryOf, ledgerRow, partnerOf, partnerRows, type ExtraKind, type LedgerRecord, type PartnerRecord } from "../rows.ts";
import { StoreError, type CloseRecord, type Fingerprinted, type HistoryStore, type LedgerFilter, type PartnerRow, type StoredRun } from "../types.ts";
import { SQLITE_MIGRATIONS } from "./migrations.ts";

type Db = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

interface RunRecord {
  period: string;
  as_of: string;
  plan_hash: string;
  plan_name: string;
  policy: string;
  split_mode: string;
  engine: string;
  engine_version: string;
  closed_at: string;
  partner_count: number;
  ledger_count: number;
  earned_total: string;
  payout_total: string;
}

export function runOf(r: RunRecord): StoredRun {
  return {
    period: r.period, asOf: r.as_of, planName: r.plan_name, planHash: r.plan_hash, policy: r.policy as StoredRun["policy"],
    splitMode: r.split_mode as StoredRun["splitMode"], engine: r.engine, engineVersion: r.engine_version, closedAt: r.closed_at,
    partnerCount: Number(r.partner_count), ledgerCount: Number(r.ledger_count), earnedTotal: r.earned_total, payoutTotal: r.payout_total,
  };
}

export class SqliteStore implements HistoryStore {
  readonly location: string;

  private constructor(private readonly db: Db, file: string) {
    this.location = `sqlite:${file}`;
  }

  static open(Database: DatabaseConstructor, file: string): SqliteStore {
    let db: Db;
    try {
      db = new Database(file);
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      migrate(db);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`cannot open the store ${file}: ${(e as Error).message}`, "cannot-open");
    }
    return new SqliteStore(db, file);
  }

  async runs(): Promise<StoredRun[]> {
    return (this.db.prepare("SELECT * FROM runs ORDER BY period").all() as RunRecord[]).map(runOf);
  }

  async readPeriod(period: string): Promise<PeriodResult> {
    const run = this.db.prepare("SELECT period, as_of FROM runs WHERE period = ?").get(period) as { period: string; as_of: string } | undefined;
    if (run === undefined) throw new StoreError(`${period} is not closed in ${this.location}`, "not-found");
    const partners = (this.db.prepare("SELECT * FROM partners WHERE period = ? ORDER BY seq").all(period) as PartnerRecord[]).map(partnerOf);
    const ledger = (this.db.prepare("SELECT * FROM ledger WHERE period = ? ORDER BY seq").all(period) as LedgerRecord[]).map(ledgerEntryOf);
    return assemblePeriod({ period: run.period, asOf: run.as_of }, partners, ledger, await this.extras(period));
  }

  async extras(period: string): Promise<Record<ExtraKind, never[]>> {
    const rows = this.db.prepare("SELECT kind, body FROM extras WHERE period = ? ORDER BY kind, seq").all(period) as { kind: ExtraKind; body: string }[];
    return extrasOf(rows);
  }

  async planText(hash: string): Promise<string> {
    const row = this.db.prepare("SELECT text FROM plans WHERE hash = ?").get(hash) as { text: string } | undefined;
    if (row === undefined) throw new StoreError(`no plan with hash ${hash} in ${this.location}`, "not-found");
    return row.text;
  }

  async fingerprints(kind: "orders" | "cancellations"): Promise<Map<string, Fingerprinted>> {
    const table = kind === "orders" ? "orders_commissioned" : "cancellations_seen";
    const map = new Map<string, Fingerprinted>();
    for (const row of this.db.prepare(`SELECT id, period, fingerprint FROM ${table}`).iterate() as Iterable<Fingerprinted>) map.set(row.id, row);
    return map;
  }

  async *partners(period: string, only?: string): AsyncIterable<PartnerRow> {
    const rows = only === undefined
      ? this.db.prepare("SELECT * FROM partners WHERE period = ? ORDER BY seq").iterate(period)
      : this.db.prepare("SELECT * FROM partners WHERE period = ? AND partner = ?").iterate(period, only);
    for (const row of rows as Iterable<PartnerRecord>) {
      yield partnerOf(row);
    }
  }

  async *ledger(filter: LedgerFilter): AsyncIterable<LedgerEntry> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.period !== undefined) (where.push("period = ?"), params.push(filter.period));
    if (filter.recipient !== undefined) (where.push("recipient = ?"), params.push(filter.recipient));
    if (filter.order !== undefined) (where.push("order_id = ?"), params.push(filter.order));
    const sql = `SELECT * FROM ledger ${where.length > 0 ? "WHERE " + where.join(" AND ") : ""} ORDER BY period, seq`;
    for (const row of this.db.prepare(sql).iterate(...params) as Iterable<LedgerRecord>) yield ledgerEntryOf(row);
  }

  async write(record: CloseRecord): Promise<void> {
    const { meta, result } = record;
    const db = this.db;
    const insertLedger = db.prepare("INSERT INTO ledger VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const insertPartner = db.prepare("INSERT INTO partners VALUES (?,?,?,?,?,?,?,?,?,?)");
    const insertExtra = db.prepare("INSERT INTO extras VALUES (?,?,?,?)");
    const insertOrder = db.prepare("INSERT INTO orders_commissioned VALUES (?,?,?)");
    const insertCancellation = db.prepare("INSERT OR REPLACE INTO cancellations_seen VALUES (?,?,?)");
    const transaction = db.transaction(() => {
      if (db.prepare("SELECT 1 FROM runs WHERE period = ?").get(meta.period) !== undefined) {
        throw new StoreError(`${meta.period} is already closed in ${this.location}`, "already-closed");
      }
      db.prepare("INSERT OR IGNORE INTO plans VALUES (?,?,?)").run(meta.planHash, meta.planName, record.planText);
      db.prepare("INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)").run(
        meta.period, meta.asOf, meta.planHash, meta.planName, meta.policy, meta.splitMode, meta.engine, meta.engineVersion,
        meta.closedAt, Object.keys(result.ranks).length, result.ledger.length, record.earnedTotal, record.payoutTotal,
      );
      for (const row of partnerRows(result)) {
        row[4] = (row[4] ? 1 : 0) as unknown as boolean;
        insertPartner.run(...row);
      }
      result.ledger.forEach((e, seq) => insertLedger.run(...ledgerRow(meta.period, seq, e)));
      for (const kind of EXTRA_KINDS) result[kind].forEach((item, seq) => insertExtra.run(meta.period, kind, seq, JSON.stringify(item)));
      for (const o of record.orders) insertOrder.run(o.id, o.period, o.fingerprint);
      for (const c of record.cancellations) insertCancellation.run(c.id, c.period, c.fingerprint);
    });
    try {
      transaction.immediate();
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`nothing was stored: writing ${meta.period} to ${this.location} failed: ${(e as Error).message}`, "write-failed");
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
  const known = new Set(SQLITE_MIGRATIONS.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new StoreError(`the store has schema version ${Math.max(...unknown)}, newer than this comp knows (${Math.max(...known)}): update comp`, "schema");
  }
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations VALUES (?,?,?)").run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
