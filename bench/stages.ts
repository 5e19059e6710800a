/**
 * `node --import tsx bench/stages.ts <plan> <data file> <through YYYY-MM> [out dir]`: `comp run
 * --out DIR` stage by stage in one process, with the CPU time (user + system) and the wall time
 * of each: reading and checking the data, the run (the compiled engine builds its columnar model
 * on the first period), and each CSV file. CPU time is the figure to compare on a shared machine
 * (wall time grows with the load); the end-to-end bench (bench/endToEnd.ts) measures the command
 * as a user runs it.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDataFile } from "../cli/dataFile.ts";
import { loadPlan } from "../cli/io.ts";
import { writeFilesAtomically } from "../cli/outDir.ts";
import { defaultEngine, ledgerCsvChunks, ranksCsvChunks, statementsCsvChunks } from "../runtime/surface.ts";

const [planFile, dataFile, through, outArg] = process.argv.slice(2);
if (planFile === undefined || dataFile === undefined || through === undefined) {
  throw new Error("usage: stages.ts <plan> <data file> <through YYYY-MM> [out dir]");
}
const out = outArg ?? join(tmpdir(), `comp-stages-${process.pid}`);

function stage<T>(name: string, work: () => T): T {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(`${name.padEnd(16)} ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s CPU ${((performance.now() - wall) / 1000).toFixed(2).padStart(7)} s wall  rss ${rss} MB`);
  return result;
}

const { ir } = stage("plan", () => loadPlan(planFile));
const data = stage("read + check", () => readDataFile(dataFile, ir));
const outcome = stage("run", () => defaultEngine.runThroughView(ir, data, { through }));
if (!outcome.ok) throw new Error(`run refused: ${outcome.error.message}`);
const periods = outcome.view.periods;
for (const [name, chunks] of [
  ["statements.csv", () => statementsCsvChunks(periods)],
  ["ledger.csv", () => ledgerCsvChunks(periods)],
  ["ranks.csv", () => ranksCsvChunks(periods)],
] as const) {
  stage(name, () => writeFilesAtomically(out, [{ name, chunks: chunks() }]));
}
if (outArg === undefined) rmSync(out, { recursive: true, force: true });
