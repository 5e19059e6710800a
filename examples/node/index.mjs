// Runs a plan over a genealogy with the comp-plan API, as a Node program would embed it:
//   npm install comp-plan && node index.mjs
// Prints every partner's payout per period. Exit codes like the CLI: 1 bad plan or data, 3 refused.
import { readFileSync } from "node:fs";
import { checkDataAgainstPlan, compilePlan, formatDiagnostic, referenceEngine, validateData } from "comp-plan";

const planFile = new URL("../data/stairstep.plan", import.meta.url);
const dataFile = new URL("../data/stairstep.data.json", import.meta.url);

const planText = readFileSync(planFile, "utf8");
const { ir, diagnostics } = compilePlan(planText);
if (ir === null) {
  for (const d of diagnostics) console.error(formatDiagnostic(d, planText, "stairstep.plan"));
  process.exit(1);
}

const validation = validateData(JSON.parse(readFileSync(dataFile, "utf8")));
if (!validation.ok) {
  for (const p of validation.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}
const problems = checkDataAgainstPlan(ir, validation.data);
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}

const outcome = referenceEngine.runThrough(ir, validation.data, { through: "2026-10" });
if (!outcome.ok) {
  console.error(`run refused (${outcome.error.code}): ${outcome.error.message}`);
  process.exit(3);
}
for (const period of outcome.result.periods) {
  for (const [partner, statement] of Object.entries(period.statements)) {
    if (statement.payout !== "0.00") console.log(`${period.period} ${partner} ${statement.payout}`);
  }
}
