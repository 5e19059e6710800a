/**
 * Checks a result document against core/result.schema.json (the shape of core/result.ts), with
 * ajv's validator generated ahead of time into core/generated/resultValidator.ts.
 * Used by the tests of every runtime and by API consumers that store results; [] = valid.
 */
import type { ErrorObject } from "ajv";
import { validate } from "./generated/resultValidator.ts";
import { describeValue, formatPath, type PathSegment } from "./problemPath.ts";

/** "/periods/0/ledger/3/amount" -> "periods[0].ledger[3].amount" (indices are digit-only segments). */
function readablePath(instancePath: string, doc: unknown): string {
  const segments: PathSegment[] = [];
  let node: unknown = doc;
  for (const raw of instancePath === "" ? [] : instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const isIndex = Array.isArray(node);
    segments.push(isIndex ? Number(key) : key);
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return formatPath(segments);
}

function describe(error: ErrorObject, doc: unknown): string {
  const path = readablePath(error.instancePath, doc) || "(document)";
  switch (error.keyword) {
    case "required":
      return `${path}: missing field \`${(error.params as { missingProperty: string }).missingProperty}\``;
    case "additionalProperties":
      return `${path}: unknown field \`${(error.params as { additionalProperty: string }).additionalProperty}\``;
    default:
      return `${path}: ${error.message ?? error.keyword}, got ${describeValue(error.data)}`;
  }
}

export function validateResult(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((error) => describe(error, doc));
}
