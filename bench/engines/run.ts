/**
 * The engine bench (part of `npm run bench`): vitalis-classic, one period with the full ledger,
 * on generated genealogies of 10k, 100k and 1M partners; the compiled engine against the
 * hand-written implementation in the same process, and against the reference evaluator at 10k.
 * Each size runs in its own process (bench/engines/size.ts) so that peak RSS is that size's.
 * Prints a table and writes the `runs` rows of bench/results.json, keeping its other keys.
 *
 *   npx tsx bench/engines/run.ts [--sizes 10000,100000]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface EngineRow {
  partners: number;
  orders: number;
  ledgerEntries: number;
  compiled: { cpuMs: number; wallMs: number; peakRssMB: number };
  handWritten: { cpuMs: number; peakRssMB: number };
  reference: { cpuMs: number } | null;
  checks: { prepareCpuMs: number; compiledColdCpuMs: number; dataPeakRssMB: number; rssBeforeRunsMB: number; compiledPeakRssMB: number; processPeakRssMB: number; handWrittenPeakRssMB: number; arrayBuffersMB: number; delegatedPeriods: number; handWrittenLedgerEntries: number; ledgerTotalsAgree: boolean };
}

const SIZE_SCRIPT = fileURLToPath(new URL("./size.ts", import.meta.url));
const RESULTS = fileURLToPath(new URL("../results.json", import.meta.url));

function runSize(partners: number): Promise<EngineRow> {
  const args = ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", SIZE_SCRIPT, String(partners)];
  if (partners <= 10_000) args.push("--reference");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`bench size ${partners} failed with exit code ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1)!) as EngineRow);
    });
  });
}

const ratio = (a: number, b: number) => (b === 0 ? "-" : (a / b).toFixed(2));

export function engineTable(rows: EngineRow[]): string {
  const lines = [
    "partners   orders     ledger      compiled CPU  wall      peak RSS  hand-written  compiled/hand  reference   reference/compiled",
  ];
  for (const r of rows) {
    lines.push(
      [
        String(r.partners).padEnd(10),
        String(r.orders).padEnd(10),
        String(r.ledgerEntries).padEnd(11),
        `${r.compiled.cpuMs} ms`.padEnd(13),
        `${r.compiled.wallMs} ms`.padEnd(9),
        `${r.compiled.peakRssMB} MB`.padEnd(9),
        `${r.handWritten.cpuMs} ms`.padEnd(13),
        ratio(r.compiled.cpuMs, r.handWritten.cpuMs).padEnd(14),
        (r.reference === null ? "-" : `${r.reference.cpuMs} ms`).padEnd(11),
        r.reference === null ? "-" : ratio(r.reference.cpuMs, r.compiled.cpuMs),
      ].join(" "),
    );
  }
  const at = (n: number) => rows.find((r) => r.partners === n);
  const big = at(1_000_000);
  const mid = at(100_000);
  if (big && mid) lines.push(`1M / 100k compiled CPU ratio: ${ratio(big.compiled.cpuMs, mid.compiled.cpuMs)} (target <= 12)`);
  return lines.join("\n");
}

/**
 * Writes the rows as `runs` in bench/results.json, replacing earlier rows of the same sizes and
 * keeping the others (a `--sizes 1000000` run keeps the 10k and 100k rows); other keys (e.g.
 * `endToEnd`) stay as they are.
 */
export function writeRuns(rows: EngineRow[]): void {
  const current: Record<string, unknown> = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>) : {};
  const earlier = Array.isArray(current["runs"]) ? (current["runs"] as { partners: number }[]).filter((r) => !rows.some((n) => n.partners === r.partners)) : [];
  const fresh = rows.map((r) => ({
    partners: r.partners,
    orders: r.orders,
    ledgerEntries: r.ledgerEntries,
    compiled: r.compiled,
    handWritten: r.handWritten,
    reference: r.reference,
  }));
  const runs = [...earlier, ...fresh].sort((a, b) => a.partners - b.partners);
  const temp = `${RESULTS}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...current, runs }, null, 2)}\n`);
  renameSync(temp, RESULTS);
}

export async function runEngineBench(sizes: number[]): Promise<EngineRow[]> {
  const rows: EngineRow[] = [];
  for (const partners of sizes) {
    const row = await runSize(partners);
    if (!row.checks.ledgerTotalsAgree || row.checks.handWrittenLedgerEntries !== row.ledgerEntries) {
      throw new Error(`${partners}: the hand-written and the compiled ledgers disagree`);
    }
    rows.push(row);
    console.log(`engines: ${partners} partners done (${JSON.stringify(row.checks)})`);
  }
  console.log(engineTable(rows));
  writeRuns(rows);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf("--sizes");
  const sizes = flag >= 0 ? process.argv[flag + 1]!.split(",").map(Number) : [10_000, 100_000, 1_000_000];
  await runEngineBench(sizes);
}
