/**
 * Step 1 of data validation: the JSON Schema (data.schema.json) with ajv, every violation
 * translated into a DataProblem a back-office developer can act on.
 *
 * ajv's own messages ("must match pattern ...") name schema internals, so each schema node that
 * can fail carries an `expected` phrase and each object a `title`; the translation below builds
 * "`paid` must be a date like 2026-10-05 or null, got \"10/05/2026\"" from those.
 */
import type { ErrorObject } from "ajv";
import * as generated from "../../core/generated/dataValidators.ts";
import type { GeneratedValidator } from "../../core/schemaRuntime.ts";
import dataSchema from "./data.schema.json" with { type: "json" };
import type { DataProblem } from "../../core/dataModel.ts";
import { describeValue, formatPath, listNames, type PathSegment } from "../../core/problemPath.ts";

interface SchemaNode {
  $ref?: string;
  title?: string;
  expected?: string;
  properties?: Record<string, SchemaNode>;
}

const RECORD_SECTIONS_WITH_IDS = new Set(["partners", "customers", "orders", "cancellations"]);

/** Follows a local `#/definitions/x` reference of data.schema.json. */
function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (node?.$ref === undefined) return node;
  const name = node.$ref.replace("#/definitions/", "");
  const definitions = (dataSchema as unknown as { definitions: Record<string, SchemaNode> }).definitions;
  return definitions[name];
}

/** "/orders/3/lines/0/qty" -> ["orders", 3, "lines", 0, "qty"], using the data to tell indices from keys. */
function segmentsOf(instancePath: string, doc: unknown): PathSegment[] {
  if (instancePath === "") return [];
  const segments: PathSegment[] = [];
  let node: unknown = doc;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      segments.push(Number(key));
      node = node[Number(key)];
    } else {
      segments.push(key);
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

/** How a field is named in a message: `qty`, `lines[0]`, or the document itself. */
function fieldName(segments: readonly PathSegment[]): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return "the data document";
  if (typeof last === "string") return `\`${last}\``;
  const previous = segments[segments.length - 2];
  return `\`${typeof previous === "string" ? previous : ""}[${last}]\``;
}

/** The `id` of the record a path lies in (partners, customers, orders, cancellations). */
function recordId(segments: readonly PathSegment[], doc: unknown): string | undefined {
  const [section, index] = segments;
  if (typeof section !== "string" || typeof index !== "number" || !RECORD_SECTIONS_WITH_IDS.has(section)) {
    return undefined;
  }
  const list = (doc as Record<string, unknown>)[section];
  if (!Array.isArray(list)) return undefined;
  const record: unknown = list[index];
  if (record === null || typeof record !== "object") return undefined;
  const id = (record as Record<string, unknown>).id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function translate(error: ErrorObject, doc: unknown): { segments: PathSegment[]; message: string } {
  const segments = segmentsOf(error.instancePath, doc);
  const parent = error.parentSchema as SchemaNode | undefined;
  // A bad key inside `propertyNames`: ajv reports the key, not a value, so name the key.
  if (error.propertyName !== undefined) {
    const expected = parent?.expected ?? "a plain name";
    return {
      segments: [...segments, error.propertyName],
      message: `the name \`${error.propertyName}\` is not usable here: it must be ${expected}`,
    };
  }
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const expected = resolve(parent?.properties?.[missing])?.expected;
      const suffix = expected === undefined ? "" : `; it must be ${expected}`;
      return { segments: [...segments, missing], message: `\`${missing}\` is missing${suffix}` };
    }
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      const what = parent?.title ?? "this object";
      return {
        segments: [...segments, extra],
        message: `unknown field \`${extra}\`: ${what} has only ${listNames(known)}`,
      };
    }
    default: {
      const expected = parent?.expected ?? `valid (${error.message ?? error.keyword})`;
      return {
        segments,
        message: `${fieldName(segments)} must be ${expected}, got ${describeValue(error.data)}`,
      };
    }
  }
}

/** Every schema violation of `doc`, one per location; [] when the document fits the schema. */
export function schemaProblems(doc: unknown): DataProblem[] {
  // Generated from data.schema.json ahead of time (tools/schemas/): no `new Function` at run time.
  const validate = generated.validateDocument;
  if (validate(doc)) return [];
  return translateAll(validate.errors ?? [], doc, "");
}

export type RecordSection = "partners" | "customers" | "splits" | "orders" | "cancellations";

const RECORD_VALIDATOR: Record<RecordSection, GeneratedValidator> = {
  partners: generated.validatePartner,
  customers: generated.validateCustomer,
  splits: generated.validateSplit,
  orders: generated.validateOrder,
  cancellations: generated.validateCancellation,
};

/**
 * The schema violations of one record, as the whole-document check would report them
 * (`orders[3].lines[0].qty`): records read one at a time from a stream are checked one at a time.
 */
export function recordSchemaProblems(section: RecordSection, index: number, record: unknown): DataProblem[] {
  const validate = RECORD_VALIDATOR[section];
  if (validate(record)) return [];
  // A sparse list holding the record at its index: paths and ids resolve as in the whole document.
  const list: unknown[] = [];
  list[index] = record;
  return translateAll(validate.errors ?? [], { [section]: list }, `/${section}/${index}`);
}

function translateAll(errors: readonly ErrorObject[], doc: unknown, prefix: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seenPaths = new Set<string>();
  for (const raw of errors) {
    // Summarises the `pattern` error of the same key, which is translated instead.
    if (raw.keyword === "propertyNames") continue;
    const error = prefix === "" ? raw : { ...raw, instancePath: prefix + raw.instancePath };
    const { segments, message } = translate(error, doc);
    const path = formatPath(segments);
    // A union-typed value can fail several keywords at once (type and pattern); one is enough.
    if (seenPaths.has(path)) continue;
    seenPaths.add(path);
    const id = recordId(segments, doc);
    problems.push(id === undefined ? { path, message } : { path, id, message });
  }
  return problems;
}
