/**
 * `comp export` of a 100k-partner period (300k ledger entries) in bounded memory, on both
 * databases: the export runs in a process of its own and reports its peak RSS, compared with the
 * same process exporting a 100-partner period. Read whole, this period takes several hundred MB
 * as objects (1M entries: 1.1 GB peak, measured); streamed, the export stays within a fixed
 * margin of the baseline. Speed is reported by `npm run bench:store`, not asserted here.
 */
import { execFile } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/open.ts";
import { postgresUnavailable, startPgServer, type PgServer } from "./pgServer.ts";
import { syntheticPeriod } from "./syntheticPeriod.ts";
import { root } from "./fixtures.ts";

const run = promisify(execFile);
const PARTNERS = 100_000;
const ENTRIES = 3;
/** What the streamed export may use beyond the baseline process (buffers, GC headroom). */
const MARGIN_MB = 150;

const pgReason = postgresUnavailable();
let pg: PgServer | null = null;
const dir = mkdtempSync(join(tmpdir(), "comp-export-memory-"));
beforeAll(async () => {
  if (pgReason === null) pg = await startPgServer();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function exportIn(where: string, out: string): Promise<number> {
  const child = join(root, "test/store/exportChild.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, where, "2026-10", out], { cwd: root });
  const result = JSON.parse(stdout) as { exitCode: number; stderr: string; maxRssMb: number };
  expect(result.stderr).toBe("");
  return result.maxRssMb;
}

async function lineCount(file: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(file) })) n++;
  return n;
}

describe.each(["sqlite", "postgres"] as const)("export of a 100k-partner period from %s", (backend) => {
  it.skipIf(backend === "postgres" && pgReason !== null)("streams: peak memory stays within a fixed margin of a tiny export", async () => {
    const where = async (name: string) => (backend === "sqlite" ? join(dir, `${name}.db`) : pg!.createDatabase(`export_${name}`));
    const big = await where("big");
    const small = await where("small");
    for (const [target, n, k] of [[big, PARTNERS, ENTRIES], [small, 100, 1]] as const) {
      const store = await openStore(target);
      await store.write(syntheticPeriod("2026-10", n, k));
      await store.close();
    }
    const baseline = await exportIn(small, join(dir, `${backend}-small`));
    const peak = await exportIn(big, join(dir, `${backend}-big`));
    console.log(`${backend}: export of ${PARTNERS} partners / ${PARTNERS * ENTRIES} ledger rows: peak RSS ${Math.round(peak)} MB, baseline ${Math.round(baseline)} MB`);
    expect(await lineCount(join(dir, `${backend}-big`, "ledger.csv"))).toBe(PARTNERS * ENTRIES + 1);
    expect(await lineCount(join(dir, `${backend}-big`, "statements.csv"))).toBe(PARTNERS + 1);
    expect(await lineCount(join(dir, `${backend}-big`, "ranks.csv"))).toBe(PARTNERS + 1);
    expect(peak - baseline).toBeLessThan(MARGIN_MB);
  }, 600_000);
});
