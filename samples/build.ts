/**
 * Regenerates the generated bundled data sets: `npx tsx samples/build.ts`.
 * Byte-identical on every run (seeded generator, fixed formatting); the hand-written sets
 * (stage-speaker, late-cancel) are not touched. `--check` only compares and exits 1 on a
 * difference, for CI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatDataDocument } from "../tools/samples/format.ts";
import { generateData } from "../tools/samples/generate.ts";
import { GENERATED_SCENARIOS } from "../tools/samples/scenarios.ts";
import { shapeStatistics } from "../tools/samples/statistics.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const checkOnly = process.argv.includes("--check");
let stale = 0;

for (const scenario of GENERATED_SCENARIOS) {
  const text = formatDataDocument(generateData(scenario.options));
  const file = here + scenario.file;
  const stats = shapeStatistics(JSON.parse(text));
  const summary = `${stats.partners} partners, ${stats.customers} customers, ${stats.orders} orders, ` +
    `${stats.splits} splits, ${stats.cancellations} cancellations, depth ${stats.maxDepth}`;
  if (checkOnly) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      current = "";
    }
    const same = current === text;
    if (!same) stale++;
    console.log(`${same ? "up to date" : "STALE     "} samples/${scenario.file} (${summary})`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote samples/${scenario.file} (${summary})`);
  }
}
if (stale > 0) {
  console.error(`${stale} file(s) differ from the generator; run: npx tsx samples/build.ts`);
  process.exitCode = 1;
}
