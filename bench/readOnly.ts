/**
 * `node --import tsx bench/readOnly.ts <plan> <data file>`: reads and checks a data file the way
 * `comp run` does, and nothing else, so bench/endToEnd.ts can measure the Dataset's memory alone.
 * Prints the CPU time (user + system) and wall time of reading and checking, and the heap used
 * (with `node --expose-gc`, after a full collection: the Dataset's own memory).
 */
import { readDataFile } from "../cli/dataFile.ts";
import { loadPlan } from "../cli/io.ts";

const [planFile, dataFile] = process.argv.slice(2);
if (planFile === undefined || dataFile === undefined) throw new Error("usage: readOnly.ts <plan> <data file>");
const ir = loadPlan(planFile).ir;
const cpu = process.cpuUsage();
const wall = performance.now();
const data = readDataFile(dataFile, ir);
const used = process.cpuUsage(cpu);
(globalThis as { gc?: () => void }).gc?.();
const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
console.log(
  `${data.partners.length} partners, ${data.orders.length} orders: ` +
    `${((used.user + used.system) / 1e6).toFixed(2)} s CPU (${(used.system / 1e6).toFixed(2)} s system), ` +
    `${((performance.now() - wall) / 1000).toFixed(2)} s wall, heap used ${heap} MB${"gc" in globalThis ? " after a full collection" : ""}`,
);
