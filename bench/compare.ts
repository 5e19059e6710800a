/**
 * `comp compare` (the three cancellation policies) at 100k partners, as a user runs it, plus
 * where its time goes. `npx tsx bench/compare.ts [partners]` (default 100000).
 *
 * Data: `comp generate --partners N --seed 1 --months 3 --splits N/200 --cancellations N/50`
 * (about 3.1 orders per partner over three months, 2% of the orders cancelled, most after the
 * run that paid them), made once in <tmp>/comp-bench-compare/ and reused. Plan: vitalis-classic (levels,
 * differential, pools), through the third month, so four replays (without the after-run
 * cancellations, simple, previous-rank, exact) of three periods each.
 *
 * Rows go into bench/results.json under `compare` (other keys are kept):
 *   command     the whole `comp compare` in a child process, as the installed package runs it
 *               (the bundled CLI of `npm run build:lib`, like bench/endToEnd.ts): wallS, cpuS
 *               (user + system), peakRssMB, loadAverage (2 cores: a loaded machine inflates wall)
 *   commandFromSources  the same command from this checkout's sources through tsx (what `npx comp`
 *               runs while developing: it also transpiles about 900 modules at start)
 *   commandTwoThreads  the installed form with COMP_COMPARE_THREADS=2 (the replays shared with a
 *               worker thread; off by default: it did not pay on 2 cores, docs/PERFORMANCE.md)
 *   phases      in this process, CPU seconds: reading and checking the data, each replay
 *               (compiled engine, period views), the figures; and how many periods the
 *               compiled engine handed to the reference (0: everything compiled)
 * Target (issue 13): <= 10 s wall at 100k.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadData, loadPlan } from "../cli/io.ts";
import { comparePolicies } from "../runtime/compare/index.ts";
import { compiledEngine, lastDelegations } from "../runtime/compiled/engine.ts";
import { forgetSharedPeriods } from "../runtime/compiled/sharedPrefix.ts";
import type { Policy } from "../core/ir.ts";
import { buildPackage } from "../scripts/buildPackage.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const partners = Number(process.argv[2] ?? 100_000);
const through = "2026-09";
// Its own folder: other benches write theirs beside it (bench/run.ts uses comp-bench).
const dir = join(tmpdir(), "comp-bench-compare");
const file = join(dir, `compare-${partners}.data.json`);
const plan = join(root, "plans", "vitalis-classic.plan");

function cpuSeconds<T>(work: () => T): { value: T; cpuS: number } {
  const start = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(start);
  return { value, cpuS: Math.round((used.user + used.system) / 10_000) / 100 };
}

if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  const made = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", "generate", "--partners", String(partners), "--seed", "1", "--months", "3",
    "--splits", String(Math.floor(partners / 200)), "--cancellations", String(Math.floor(partners / 50)), "--out", file], { cwd: root, encoding: "utf8" });
  if (made.status !== 0) throw new Error(`generate failed: ${made.stderr}`);
}

// The whole command, in a child so that its peak RSS is its own: as installed (the bundled CLI,
// built once into node_modules/.cache like bench/endToEnd.ts), from the sources through tsx, and
// installed with the policy replays shared with a worker thread (COMP_COMPARE_THREADS=2,
// cli/compareInParallel.ts).
const lib = buildPackage("node_modules/.cache/comp-bench-lib");
function timedCommand(form: "installed" | "sources", threads: "1" | "2"): { wallS: number; cpuS: number; peakRssMB: number; loadAverage: number } {
  const report = join(tmpdir(), `comp-bench-compare-${process.pid}.txt`);
  const load = loadavg()[0]!;
  const cli = form === "installed" ? [join(lib, "cli", "main.js")] : ["--import", "tsx", "cli/main.ts"];
  const child = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", "-o", report, process.execPath, ...cli, "compare", plan, "--data", file, "--through", through],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, COMP_COMPARE_THREADS: threads } });
  if (child.status !== 0) throw new Error(`comp compare failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const [wall, rssKB, user, system] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-4).map(Number);
  rmSync(report, { force: true });
  return { wallS: wall!, cpuS: Math.round((user! + system!) * 100) / 100, peakRssMB: Math.round(rssKB! / 1024), loadAverage: Math.round(load * 10) / 10 };
}
const command = timedCommand("installed", "1");
const commandFromSources = timedCommand("sources", "1");
const commandTwoThreads = timedCommand("installed", "2");

// Where the time goes, in this process.
const { ir } = loadPlan(plan);
const read = cpuSeconds(() => loadData(file, ir));
const data = read.value;
// The whole comparison first, as the command runs it (it builds the data set's columns once and
// shares leading periods between its replays); then each replay alone, its shared periods
// forgotten first. The two are not additive: the replays repeat work the comparison shares.
const whole = cpuSeconds(() => comparePolicies(ir, data, through, undefined, compiledEngine));
if (!whole.value.ok) throw new Error(whole.value.error.message);
const replays: { run: string; cpuS: number; delegated: number }[] = [];
for (const policy of [null, "simple", "previous-rank", "exact"] as (Policy | null)[]) {
  forgetSharedPeriods(data);
  const options = policy === null ? { through, ignoreAfterRunCancellations: true } : { through, policy };
  const run = cpuSeconds(() => compiledEngine.runThroughView(ir, data, options));
  if (!run.value.ok) throw new Error(`${policy ?? "without"}: ${run.value.error.message}`);
  replays.push({ run: policy ?? "without", cpuS: run.cpuS, delegated: lastDelegations().length });
}
const phases = {
  readS: read.cpuS,
  /** comparePolicies in this process after the read: replays, shared periods and figures. */
  compareS: whole.cpuS,
  /** Each replay alone, nothing shared (not a breakdown of compareS). */
  replaysAlone: replays,
};

const row = { partners, orders: data.orders.length, cancellations: data.cancellations.length, splits: data.splits.length, command, commandFromSources, commandTwoThreads, phases, targetWallS: 10 };
console.log(JSON.stringify(row, null, 2));
const resultsFile = join(root, "bench", "results.json");
const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>) : {};
writeFileSync(resultsFile, JSON.stringify({ ...results, compare: row }, null, 2) + "\n");
