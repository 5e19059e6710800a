/**
 * `npm run bench`: the project's performance figures, measured in one run on this machine.
 * Reported as times and as ratios against the targets (a ratio < 1 meets the target), never
 * asserted in unit tests — timings depend on the machine and its load.
 *
 *   compile     parse + check + lower of plans/vitalis-classic.plan, median of 200 warm runs
 *               (target: well under 50 ms)
 *   validate    validateData on a generated 100k-partner document
 *   run         the default engine (runtime/defaultEngine.ts: compiled) through 3 months of a
 *               generated 10k-partner genealogy, as a caller of the API gets it
 *
 * `npm run bench -- --large` adds that run on 100k partners. The reference evaluator's figure
 * (10k, one month, against the compiled engine in the same process) is in the engine bench below.
 *   endToEnd    `comp run` from JSON Lines to CSV, 100k partners (1M with --large): bench/endToEnd.ts
 *   engines     compiled vs hand-written (vs reference at 10k), one month of 10k/100k/1M partners:
 *               bench/engines/ (rows "runs" in bench/results.json)
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compilePlan } from "../compiler/compile.ts";
import { validateData } from "../runtime/data/validate.ts";
import { defaultEngine } from "../runtime/defaultEngine.ts";
import { endToEndBench } from "./endToEnd.ts";
import { runEngineBench } from "./engines/run.ts";
import { generateData } from "../tools/samples/generate.ts";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ms = (x: number) => `${Math.round(x * 100) / 100} ms`;
const ratio = (x: number, target: number) => `${Math.round((x / target) * 1000) / 1000} of target`;

const planText = readFileSync(new URL("../plans/vitalis-classic.plan", import.meta.url), "utf8");
const cold0 = performance.now();
const { ir } = compilePlan(planText);
const cold = performance.now() - cold0;
if (!ir) throw new Error("plans/vitalis-classic.plan does not compile");
const runs: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  compilePlan(planText);
  runs.push(performance.now() - t);
}
const warm = median(runs);
console.log(`compile vitalis-classic.plan: first ${ms(cold)}, warm median ${ms(warm)} (${ratio(warm, 50)}: 50 ms)`);

const doc100k = generateData({ partners: 100_000, seed: 42, months: 3 });
const v0 = performance.now();
const v = validateData(doc100k);
const vt = performance.now() - v0;
if (!v.ok) throw new Error("generated 100k document does not validate");
console.log(`validate 100k partners / ${doc100k.orders.length} orders: ${ms(vt)}`);

// The engine callers get by default (runtime/defaultEngine.ts); its name is in every line.
const engine = defaultEngine;
const sizes = process.argv.includes("--large") ? [10_000, 100_000] : [10_000];
for (const partners of sizes) {
  const doc = partners === 100_000 ? doc100k : generateData({ partners, seed: 42, months: 3 });
  const checked = validateData(doc);
  if (!checked.ok) throw new Error("generated document does not validate");
  const through = checked.data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1)!;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const out = engine.runThrough(ir, checked.data, { through });
  const wall = performance.now() - t;
  const user = process.cpuUsage(cpu).user / 1000;
  if (!out.ok) throw new Error(`run refused: ${out.error.message}`);
  const periods = out.result.periods.length;
  const entries = out.result.periods.reduce((n, p) => n + p.ledger.length, 0);
  console.log(
    `${engine.name} engine ${partners} partners, ${checked.data.orders.length} orders, ${periods} periods: ` +
      `${ms(wall)} wall, ${ms(user)} CPU, ${entries} ledger entries, ${ms(wall / periods)} per period`,
  );
}

// End to end (bench/endToEnd.ts): `comp run` from JSON Lines to CSV at 100k partners; with
// --large also 1M. Rows go to bench/results.json under "endToEnd".
endToEndBench(process.argv.includes("--large") ? [100_000, 1_000_000] : [100_000], engine.name);

// The engine bench (bench/engines/): compiled vs hand-written vs reference, one vitalis-classic
// month at 10k, 100k and 1M partners (`--engine-sizes 10000,100000` for fewer). Rows go to
// bench/results.json under "runs".
{
  const flag = process.argv.indexOf("--engine-sizes");
  const engineSizes = flag >= 0 ? process.argv[flag + 1]!.split(",").map(Number) : [10_000, 100_000, 1_000_000];
  await runEngineBench(engineSizes);
}
