/**
 * One size of the engine bench, in its own process (so peak RSS belongs to this size):
 * generates the data in-process, prepares the shared columnar arrays, then runs the hand-written
 * vitalis implementation, the compiled engine (one period, full ledger, as the view writers
 * read) and — at 10k only — the reference evaluator, each timed in CPU (process.cpuUsage, all
 * threads, so garbage collection counts). The compiled engine's first run (cold JIT, kernel
 * generation, no ledger size hint) is reported as `compiledColdCpuMs`; then the hand-written and
 * the compiled runs alternate, `ROUNDS` times each after a warm-up, each after a full garbage
 * collection, and the fastest round is reported: the machine is shared and its load changes
 * from second to second.
 * Prints one JSON row on stdout; bench/engines/run.ts collects the rows.
 *
 *   npx tsx bench/engines/size.ts 100000
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compilePlan } from "../../compiler/compile.ts";
import { columnarOf } from "../../runtime/compiled/columnar.ts";
import type { ResultView } from "../../core/resultView.ts";
import { compiledEngine, lastDelegations } from "../../runtime/compiled/engine.ts";
import { firstTakeDayOf, takesOf } from "../../runtime/compiled/period.ts";
import { buyerSlotsOf } from "../../runtime/compiled/portions.ts";
import { forgetSharedPeriods } from "../../runtime/compiled/sharedPrefix.ts";
import { scaledInt } from "../../runtime/compiled/scaled.ts";
import { planTables } from "../../runtime/compiled/planTables.ts";
import { releaseOf } from "../../runtime/compiled/release.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { BENCH_MONTH, benchData } from "./data.ts";
import { runVitalisByHand } from "../handWritten/vitalis.ts";

function cpuMs<T>(work: () => T): { value: T; cpuMs: number; wallMs: number } {
  const wall = performance.now();
  const start = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(start);
  return { value, cpuMs: Math.round((used.user + used.system) / 1000), wallMs: Math.round(performance.now() - wall) };
}

/** The process's peak resident memory over everything measured so far (restartPeak resets the kernel's). */
let processPeakMB = 0;

/** The peak resident memory since the process started, or since the last restartPeak(). */
function peakMB(): number {
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  processPeakMB = Math.max(processPeakMB, peak);
  return peak;
}

/**
 * Starts the peak over from the current resident memory (Linux: writing 5 to clear_refs resets
 * the high-water mark that getrusage reports), so each stage's own peak can be told apart: the
 * data generation's, the hand-written runs', the compiled runs'. processPeakMB keeps the whole
 * process's. Where the reset is not possible, every stage's peak is the process's peak so far.
 */
function restartPeak(): void {
  peakMB();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not Linux, or not allowed: see above.
  }
}

/** The largest of a stage's peaks over the rounds. */
function peakAfter<T>(work: () => T, peaks: { mb: number }): T {
  restartPeak();
  const value = work();
  peaks.mb = Math.max(peaks.mb, peakMB());
  return value;
}

