/**
 * `npm run bench:timings`: the speed promises that used to be asserted in unit tests, measured
 * here instead (a timing depends on the machine and its load; tests assert behaviour only).
 * Each line reports the figure and its ratio to the target (a ratio < 1 meets it).
 *
 *   parse      parsePlan(vitalis-classic.plan), median of 100 warm runs   target 5 ms
 *   compile    compilePlan(vitalis-classic.plan), median of 50 warm runs  target 20 ms
 *   validate   validateData of a 100k-partner broad document, CPU time    target 2 s
 *   generate   generateData of 100k partners (3 months), CPU time         target 12 s
 *   chain      the reference run of a 20,000-deep chain, every partner    target 90 s
 *              ordering (test/robustness/deepChain.test.ts pins its amounts), CPU time
 *   refuse     a run from the year 0001 through 2026-11 (24,302 periods)  target 1 s
 *              refused before any period (test/robustness/cliBehaviour.test.ts), CPU time
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compilePlan } from "../compiler/compile.ts";
import { parsePlan } from "../grammar/parse.ts";
import type { DataDocument, OrderRecord, PartnerRecord } from "../runtime/data/document.ts";
import { validateData } from "../runtime/data/validate.ts";
import { generateData } from "../tools/samples/generate.ts";
import { referenceEngine } from "../runtime/reference/engine.ts";
import { chainDocument } from "../test/robustness/chainData.ts";

const vitalis = readFileSync(new URL("../plans/vitalis-classic.plan", import.meta.url), "utf8");

function report(what: string, value: number, unit: "ms" | "s", target: number): void {
  console.log(`${what}: ${value.toFixed(unit === "ms" ? 2 : 1)} ${unit} (${(value / target).toFixed(3)} of target ${target} ${unit})`);
}

function medianOfWarm(run: () => void, warm: number, runs: number): number {
  for (let i = 0; i < warm; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1e6;
}

/** The document of test/data/large.test.ts: each partner sponsored by partner ⌊(i-1)/4⌋, one order each. */
function broadDocument(partners: number): DataDocument {
  const people: PartnerRecord[] = [];
  const orders: OrderRecord[] = [];
  for (let i = 0; i < partners; i++) {
    people.push({ id: `P${i}`, sponsor: i === 0 ? null : `P${Math.floor((i - 1) / 4)}`, joined: "2025-01-01" });
    orders.push({
      id: `O${i}`, buyer: `P${i}`, date: "2026-10-05", paid: "2026-10-05", delivered: "2026-10-07",
      lines: [{ sku: "VIT-C", qty: 2, net: "49.90", points: "40" }],
    });
  }
  return JSON.parse(JSON.stringify({ partners: people, orders })) as DataDocument;
}

report("parse vitalis-classic.plan", medianOfWarm(() => parsePlan(vitalis), 30, 100), "ms", 5);
report("compile vitalis-classic.plan", medianOfWarm(() => compilePlan(vitalis), 30, 50), "ms", 20);
const doc = broadDocument(100_000);
let valid = false;
report("validate 100k partners, 100k orders (CPU)", cpuSeconds(() => (valid = validateData(doc).ok)), "s", 2);
if (!valid) throw new Error("the 100k document does not validate");
report("generate 100k partners, 3 months (CPU)", cpuSeconds(() => generateData({ partners: 100_000, seed: 1, months: 3, splits: 500, cancellations: 1000 })), "s", 12);

const chain = validateData(chainDocument(20_000));
const vitalisIr = compilePlan(vitalis).ir;
if (!chain.ok || !vitalisIr) throw new Error("the chain and vitalis-classic must be valid");
let chainRan = false;
report("reference run of a 20,000-deep chain (CPU)", cpuSeconds(() => (chainRan = referenceEngine.runThrough(vitalisIr, chain.data, { through: "2026-10" }).ok)), "s", 90);
if (!chainRan) throw new Error("the chain's run was refused");
const early = { id: "O1", buyer: "P1", date: "0001-10-05", paid: "0001-10-05", delivered: "0001-10-05", lines: [{ sku: "X", qty: 1, net: "19.90", points: "15" }] };
const ancient = validateData({ partners: [{ id: "P1", sponsor: null, joined: "0001-01-01" }], orders: [early] });
if (!ancient.ok) throw new Error("the year-0001 document must be valid");
let refusal = "";
report("a run over 24,302 periods refused (CPU)", cpuSeconds(() => {
  const outcome = referenceEngine.runThrough(vitalisIr, ancient.data, { through: "2026-11" });
  refusal = outcome.ok ? "ran" : outcome.error.code;
}), "s", 1);
if (refusal !== "too-many-periods") throw new Error(`expected the too-many-periods refusal, got ${refusal}`);
