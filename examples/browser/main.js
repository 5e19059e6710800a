// The same run in a browser page: the core of comp-plan has no Node imports, so a bundler (here
// vite: `npx vite build`) packs it for the browser. The plan and data are bundled with the page.
import { compilePlan, referenceEngine, validateData } from "comp-plan";
import planText from "../data/stairstep.plan?raw";
import data from "../data/stairstep.data.json";

function payouts() {
  const { ir, diagnostics } = compilePlan(planText);
  if (ir === null) return diagnostics.map((d) => `error ${d.code}: ${d.message}`);
  const validation = validateData(data);
  if (!validation.ok) return validation.problems.map((p) => `${p.path}: ${p.message}`);
  const outcome = referenceEngine.runThrough(ir, validation.data, { through: "2026-10" });
  if (!outcome.ok) return [`run refused: ${outcome.error.message}`];
  const lines = [];
  for (const period of outcome.result.periods) {
    for (const [partner, statement] of Object.entries(period.statements)) {
      if (statement.payout !== "0.00") lines.push(`${period.period} ${partner} ${statement.payout}`);
    }
  }
  return lines;
}

document.querySelector("#out").textContent = payouts().join("\n");
