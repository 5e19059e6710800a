/**
 * Is a value shaped like the Dataset that validateData returns? A structural check of every
 * field the runtime reads (types only: the values were checked by validateData), so a raw data
 * document, a hand-made object or a truncated one is named at its first wrong field instead of
 * failing with "Cannot read properties of undefined" somewhere in the evaluator. One pass, no
 * allocation per element.
 */
import { describeValue } from "./argumentError.ts";

export interface ShapeProblem {
  /** Appended to the argument's name: `.orders[3].lines`. */
  path: string;
  message: string;
}

type FieldKind = "string" | "string|null" | "number" | "record" | "array" | "array|null";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fits(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "string|null":
      return value === null || typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "record":
      return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
    case "array":
      return Array.isArray(value);
    case "array|null":
      return value === null || Array.isArray(value);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const EXPECTED: Record<FieldKind, string> = {
  string: "a text (string)",
  "string|null": "a text or null",
  number: "a number",
  record: "an object of texts",
  array: "an array",
  "array|null": "an array or null",
};

const PARTNER: Record<string, FieldKind> = { id: "string", sponsor: "string|null", joined: "string", status: "string", terminated: "string|null" };
const CUSTOMER: Record<string, FieldKind> = { id: "string", partner: "string", joined: "string" };
const SPLIT: Record<string, FieldKind> = { index: "number", member: "string", supporter: "string", share: "string|null", shareByMeasure: "record", from: "string|null", to: "string|null" };
const ORDER: Record<string, FieldKind> = { id: "string", buyer: "string", date: "string", paid: "string|null", delivered: "string|null", lines: "array" };
const LINE: Record<string, FieldKind> = { sku: "string", qty: "string", figures: "record" };
const CANCELLATION: Record<string, FieldKind> = { id: "string", order: "string", date: "string", goods: "string", lines: "array|null" };
const CANCELLED_LINE: Record<string, FieldKind> = { line: "number", qty: "string" };

function checkFields(value: unknown, fields: Record<string, FieldKind>, path: string): ShapeProblem | null {
  if (!isRecord(value)) return { path, message: `must be an object, got ${describeValue(value)}` };
  for (const [name, kind] of Object.entries(fields)) {
    const field = value[name];
    if (!fits(field, kind)) return { path: `${path}.${name}`, message: `must be ${EXPECTED[kind]}, got ${describeValue(field)}` };
  }
  return null;
}

function checkList(
  list: unknown[],
  path: string,
  fields: Record<string, FieldKind>,
  inner?: (item: Record<string, unknown>, path: string) => ShapeProblem | null,
): ShapeProblem | null {
  for (let i = 0; i < list.length; i++) {
    const problem = checkFields(list[i], fields, `${path}[${i}]`) ?? inner?.(list[i] as Record<string, unknown>, `${path}[${i}]`) ?? null;
    if (problem !== null) return problem;
  }
  return null;
}

export function datasetShapeProblem(value: unknown): ShapeProblem | null {
  if (!isRecord(value)) return { path: "", message: `must be a dataset, got ${describeValue(value)}` };
  for (const key of ["partners", "customers", "splits", "orders", "cancellations"]) {
    if (!Array.isArray(value[key])) return { path: `.${key}`, message: `must be an array, got ${describeValue(value[key])}` };
  }
  const v = value as Record<string, unknown[]>;
  return (
    checkList(v["partners"]!, ".partners", PARTNER) ??
    checkList(v["customers"]!, ".customers", CUSTOMER) ??
    checkList(v["splits"]!, ".splits", SPLIT) ??
    checkList(v["orders"]!, ".orders", ORDER, (order, path) => checkList(order["lines"] as unknown[], `${path}.lines`, LINE)) ??
    checkList(v["cancellations"]!, ".cancellations", CANCELLATION, (c, path) =>
      c["lines"] === null ? null : checkList(c["lines"] as unknown[], `${path}.lines`, CANCELLED_LINE),
    )
  );
}
