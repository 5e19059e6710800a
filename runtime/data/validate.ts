/**
 * The data validator: JSON Schema first, then graph and reference checks, then normalization.
 * Every problem is listed (not just the first), sorted by document position, and nothing is
 * returned for computing while any problem exists (shared/spec/data.md).
 *
 * Never throws: a document is untrusted input from a file, an API call or the playground.
 */
import { checkCancellations } from "./cancellationChecks.ts";
import type { DataDocument } from "./document.ts";
import { checkPeople } from "./graphChecks.ts";
import type { Dataset, DataProblem } from "../../core/dataModel.ts";
import { normalizeDocument } from "./normalize.ts";
import { checkOrders } from "./orderChecks.ts";
import { sortProblems } from "../../core/problemPath.ts";
import { schemaProblems } from "./schemaCheck.ts";
import { checkSplits } from "./splitChecks.ts";

export type DataValidation = { ok: true; data: Dataset } | { ok: false; problems: DataProblem[] };

/** The checks that need a schema-valid document: people, splits, orders, cancellations. */
function consistencyProblems(doc: DataDocument): DataProblem[] {
  const { problems: peopleProblems, people } = checkPeople(doc);
  const { problems: orderProblems, orders } = checkOrders(doc, people);
  return [...peopleProblems, ...checkSplits(doc, people), ...orderProblems, ...checkCancellations(doc, orders)];
}

export function validateData(doc: unknown): DataValidation {
  try {
    const shapeProblems = schemaProblems(doc);
    if (shapeProblems.length > 0) return { ok: false, problems: sortProblems(shapeProblems) };
    const valid = doc as DataDocument;
    const problems = consistencyProblems(valid);
    if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
    return { ok: true, data: normalizeDocument(valid) };
  } catch (error) {
    // Only a defect in the checks themselves can get here; still answer with a problem, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `internal error while checking the data: ${detail}` }] };
  }
}
