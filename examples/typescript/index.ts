// The Node example in TypeScript, compiled against the package's .d.ts types:
//   npm install comp-plan typescript @types/node && npx tsc -p typescript && node typescript/index.js
// Prints every partner's payout per period, like node/index.mjs; the store's types are used too.
import { readFileSync } from "node:fs";
import { compilePlan, defaultEngine, formatDiagnostic, InvalidArgumentError, validateData, type PlanIR, type RunOutcome, type Statement } from "comp-plan";
import type { OpenOptions } from "comp-plan/store";

const planText = readFileSync(new URL("../data/stairstep.plan", import.meta.url), "utf8");
const dataText = readFileSync(new URL("../data/stairstep.data.json", import.meta.url), "utf8");

const { ir, diagnostics } = compilePlan(planText);
if (ir === null) {
  for (const d of diagnostics) console.error(formatDiagnostic(d, planText, "stairstep.plan"));
  process.exit(1);
}
const plan: PlanIR = ir;
const validation = validateData(JSON.parse(dataText));
if (!validation.ok) {
  for (const p of validation.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}
const outcome: RunOutcome = defaultEngine.runThrough(plan, validation.data, { through: "2026-10" });
if (!outcome.ok) {
  console.error(`run refused (${outcome.error.code}): ${outcome.error.message}`);
  process.exit(3);
}
for (const period of outcome.result.periods) {
  for (const [partner, statement] of Object.entries<Statement>(period.statements)) {
    if (statement.payout !== "0.00") console.log(`${period.period} ${partner} ${statement.payout}`);
  }
}

// A mistake of the calling program throws a typed error that names the function.
try {
  compilePlan(42 as unknown as string);
} catch (e) {
  if (!(e instanceof InvalidArgumentError) || e.fn !== "compilePlan") throw e;
}
// The store's options are a type of their own (opening a store needs a driver: docs/STORE.md).
const options: OpenOptions = { mustExist: true };
if (options.mustExist !== true) process.exit(2);
