/**
 * The record a data problem is about, for the page to show beside the message: `orders[3].lines[0].qty`
 * -> the JSON of `orders[3]`, cut at a few hundred characters. Only the top-level record is shown,
 * which is what a user needs to find it in their file.
 */
import type { DataProblem } from "../../../runtime/surface.ts";

const MAX_RECORD_CHARS = 600;
/** Problems given a record (a broken 100k file can have 100k problems; the page pages them anyway). */
const MAX_WITH_RECORD = 5000;

export function withRecords(problems: readonly DataProblem[], document: unknown): (DataProblem & { record?: string })[] {
  return problems.map((problem, i) => {
    if (i >= MAX_WITH_RECORD) return problem;
    const record = recordAt(document, problem.path);
    return record === null ? problem : { ...problem, record };
  });
}

function recordAt(document: unknown, path: string): string | null {
  const match = /^([A-Za-z_]+)\[(\d+)\]/.exec(path);
  if (!match || typeof document !== "object" || document === null) return null;
  const list = (document as Record<string, unknown>)[match[1]!];
  if (!Array.isArray(list)) return null;
  const record: unknown = list[Number(match[2])];
  if (record === undefined) return null;
  const text = JSON.stringify(record, null, 1) ?? "";
  return text.length > MAX_RECORD_CHARS ? `${text.slice(0, MAX_RECORD_CHARS)}…` : text;
}
