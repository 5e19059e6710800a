/**
 * A throw-away PostgreSQL server for the store tests: initdb into a temporary folder, listen on
 * 127.0.0.1 only (and a socket in that folder), stop and delete it afterwards. Debian's binaries
 * refuse to run as root, so as root they run through `runuser -u postgres`.
 *
 * When no PostgreSQL binaries exist the tests that need one are skipped with the reason printed;
 * .ci/run installs Debian's postgresql package so that CI always runs them. COMP_TEST_PG_URL
 * points the tests at an existing server instead (they create and drop their own databases).
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PgServer {
  /** A URL for a fresh database on the server. */
  url: (database: string) => string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0]!, "bin");
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (process.env["COMP_TEST_PG_URL"]) return null;
  if (postgresBinaries() === null) return "no PostgreSQL binaries in /usr/lib/postgresql (apt-get install -y postgresql, or set COMP_TEST_PG_URL)";
  if (process.getuid?.() === 0 && !existsSync("/usr/sbin/runuser") && !existsSync("/sbin/runuser")) return "running as root without runuser";
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run("runuser", ["-u", "postgres", "--", command, ...args]);
  else await run(command, args);
}

export async function startPgServer(): Promise<PgServer> {
  const external = process.env["COMP_TEST_PG_URL"];
  if (external) return serverAt(external, async () => {});
  const bin = postgresBinaries()!;
  const dir = mkdtempSync(join(tmpdir(), "comp-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  const data = join(dir, "data");
  await asPostgres(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "comp", "--no-sync"]);
  await asPostgres(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), "-w", "start", "-o", `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off`]);
  const base = `postgres://comp@127.0.0.1:${port}/postgres`;
  return serverAt(base, async () => {
    await asPostgres(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
}

async function serverAt(base: string, stop: () => Promise<void>): Promise<PgServer> {
  const { default: pg } = await import("pg");
  const url = (database: string) => {
    const u = new URL(base);
    u.pathname = `/${database}`;
    return u.toString();
  };
  return {
    url,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}
