/**
 * `comp export` in a process of its own, reporting its peak resident memory (maxRSS) and time:
 * what test/store/exportMemory.test.ts and bench/storeExport.ts measure.
 * Usage: node --import tsx test/store/exportChild.ts <store> <period> <out-dir>
 */
import { performance } from "node:perf_hooks";
import { runStoreCommand } from "../../cli/storeCommands.ts";

const [where, period, dir] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
const out = await runStoreCommand(["export", "--store", where, "--period", period, "--out", dir], "");
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ exitCode: out.exitCode, stderr: out.stderr, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
