/**
 * The PostgreSQL store for back offices (node-postgres). A close is one transaction; the big
 * tables (partners, ledger) go in with COPY FROM STDIN, so tens of millions of ledger rows stream
 * to the server without one INSERT each. Large reads go through a server-side cursor, a few
 * thousand rows at a time.
 */
import type pg from "pg";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { assemblePeriod, EXTRA_KINDS, extrasOf, LEDGER_COLUMNS, ledgerEntryOf, ledgerRow, PARTNER_COLUMNS, partnerOf, partnerRows, type ExtraKind, type LedgerRecord, type PartnerRecord } from "../rows.ts";
import { runOf } from "../sqlite/sqliteStore.ts";
import { StoreError, type CloseRecord, type Fingerprinted, type HistoryStore, type LedgerFilter, type PartnerRow, type StoredRun } from "../types.ts";
import { copyText } from "./copyText.ts";
import { POSTGRES_MIGRATIONS } from "./migrations.ts";

type PgModule = typeof pg;
const FETCH = 5000;

export class PostgresStore implements HistoryStore {
  readonly location: string;

  private constructor(private readonly client: pg.Client, url: string) {
    this.location = withoutPassword(url);
  }

  static async open(pgModule: PgModule, url: string): Promise<PostgresStore> {
    const client = new pgModule.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (e) {
      throw new StoreError(`cannot connect to ${withoutPassword(url)}: ${(e as Error).message}`, "cannot-open");
    }
    // A dropped connection is reported to the command waiting on it; without a listener an
    // idle client's 'error' event would end the process with a stack trace.
    client.on("error", () => {});
    try {
      await migrate(client);
    } catch (e) {
      await client.end();
      if (e instanceof StoreError) throw e;
      throw new StoreError(`cannot prepare the store ${withoutPassword(url)}: ${(e as Error).message}`, "cannot-open");
    }
    return new PostgresStore(client, url);
  }

  async runs(): Promise<StoredRun[]> {
    const { rows } = await this.client.query("SELECT * FROM runs ORDER BY period");
    return rows.map(runOf);
  }

  async readPeriod(period: string): Promise<PeriodResult> {
    const run = await this.client.query("SELECT period, as_of FROM runs WHERE period = $1", [period]);
    const head = run.rows[0] as { period: string; as_of: string } | undefined;
    if (head === undefined) throw new StoreError(`${period} is not closed in ${this.location}`, "not-found");
    const partners: PartnerRow[] = [];
    for await (const p of this.partners(period)) partners.push(p);
    const ledger: LedgerEntry[] = [];
    for await (const e of this.ledger({ period })) ledger.push(e);
    return assemblePeriod({ period: head.period, asOf: head.as_of }, partners, ledger, await this.extras(period));
  }

  async extras(period: string): Promise<Record<ExtraKind, never[]>> {
    const { rows } = await this.client.query("SELECT kind, body FROM extras WHERE period = $1 ORDER BY kind, seq", [period]);
    return extrasOf(rows as { kind: ExtraKind; body: string }[]);
  }

  async planText(hash: string): Promise<string> {
    const { rows } = await this.client.query("SELECT text FROM plans WHERE hash = $1", [hash]);
    if (rows.length === 0) throw new StoreError(`no plan with hash ${hash} in ${this.location}`, "not-found");
    return (rows[0] as { text: string }).text;
  }

  async fingerprints(kind: "orders" | "cancellations"): Promise<Map<string, Fingerprinted>> {
    const table = kind === "orders" ? "orders_commissioned" : "cancellations_seen";
    const map = new Map<string, Fingerprinted>();
    for await (const row of this.cursor<Fingerprinted>(`SELECT id, period, fingerprint FROM ${table}`, [])) map.set(row.id, row);
    return map;
  }

  async *partners(period: string, only?: string): AsyncIterable<PartnerRow> {
    const rows = only === undefined
      ? this.cursor<PartnerRecord>("SELECT * FROM partners WHERE period = $1 ORDER BY seq", [period])
      : this.cursor<PartnerRecord>("SELECT * FROM partners WHERE period = $1 AND partner = $2", [period, only]);
    for await (const row of rows) yield partnerOf(row);
  }

