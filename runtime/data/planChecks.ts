/**
 * Checks that need both the plan and the data: the data validator knows nothing about measures,
 * so a line without the `points` figure that `volume PV = points` sums can only be found here;
 * split agreements the plan cannot apply and look-alike ids (lookAlikeIds.ts) are warnings (dataWarningsAgainstPlan), not problems. Run after validateData and
 * compilePlan both succeeded; any problem means nothing is computed.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset, DataProblem, OrderLine } from "../../core/dataModel.ts";
import { formatPath, listNames, sortProblems } from "../../core/problemPath.ts";
import { checkDateHorizon } from "./dateHorizon.ts";
import { lookAlikeIdWarnings } from "./lookAlikeIds.ts";

/** Line figure -> the measures that sum it, in declaration order. */
function figuresInUse(ir: PlanIR): Map<string, string[]> {
  const figures = new Map<string, string[]>();
  for (const measure of ir.measures) {
    const users = figures.get(measure.figure) ?? [];
    users.push(measure.name);
    figures.set(measure.figure, users);
  }
  return figures;
}

function checkLineFigures(ir: PlanIR, data: Dataset, problems: DataProblem[]): void {
  const figures = figuresInUse(ir);
  // Orders with the same lines share one array (fastRecords.ts orderLines): an array found
  // complete once is complete for every order that has it. Arrays with a problem are checked
  // every time, so each order still gets its own problems.
  const complete = new Set<readonly OrderLine[]>();
  data.orders.forEach((order, i) => {
    if (complete.has(order.lines)) return;
    const before = problems.length;
    order.lines.forEach((line, j) => {
      for (const [figure, measures] of figures) {
        if (Object.hasOwn(line.figures, figure)) continue;
        const verb = measures.length === 1 ? "needs" : "need";
        problems.push({
          path: `orders[${i}].lines[${j}]`,
          id: order.id,
          message:
            `line ${j} (\`${line.sku}\`) has no \`${figure}\` figure, which ` +
            `${measures.length === 1 ? "measure" : "measures"} ${listNames(measures)} ${verb}`,
        });
      }
    });
    // Bounded like the memo that shares the arrays: unshared lines would only fill the set.
    if (problems.length === before && complete.size < 100_000) complete.add(order.lines);
  });
}

/**
 * Split agreements the plan cannot apply are ignored with a warning, never refused (semantics §3:
 * the data belongs to the company, not to one plan, so two plans can run on the same data).
 */
function splitWarnings(ir: PlanIR, data: Dataset, warnings: DataProblem[]): void {
  if (data.splits.length === 0) return;
  const split = ir.split;
  if (split === null) {
    const count = data.splits.length;
    warnings.push({
      path: "splits",
      message:
        `the plan has no \`split\` block, so the data's ${count} split agreement${count === 1 ? " is" : "s are"} ignored`,
    });
    return;
  }
  const measureNames = ir.measures.map((m) => m.name);
  const splitNames = split.measures.map((index) => ir.measures[index]?.name ?? "");
  for (const agreement of data.splits) {
    for (const measure of Object.keys(agreement.shareByMeasure).sort()) {
      const path = formatPath(["splits", agreement.index, "share", measure]);
      if (!measureNames.includes(measure)) {
        warnings.push({ path, message: `unknown measure \`${measure}\` (the plan's measures are ${listNames(measureNames)}): this share is ignored` });
      } else if (!splitNames.includes(measure)) {
        const splits = splitNames.length === 0 ? "which splits no measures" : `which splits only ${listNames(splitNames)}`;
        warnings.push({ path, message: `measure \`${measure}\` is not split by the plan, ${splits}: this share is ignored` });
      }
    }
  }
}

/** What the run will ignore in the data for this plan (it still runs): split agreements it cannot apply. */
export function dataWarningsAgainstPlan(ir: PlanIR, data: Dataset): DataProblem[] {
  const warnings: DataProblem[] = [];
  splitWarnings(ir, data, warnings);
  lookAlikeIdWarnings(data, warnings);
  return sortProblems(warnings);
}

export function checkDataAgainstPlan(ir: PlanIR, data: Dataset): DataProblem[] {
  const problems: DataProblem[] = [];
  checkLineFigures(ir, data, problems);
  checkDateHorizon(ir, data, problems);
  return sortProblems(problems);
}
