/**
 * Writes expected.json of corpus cases from the reference engine:
 *   npx tsx test/runs/record.ts <case>...     (or --all)
 * Record only after the case's figures are pinned by hand elsewhere (test/runs/README.md): the
 * corpus then holds every engine to the reference's exact bytes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { caseNames, loadCase, resultText } from "./corpus.ts";

const args = process.argv.slice(2);
const names = args.includes("--all") ? caseNames() : args;
if (names.length === 0) {
  console.error("usage: npx tsx test/runs/record.ts <case>... | --all");
  process.exit(2);
}
for (const name of names) {
  const c = loadCase(name);
  writeFileSync(join(c.folder, "expected.json"), resultText(referenceEngine, c));
  console.log(`wrote test/runs/${name}/expected.json`);
}
