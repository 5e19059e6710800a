/**
 * End to end, as a user runs it: `comp run` from a JSON Lines file to `--out DIR` (statements,
 * ledger and ranks as CSV), one period, in a child process so that its peak RSS is its own.
 * Rows go into bench/results.json under `endToEnd` (other keys are kept):
 *
 *   wallS        the whole command: start of Node, reading, checking, the run, writing CSV
 *   cpuS         its user + system CPU time (with loadAverage: a loaded machine inflates wall time)
 *   peakRssMB    the child's maximum resident set size (GNU time)
 *   inputMBps    data file size / wall
 *   ledgerRowsPerS  ledger rows written / wall
 *   readOnly     reading and checking the same file alone (wall, peak RSS): the Dataset's memory
 *
 * The command runs as the installed package runs it: the bundled CLI of `npm run build:lib`
 * (scripts/buildPackage.ts, built once per bench run into node_modules/.cache/comp-bench-lib, so lib/
 * is not touched), not the TypeScript sources through tsx, whose start alone costs about 2.4 s of
 * CPU (docs/PERFORMANCE.md).
 *
 * Data: `comp generate --partners N --seed 42 --months 2 --out <tmp>/comp-bench/N.jsonl` (made
 * once, then reused), about 2.1 orders per partner in the file; the run goes through the first
 * month only, so every order is read and checked and one period is computed.
 * Targets (issue 8): 1M partners <= 60 s wall and <= 4 GB peak RSS; 100k <= 6 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage } from "../scripts/buildPackage.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const TIME = "/usr/bin/time";

export interface EndToEndRow {
  partners: number;
  ordersInFile: number;
  periods: number;
  inputMB: number;
  engine: string;
  wallS: number;
  /** User + system CPU seconds of the child: on a loaded machine wall time overstates the work. */
  cpuS: number;
  /** One-minute load average when the row was measured (2 cores here). */
  loadAverage: number;
  peakRssMB: number;
  inputMBps: number;
  ledgerRows: number;
  ledgerRowsPerS: number;
  /** Reading and checking alone (bench/readOnly.ts): the whole process, and `readCpuS` its read alone. */
  readOnly: { wallS: number; cpuS: number; readCpuS: number; peakRssMB: number };
  targetWallS: number;
  targetRssMB: number;
}

/** The package as `npm pack` builds it (scripts/buildPackage.ts), once per process: the `comp` users install. */
let builtLib: string | null = null;
function compiledLib(): string {
  builtLib ??= buildPackage("node_modules/.cache/comp-bench-lib");
  return builtLib;
}

/** Runs `node <args>` under GNU time: wall and CPU seconds, peak RSS in MB, stdout. */
function timed(args: string[]): { wallS: number; cpuS: number; peakRssMB: number; stdout: string } {
  const report = join(tmpdir(), `comp-bench-time-${process.pid}.txt`);
  const heap = "--max-old-space-size=6144";
  const child = spawnSync(TIME, ["-f", "%e %M %U %S", "-o", report, process.execPath, heap, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const [wall, rssKB, user, system] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-4).map(Number);
  rmSync(report, { force: true });
  const cpuS = Math.round(((user as number) + (system as number)) * 100) / 100;
  return { wallS: wall as number, cpuS, peakRssMB: Math.round((rssKB as number) / 1024), stdout: child.stdout };
}

function dataFile(partners: number): string {
  const dir = join(tmpdir(), "comp-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${partners}.jsonl`);
  if (!existsSync(file)) {
    console.log(`end to end: generating ${file} (once)…`);
    timed(["--import", "tsx", "cli/main.ts", "generate", "--partners", String(partners), "--seed", "42", "--months", "2", "--out", file, "--quiet"]);
  }
  return file;
}

function firstMonthAndOrders(file: string): { month: string; orders: number } {
  // The generator writes partners, customers, splits, then orders in date order.
  const text = spawnSync("grep", ["-c", '^{"type":"order"', file], { encoding: "utf8" });
  const orders = Number(text.stdout.trim());
  const first = spawnSync("grep", ["-m1", '^{"type":"order"', file], { encoding: "utf8" }).stdout;
  const month = /"date":"(\d{4}-\d{2})/.exec(first)?.[1];
  if (month === undefined) throw new Error(`${file} has no orders`);
  return { month, orders };
}

export function endToEnd(partners: number, engine: string): EndToEndRow {
  const file = dataFile(partners);
  const { month, orders } = firstMonthAndOrders(file);
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const out = join(tmpdir(), `comp-bench-out-${partners}`);
  rmSync(out, { recursive: true, force: true });
  const plan = "plans/vitalis-classic.plan";
  const run = timed([join(compiledLib(), "cli/main.js"), "run", plan, "--data", file, "--through", month, "--out", out, "--quiet"]);
  const ledgerRows = Number(/ledger\.csv \((\d+) rows\)/.exec(run.stdout)?.[1] ?? NaN);
  const readOnly = timed(["--import", "tsx", "bench/readOnly.ts", plan, file]);
  const readCpuS = Number(/: ([\d.]+) s CPU/.exec(readOnly.stdout)?.[1] ?? NaN);
  rmSync(out, { recursive: true, force: true });
  const inputMB = statSync(file).size / 1e6;
  return {
    partners,
    ordersInFile: orders,
    periods: 1,
    inputMB: Math.round(inputMB),
    engine,
    wallS: run.wallS,
    cpuS: run.cpuS,
    loadAverage,
    peakRssMB: run.peakRssMB,
    inputMBps: Math.round((inputMB / run.wallS) * 10) / 10,
    ledgerRows,
    ledgerRowsPerS: Math.round(ledgerRows / run.wallS),
    readOnly: { wallS: readOnly.wallS, cpuS: readOnly.cpuS, readCpuS, peakRssMB: readOnly.peakRssMB },
    targetWallS: partners >= 1_000_000 ? 60 : 6,
    targetRssMB: 4096,
  };
}

/** Measures each size and stores the rows under `endToEnd` in bench/results.json. */
export function endToEndBench(sizes: readonly number[], engine: string): EndToEndRow[] {
  if (!existsSync(TIME)) {
    console.log(`end to end: skipped (${TIME}, GNU time, is needed for the child's peak RSS)`);
    return [];
  }
  const rows = sizes.map((n) => {
    const row = endToEnd(n, engine);
    console.log(
      `end to end ${n} partners (${row.ordersInFile} orders in ${row.inputMB} MB of JSON Lines, 1 period, ${engine} engine): ` +
        `${row.wallS} s wall (target ${row.targetWallS} s; ${row.cpuS} s CPU, load ${row.loadAverage}), peak RSS ${row.peakRssMB} MB (target 4096), ` +
        `${row.inputMBps} MB/s in, ${row.ledgerRowsPerS} ledger rows/s (${row.ledgerRows} rows); ` +
        `reading alone ${row.readOnly.wallS} s (${row.readOnly.cpuS} s CPU, ${row.readOnly.readCpuS} s of it reading and checking), ${row.readOnly.peakRssMB} MB`,
    );
    return row;
  });
  const resultsFile = join(root, "bench/results.json");
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>) : {};
  results["endToEnd"] = rows;
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
  return rows;
}
