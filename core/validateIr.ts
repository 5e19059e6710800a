/**
 * Validates a value claimed to be a PlanIR: first against core/ir.schema.json (ajv), then,
 * when the shape is right, the cross-references a schema cannot express (irReferences.ts).
 * Returns readable problems, each starting with the JSON pointer of the offending value;
 * [] means valid.
 */
import Ajv, { type ValidateFunction } from "ajv";
import schema from "./ir.schema.json" with { type: "json" };
import type { PlanIR } from "./ir.ts";
import { checkIrReferences } from "./irReferences.ts";

// Compiled once, on first use: ajv's compile step is by far the expensive part, and a page that
// imports the API without validating an IR (the playground's editor) should not pay for it.
let compiled: ValidateFunction<PlanIR> | null = null;

export function validateIr(value: unknown): string[] {
  const validate = (compiled ??= new Ajv({ allErrors: true, strict: true }).compile<PlanIR>(schema));
  if (validate(value)) return checkIrReferences(value);
  const problems = (validate.errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? ` (${String(e.params["additionalProperty"])})` : "";
    return `${e.instancePath || "/"}: ${e.message ?? e.keyword}${extra}`;
  });
  // oneOf failures repeat per branch; one line per distinct problem is enough to read.
  return [...new Set(problems)].sort();
}
