/**
 * Validates a value claimed to be a PlanIR: first against core/ir.schema.json (ajv's validator,
 * generated ahead of time into core/generated/irValidator.ts), then,
 * when the shape is right, the cross-references a schema cannot express (irReferences.ts).
 * Returns readable problems, each starting with the JSON pointer of the offending value;
 * [] means valid.
 */
import { validate } from "./generated/irValidator.ts";
import type { PlanIR } from "./ir.ts";
import { checkIrReferences } from "./irReferences.ts";

export function validateIr(value: unknown): string[] {
  if (validate(value)) return checkIrReferences(value as PlanIR);
  const problems = (validate.errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? ` (${String(e.params["additionalProperty"])})` : "";
    return `${e.instancePath || "/"}: ${e.message ?? e.keyword}${extra}`;
  });
  // oneOf failures repeat per branch; one line per distinct problem is enough to read.
  return [...new Set(problems)].sort();
}
