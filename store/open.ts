/**
 * `--store <where>`: a `postgres://` or `postgresql://` URL opens PostgreSQL, anything else is a
 * SQLite file (created on first use). The database drivers are loaded only when asked for, so
 * the package's core never needs them (they are optional peer dependencies, docs/API.md).
 */
import { StoreError, type HistoryStore } from "./types.ts";

export function isPostgresUrl(where: string): boolean {
  return /^postgres(ql)?:\/\//i.test(where);
}

export interface OpenOptions {
  /** SQLite: refuse to create a new file (commands that only read). */
  mustExist?: boolean;
}

export async function openStore(where: string, options: OpenOptions = {}): Promise<HistoryStore> {
  if (isPostgresUrl(where)) {
    const { PostgresStore } = await import("./postgres/pgStore.ts");
    return PostgresStore.open(await loadDriver("pg", "PostgreSQL"), where);
  }
  if (options.mustExist) {
    const { existsSync } = await import("node:fs");
    if (!existsSync(where)) throw new StoreError(`no store at ${where} (nothing has been closed there yet)`, "cannot-open");
  }
  const Database = await loadDriver("better-sqlite3", "SQLite");
  const { SqliteStore } = await import("./sqlite/sqliteStore.ts");
  return SqliteStore.open(Database, where);
}

async function loadDriver(name: string, what: string): Promise<never> {
  try {
    const module = (await import(name)) as { default?: unknown };
    return (module.default ?? module) as never;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new StoreError(`the ${what} store needs the \`${name}\` package: npm install ${name === "pg" ? "pg pg-copy-streams" : name}`, "cannot-open");
    }
    throw new StoreError(`cannot load ${name}: ${(e as Error).message}`, "cannot-open");
  }
}