  async *ledger(filter: LedgerFilter): AsyncIterable<LedgerEntry> {
    const where: string[] = [];
    const params: string[] = [];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    add("period", filter.period);
    add("recipient", filter.recipient);
    add("order_id", filter.order);
    const sql = `SELECT * FROM ledger ${where.length > 0 ? "WHERE " + where.join(" AND ") : ""} ORDER BY period, seq`;
    for await (const row of this.cursor<LedgerRecord>(sql, params)) yield ledgerEntryOf(row);
  }

  async write(record: CloseRecord): Promise<void> {
    const { meta, result } = record;
    const c = this.client;
    try {
      await c.query("BEGIN");
      // One close at a time: a second writer waits here, then finds the period closed.
      await c.query("LOCK TABLE runs IN EXCLUSIVE MODE");
      const exists = await c.query("SELECT 1 FROM runs WHERE period = $1", [meta.period]);
      if (exists.rows.length > 0) throw new StoreError(`${meta.period} is already closed in ${this.location}`, "already-closed");
      await c.query("INSERT INTO plans VALUES ($1,$2,$3) ON CONFLICT (hash) DO NOTHING", [meta.planHash, meta.planName, record.planText]);
      await c.query("INSERT INTO runs VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)", [
        meta.period, meta.asOf, meta.planHash, meta.planName, meta.policy, meta.splitMode, meta.engine, meta.engineVersion,
        meta.closedAt, Object.keys(result.ranks).length, result.ledger.length, record.earnedTotal, record.payoutTotal,
      ]);
      await this.copy("partners", PARTNER_COLUMNS, partnerRows(result));
      await this.copy("ledger", LEDGER_COLUMNS, ledgerRows(meta.period, result.ledger));
      await this.copy("extras", ["period", "kind", "seq", "body"], extraRows(meta.period, result));
      await this.copy("orders_commissioned", ["id", "period", "fingerprint"], record.orders.map((o) => [o.id, o.period, o.fingerprint]));
      await this.copy("cancellations_seen", ["id", "period", "fingerprint"], record.cancellations.map((x) => [x.id, x.period, x.fingerprint]));
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      if (e instanceof StoreError) throw e;
      throw new StoreError(`nothing was stored: writing ${meta.period} to ${this.location} failed: ${(e as Error).message}`, "write-failed");
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private async copy(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void> {
    const { from } = (await import("pg-copy-streams")) as typeof import("pg-copy-streams");
    const target = this.client.query(from(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
    await pipeline(Readable.from(copyText(rows), { objectMode: false }), target);
  }

  /** Rows of a query, fetched through a cursor in its own transaction (read-only, consistent). */
  private async *cursor<T>(sql: string, params: string[]): AsyncIterable<T> {
    const c = this.client;
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      await c.query({ text: `DECLARE comp_rows NO SCROLL CURSOR FOR ${sql}`, values: params });
      for (;;) {
        const { rows } = await c.query(`FETCH ${FETCH} FROM comp_rows`);
        for (const row of rows) yield row as T;
        if (rows.length < FETCH) break;
      }
    } finally {
      await c.query("COMMIT").catch(() => {});
    }
  }
}

function* ledgerRows(period: string, ledger: LedgerEntry[]): Generator<readonly unknown[]> {
  for (let seq = 0; seq < ledger.length; seq++) yield ledgerRow(period, seq, ledger[seq]!);
}

function* extraRows(period: string, result: PeriodResult): Generator<readonly unknown[]> {
  for (const kind of EXTRA_KINDS) {
    const items = result[kind] as unknown[];
    for (let seq = 0; seq < items.length; seq++) yield [period, kind, seq, JSON.stringify(items[seq])];
  }
}

async function migrate(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  try {
    // Two processes opening a fresh database at once: the second waits, then sees the tables.
    await client.query("SELECT pg_advisory_xact_lock(727170)");
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const { rows } = await client.query("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r: { version: number }) => r.version));
    const known = new Set(POSTGRES_MIGRATIONS.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new StoreError(`the store has schema version ${Math.max(...unknown)}, newer than this comp knows (${Math.max(...known)}): update comp`, "schema");
    }
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations VALUES ($1,$2,$3)", [m.version, m.name, new Date().toISOString()]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** postgres://user:secret@host/db -> postgres://user@host/db (for messages and `location`). */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}
