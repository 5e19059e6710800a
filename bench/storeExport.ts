/**
 * `npm run bench:store [-- --partners 100000 --entries 10]`: the history store at size, on SQLite
 * and on PostgreSQL (a throw-away server, skipped with the reason when there are no binaries).
 *
 *   write    one closed period (partners + ledger) in one transaction: rows/s
 *   export   `comp export` of that period to three CSV files in a process of its own: rows/s
 *            (partners twice — statements and ranks — plus the ledger) and its peak RSS
 *   baseline the same export process on a 100-partner store: the RSS every export starts with
 *
 * The period is synthetic (test/store/syntheticPeriod.ts): this measures the store and the
 * writers, not the engine.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { openStore } from "../store/open.ts";
import { postgresUnavailable, startPgServer } from "../test/store/pgServer.ts";
import { syntheticPeriod } from "../test/store/syntheticPeriod.ts";

const run = promisify(execFile);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const partners = arg("partners", 100_000);
const entries = arg("entries", 10);
const child = new URL("../test/store/exportChild.ts", import.meta.url).pathname;

async function exportOf(where: string, dir: string): Promise<{ ms: number; maxRssMb: number }> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, where, "2026-10", dir], { maxBuffer: 1 << 20 });
  const out = JSON.parse(stdout) as { exitCode: number; stderr: string; ms: number; maxRssMb: number };
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return out;
}

async function measure(name: string, big: string, small: string, dir: string): Promise<void> {
  for (const [where, n, k] of [[big, partners, entries], [small, 100, 1]] as const) {
    const store = await openStore(where);
    const record = syntheticPeriod("2026-10", n, k);
    const t = performance.now();
    await store.write(record);
    if (where === big) {
      const s = (performance.now() - t) / 1000;
      const rows = n + n * k;
      console.log(`${name} write: ${n} partners + ${n * k} ledger rows in ${s.toFixed(1)} s = ${Math.round(rows / s)} rows/s`);
    }
    await store.close();
  }
  const baseline = await exportOf(small, join(dir, `${name}-small`));
  const e = await exportOf(big, join(dir, `${name}-big`));
  const rows = 2 * partners + partners * entries;
  console.log(`${name} export: ${rows} CSV rows in ${(e.ms / 1000).toFixed(1)} s = ${Math.round(rows / (e.ms / 1000))} rows/s, peak RSS ${Math.round(e.maxRssMb)} MB (baseline ${Math.round(baseline.maxRssMb)} MB)`);
}

const dir = mkdtempSync(join(tmpdir(), "comp-bench-store-"));
try {
  await measure("sqlite", join(dir, "big.db"), join(dir, "small.db"), dir);
  const reason = postgresUnavailable();
  if (reason !== null) console.log(`postgres: skipped (${reason})`);
  else {
    const pg = await startPgServer();
    try {
      await measure("postgres", await pg.createDatabase("bench_big"), await pg.createDatabase("bench_small"), dir);
    } finally {
      await pg.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
