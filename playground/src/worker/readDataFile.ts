/**
 * The user's data file read the way `comp run` reads it: through the same record reader
 * (runtime/data/stream/dataFileReader.ts), so one pass finds every problem with the same messages
 * as the CLI — a record that is not valid JSON does not hide the others, and a key given twice in
 * one record (`"net":"19.90","net":"1990.00"`, which JSON.parse would silently take as 1990.00) is
 * reported. On top of the CLI, each problem carries the line its record starts on and the
 * record's text, for the page to show. JSON Lines: `.jsonl`, `.ndjson`, or a name without a
 * telling extension whose first line is a record with a `type`.
 */
import { DataFileFault, DataFileReader, dataFileFormat, type DataProblem, type Dataset, type RecordSection, sortProblems } from "../../../runtime/surface.ts";

/** A problem as the page lists it: where it is in the file and the record at fault. */
export type LocatedProblem = DataProblem & { line?: number; record?: string };

export type FileReading = { ok: true; data: Dataset } | { ok: false; problems: LocatedProblem[] };

const SECTION_INDEX = /^(partners|customers|splits|orders|cancellations)\[(\d+)\]/;
const MAX_RECORD_CHARS = 600;
/** Problems kept in full; a file broken on every line still answers quickly. */
const STORED_PROBLEMS = 10_000;
/** How much text goes to the reader at a time (it never needs the file as one piece). */
const CHUNK = 1 << 20;

export function readDataFile(name: string, text: string): FileReading {
  const reader = new DataFileReader(dataFileFormat(name, text.slice(0, 10_000)), { storeLimit: STORED_PROBLEMS, keepRecordText: true });
  try {
    for (let i = 0; i < text.length; i += CHUNK) reader.feed(text.slice(i, i + CHUNK));
    reader.end();
  } catch (error) {
    if (error instanceof DataFileFault) return { ok: false, problems: [{ path: "", line: error.line, message: error.message }] };
    throw error;
  }
  const built = reader.builder.finish();
  if (built.ok && reader.located.length === 0) return { ok: true, data: built.data };
  const found = built.ok ? [] : sortProblems(built.problems).map((p) => locate(p, reader));
  const located = reader.located.map((l): LocatedProblem => ({ ...l.problem, line: l.line, ...(l.text === undefined ? {} : { record: cut(l.text) }) }));
  const problems = [...found, ...located].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const overflow = built.ok ? 0 : [...built.overflow.values()].reduce((a, b) => a + b, 0);
  if (overflow > 0) problems.push({ path: "", message: `… and ${overflow.toLocaleString("en")} more problems like the ones above (the first ${STORED_PROBLEMS.toLocaleString("en")} are listed)` });
  return { ok: false, problems };
}

/** The record's text, its indentation in the file taken off (the first line starts mid-line) and cut when long. */
function cut(text: string): string {
  const lines = text.split("\n");
  const indents = lines.slice(1).filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  // The closing brace is the least indented line: it goes to the left edge, the keys one level in.
  const strip = indents.length > 0 ? Math.min(...indents) : 0;
  const shown = strip > 0 ? [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(strip, /^ */.exec(l)![0].length)))].join("\n") : text;
  return shown.length > MAX_RECORD_CHARS ? `${shown.slice(0, MAX_RECORD_CHARS)}…` : shown;
}

/** The line and text of the record a problem's path points into. */
function locate(problem: DataProblem, reader: DataFileReader): LocatedProblem {
  const m = SECTION_INDEX.exec(problem.path);
  if (!m) return problem;
  const section = m[1] as RecordSection;
  const index = Number(m[2]);
  const line = reader.lines[section][index];
  const text = reader.texts[section][index];
  return { ...problem, ...(line === undefined ? {} : { line }), ...(text === undefined ? {} : { record: cut(text) }) };
}
