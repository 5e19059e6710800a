/**
 * The data validator: every record's JSON Schema check, then the graph and reference checks over
 * the records that passed, then normalization (stream/datasetBuilder.ts does the work, record by
 * record, so that a file read as a stream is checked the same way). Every problem is listed in
 * one pass — a schema problem no longer hides a graph problem — sorted by document position, and
 * nothing is returned for computing while any problem exists (docs/spec/data.md).
 *
 * Never throws: a document is untrusted input from a file, an API call or the playground.
 */
import type { Dataset, DataProblem } from "../../core/dataModel.ts";
import { DatasetBuilder, RECORD_SECTIONS } from "./stream/datasetBuilder.ts";

export type DataValidation = { ok: true; data: Dataset } | { ok: false; problems: DataProblem[] };

export function validateData(doc: unknown): DataValidation {
  try {
    const builder = new DatasetBuilder();
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      builder.topLevel(doc);
    } else {
      const record = doc as Record<string, unknown>;
      // The top level alone (lists emptied), then each record of each list on its own.
      const skeleton: Record<string, unknown> = { ...record };
      for (const section of RECORD_SECTIONS) if (Array.isArray(record[section])) skeleton[section] = [];
      builder.topLevel(skeleton);
      for (const section of RECORD_SECTIONS) {
        const list = record[section];
        if (Array.isArray(list)) for (const item of list) builder.add(section, item);
      }
    }
    const built = builder.finish();
    return built.ok ? built : { ok: false, problems: built.problems };
  } catch (error) {
    // Only a defect in the checks themselves can get here; still answer with a problem, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `internal error while checking the data: ${detail}` }] };
  }
}
