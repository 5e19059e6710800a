/**
 * Where one warm compiled run goes: generates a bench data set (bench/engines/data.ts), warms the
 * engine up, then samples one run with the inspector's CPU profiler (500 µs) and prints the
 * functions by self time, plus the garbage collections of that run (PerformanceObserver).
 *
 *   node --expose-gc --import tsx bench/engines/profile.ts 100000 [--hand] [--rounds 3]
 */
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { compilePlan } from "../../compiler/compile.ts";
import type { ResultView } from "../../core/resultView.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { forgetSharedPeriods } from "../../runtime/compiled/sharedPrefix.ts";
import { runVitalisByHand } from "../handWritten/vitalis.ts";
import { BENCH_MONTH, benchData } from "./data.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  positionTicks?: { line: number; ticks: number }[];
}

const partners = Number(process.argv[2] ?? 100_000);
const hand = process.argv.includes("--hand");
const roundsAt = process.argv.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;
const { ir } = compilePlan(readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8"));
if (!ir) throw new Error("plans/vitalis-classic.plan does not compile");
const data = benchData(partners);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let asOf = "";
// Each run's view is released before the next run (its arrays go back to the engine's pool), as in bench/engines/size.ts.
let previous: ResultView | null = null;
const run = (): void => {
  if (previous !== null) compiledEngine.release?.(previous);
  forgetSharedPeriods(data);
  const outcome = compiledEngine.runThroughView(ir, data, { through: BENCH_MONTH });
  if (!outcome.ok) throw new Error(outcome.error.message);
  previous = outcome.view;
  asOf = outcome.view.periods[0]!.asOf;
};
run();
const work = hand ? () => runVitalisByHand(ir, data, BENCH_MONTH, asOf) : run;
for (let i = 0; i < rounds; i++) {
  gc();
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  console.log(`warm-up ${i + 1}: ${Math.round((used.user + used.system) / 1000)} ms CPU (system ${Math.round(used.system / 1000)} ms)`);
}
gc();
const collections: string[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push(`${(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? "?"}:${e.duration.toFixed(0)}ms`);
});
observer.observe({ entryTypes: ["gc"] });
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 500 });
await session.post("Profiler.start");
const start = process.cpuUsage();
work();
const used = process.cpuUsage(start);
const { profile } = (await session.post("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples: number[] } };
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const id of profile.samples) {
  const n = byId.get(id)!;
  const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
  self.set(name, (self.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
console.log(`profiled run: ${Math.round((used.user + used.system) / 1000)} ms CPU, ${total} samples; collections (kind 1 scavenge, 2 mark-compact, 4 incremental, 8 weak): ${collections.join(" ")}`);
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
const lines = new Map<string, number>();
for (const n of profile.nodes) {
  for (const t of n.positionTicks ?? []) {
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${t.line}`;
    lines.set(key, (lines.get(key) ?? 0) + t.ticks);
  }
}
console.log("hottest lines:");
for (const [name, count] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