const partners = Number(process.argv[2]);
const withReference = process.argv.includes("--reference");
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const { ir } = compilePlan(readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8"));
if (!ir) throw new Error("plans/vitalis-classic.plan does not compile");
const data = benchData(partners, 42, collect);
// The generator's garbage (drafts, id and date caches) goes before preparing, as it goes before
// every timed round: the model is then built on a heap that holds only the Dataset.
collect();
// Once per data set (both implementations read these; the engine caches them per Dataset): the
// columnar model, release, figure sums, cancellation takes, buyer slots.
const prepare = cpuMs(() => {
  const c = columnarOf(data);
  releaseOf(ir, c);
  firstTakeDayOf(c, takesOf(c));
  buyerSlotsOf(c);
  return planTables(ir, c);
});
const through = BENCH_MONTH;
// Peak RSS so far is the data generation's and preparing's: the row's peak RSS includes it, so it
// is reported apart (checks.dataPeakRssMB), and each run's peak is measured from its start (the
// data set and its columns included): checks.compiledPeakRssMB over the compiled runs (the cold
// one too), checks.handWrittenPeakRssMB over the hand-written ones. The compiled row's peakRssMB
// is the process's peak over what the compiled engine needs — generating and preparing the data,
// then the compiled runs: the larger of the two. The hand-written runs (a second program run
// here only for the ratio, which allocates its arrays afresh every round) reach their own peak,
// reported as handWritten.peakRssMB; checks.processPeakRssMB is the whole process's. rssBeforeRunsMB is what the runs start from (the data set and
// its columns, after a full collection, like every round). arrayBuffersMB is the engine's typed-array memory after the
// runs: the data set's cached columns (columnar model, release, figure sums, buyer slots) plus
// the one compiled period this script keeps for its checks (ledger columns, volumes, portions).
// No other period is kept: each run's period is released before the next run, as a caller that
// writes a period and moves on would, so the peak is the data plus one run.
const dataPeakRssMB = peakMB();
collect();
const rssBeforeRunsMB = Math.round(process.memoryUsage().rss / 2 ** 20);
const compiledPeak = { mb: 0 };
const handWrittenPeak = { mb: 0 };
// The first compiled run after preparing: cold JIT, kernel generation, no ledger size hint.
forgetSharedPeriods(data);
// Each compiled run's view is released before the next compiled run, as a caller that has
// written a period and moves on does: its arrays go back to the engine's pool and the next run
// takes them (runtime/compiled/arrayPool.ts) instead of allocating ~570 MB at 1M again.
let previous: ResultView | null = null;
const cold = peakAfter(() => cpuMs(() => {
  const outcome = compiledEngine.runThroughView(ir, data, { through });
  if (!outcome.ok) throw new Error(outcome.error.message);
  previous = outcome.view;
  return outcome.view.periods[0]!.asOf;
}), compiledPeak);
const asOf = cold.value;
// Small sizes take many rounds before the JIT has settled (a 10k run is ~50 ms): more rounds there.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (partners <= 10_000 ? 12 : partners <= 100_000 ? 5 : 3));
type Timed = { cpuMs: number; wallMs: number };
const better = (best: Timed | null, run: Timed): Timed => (best === null || run.cpuMs < best.cpuMs ? run : best);
// The engine keeps a run's leading periods for the next run of the same plan and data (a policy
// comparison's replays share them, sharedPrefix.ts): forgotten before every timed run, so each
// round computes its period.
const runCompiled = () => {
  const outcome = compiledEngine.runThroughView(ir, data, { through });
  if (!outcome.ok) throw new Error(outcome.error.message);
  previous = outcome.view;
  return outcome.view.periods[0]!;
};
// Warm the hand-written code once on this data (JIT; the compiled engine ran above), then
// alternate the two, each after a full collection, so both see the same machine load. The cold
// run's view goes first, as every round's does below: the hand-written run takes its arrays
// from the engine's pool (sized as the compiled run sizes them) and gives them back.
compiledEngine.release?.(previous!);
previous = null;
collect();
let hand = peakAfter(() => runVitalisByHand(ir, data, through, asOf), handWrittenPeak);
let handBest: Timed | null = null;
let compiledBest: Timed | null = null;
let last: ReturnType<typeof runCompiled> | null = null;
for (let round = 0; round < ROUNDS; round++) {
  // The previous round's compiled period goes first: kept through the hand-written run, its
  // ledger (about 350 MB at 1M) was in the hand-written run's peak. Released, its arrays go back
  // to the engine's pool, where the hand-written run's portions and the next compiled run find them.
  last = null;
  if (previous !== null) compiledEngine.release?.(previous);
  previous = null;
  collect();
  const h = peakAfter(() => cpuMs(() => runVitalisByHand(ir, data, through, asOf)), handWrittenPeak);
  hand = h.value;
  handBest = better(handBest, h);
  collect();
  forgetSharedPeriods(data);
  const timed = peakAfter(() => cpuMs(runCompiled), compiledPeak);
  last = timed.value;
  compiledBest = better(compiledBest, timed);
}
collect();
const arrayBuffersMB = Math.round(process.memoryUsage().arrayBuffers / 2 ** 20);
// The kept (last) period, with the fastest round's figures: the fastest round's own view may be released.
const compiled = { ...compiledBest!, value: last! };
const delegated = lastDelegations().length;
let total = 0;
for (let i = 0; i < compiled.value.ledgerLength; i++) total += Math.round(Number(compiled.value.ledgerEntry(i).amount) * 100);
const breakage = compiled.value.breakage.reduce((sum, b) => sum + Math.round(Number(b.amount) * 100), 0);
const cvScale = planTables(ir, columnarOf(data));
if (typeof cvScale === "string") throw new Error(cvScale);
let cvGroupOpen = 0;
for (let i = 0; i < compiled.value.partnerCount; i++) {
  const cv = compiled.value.volumes(i)["CV"]!;
  cvGroupOpen += scaledInt(cv.group, cvScale.volumeScale[1]!) + scaledInt(cv.open, cvScale.volumeScale[1]!);
}
let reference: { cpuMs: number } | null = null;
if (withReference) {
  collect();
  const r = cpuMs(() => referenceEngine.runThrough(ir, data, { through }));
  if (!r.value.ok) throw new Error(r.value.error.message);
  forgetSharedPeriods(data);
  const again = compiledEngine.runThrough(ir, data, { through });
  const same = again.ok && JSON.stringify(r.value.result) === JSON.stringify(again.result);
  if (!same) throw new Error("the compiled result differs from the reference result");
  reference = { cpuMs: r.cpuMs };
}
// The checks above and the reference run count in the process's peak too.
peakMB();
const row = {
  partners,
  orders: data.orders.length,
  ledgerEntries: compiled.value.ledgerLength,
  compiled: { cpuMs: compiled.cpuMs, wallMs: compiled.wallMs, peakRssMB: Math.max(dataPeakRssMB, compiledPeak.mb) },
  handWritten: { cpuMs: handBest!.cpuMs, peakRssMB: handWrittenPeak.mb },
  reference,
  checks: {
    prepareCpuMs: prepare.cpuMs,
    compiledColdCpuMs: cold.cpuMs,
    dataPeakRssMB,
    rssBeforeRunsMB,
    compiledPeakRssMB: compiledPeak.mb,
    processPeakRssMB: processPeakMB,
    handWrittenPeakRssMB: handWrittenPeak.mb,
    arrayBuffersMB,
    delegatedPeriods: delegated,
    handWrittenLedgerEntries: hand.ledgerEntries,
    ledgerTotalsAgree: hand.total === total && hand.breakage === breakage && hand.cvGroupOpen === cvGroupOpen,
  },
};
process.stdout.write(`${JSON.stringify(row)}\n`);
