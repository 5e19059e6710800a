/**
 * `node --import tsx bench/readOnly.ts <plan> <data file> [--stages]`: reads and checks a data
 * file the way `comp run` does, and nothing else, so bench/endToEnd.ts can measure the Dataset's
 * memory alone. Prints the CPU time (user + system) and wall time of reading and checking, and the
 * heap used (with `node --expose-gc`, after a full collection: the Dataset's own memory).
 *
 * `--stages`: the same steps as cli/dataFile.ts readDataFile, each timed on its own line first
 * (reading the records, the checks across records, the checks against the plan, the warnings),
 * for a profile without a profiler. The last line is the same total either way.
 */
import { readDataFile } from "../cli/dataFile.ts";
import { loadPlan } from "../cli/io.ts";
import { textChunks } from "../cli/textChunks.ts";
import { checkDataAgainstPlan, DataFileReader, type Dataset, dataWarningsAgainstPlan, isJsonLinesName, type PlanIR } from "../runtime/surface.ts";

const args = process.argv.slice(2);
const stages = args.includes("--stages");
const [planFile, dataFile] = args.filter((a) => a !== "--stages");
if (planFile === undefined || dataFile === undefined) throw new Error("usage: readOnly.ts <plan> <data file> [--stages]");
const ir = loadPlan(planFile).ir;

function cpuSeconds(used: NodeJS.CpuUsage): string {
  return ((used.user + used.system) / 1e6).toFixed(2);
}

function stage<T>(name: string, work: () => T): T {
  const cpu = process.cpuUsage();
  const result = work();
  console.log(`  ${name.padEnd(22)} ${cpuSeconds(process.cpuUsage(cpu)).padStart(6)} s CPU`);
  return result;
}

/** readDataFile's steps one by one (a valid file: problems end the bench). */
function readInStages(file: string, plan: PlanIR): Dataset {
  const reader = stage("reading records", () => {
    const r = new DataFileReader(isJsonLinesName(file) ? "lines" : "document");
    for (const chunk of textChunks(file, "data file")) r.feed(chunk);
    r.end();
    return r;
  });
  const built = stage("checks across records", () => reader.builder.finish());
  if (!built.ok || reader.located.length > 0) throw new Error("the data has problems: run comp on it for the listing");
  const againstPlan = stage("checks against plan", () => checkDataAgainstPlan(plan, built.data));
  if (againstPlan.length > 0) throw new Error("the data has problems against the plan");
  stage("warnings", () => dataWarningsAgainstPlan(plan, built.data));
  return built.data;
}

const cpu = process.cpuUsage();
const wall = performance.now();
const data = stages ? readInStages(dataFile, ir) : readDataFile(dataFile, ir);
const used = process.cpuUsage(cpu);
(globalThis as { gc?: () => void }).gc?.();
const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
console.log(
  `${data.partners.length} partners, ${data.orders.length} orders: ` +
    `${cpuSeconds(used)} s CPU (${(used.system / 1e6).toFixed(2)} s system), ` +
    `${((performance.now() - wall) / 1000).toFixed(2)} s wall, heap used ${heap} MB${"gc" in globalThis ? " after a full collection" : ""}`,
);
