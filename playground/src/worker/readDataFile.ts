/**
 * The user's data file read the way `comp run` reads it (cli/dataFile.ts), in the worker: a JSON
 * document record by record through the project's DocumentScanner, or JSON Lines (`.jsonl`,
 * `.ndjson`, or a first line that is a record with a `type`) line by line, each record through
 * the strict reader. So one pass finds every problem at once — a record that is not valid JSON
 * does not hide the others, and a key given twice in one record (`"net":"19.90","net":"1990.00"`,
 * which JSON.parse would silently take as 1990.00) is reported — and each problem carries the
 * line its record starts on and the record's text.
 */
import { type DataProblem, type Dataset, DatasetBuilder, DocumentScanner, lineAndColumn, LineSplitter, parseValueText, type RecordSection, ScanFault, sortProblems } from "../../../runtime/surface.ts";

/** A problem as the page lists it: where it is in the file and the record at fault. */
export type LocatedProblem = DataProblem & { line?: number; record?: string };

export type FileReading = { ok: true; data: Dataset } | { ok: false; problems: LocatedProblem[] };

const RECORD_TYPES: Record<string, RecordSection> = { partner: "partners", customer: "customers", split: "splits", order: "orders", cancellation: "cancellations" };
const SECTION_INDEX = /^(partners|customers|splits|orders|cancellations)\[(\d+)\]/;
const MAX_RECORD_CHARS = 600;
/** Problems kept in full; a file broken on every line still answers quickly. */
const STORED_PROBLEMS = 10_000;
/** How much text goes to the scanner at a time (it never needs the file as one piece). */
const CHUNK = 1 << 20;

interface Records {
  /** Per section: the line each record starts on and its text. */
  line: Record<RecordSection, number[]>;
  text: Record<RecordSection, string[]>;
}

function emptyRecords(): Records {
  return {
    line: { partners: [], customers: [], splits: [], orders: [], cancellations: [] },
    text: { partners: [], customers: [], splits: [], orders: [], cancellations: [] },
  };
}

export function isJsonLines(name: string, text: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(name)) return true;
  if (/\.json$/i.test(name)) return false;
  // No telling extension: JSON Lines when the first line is a whole record with a `type`.
  const first = text.slice(0, Math.min(text.length, 10_000)).split("\n", 1)[0] ?? "";
  const parsed = parseValueText(first);
  return parsed.ok && parsed.value !== null && typeof parsed.value === "object" && typeof (parsed.value as { type?: unknown }).type === "string";
}

export function readDataFile(name: string, text: string): FileReading {
  const builder = new DatasetBuilder(STORED_PROBLEMS);
  const records = emptyRecords();
  const located: LocatedProblem[] = [];
  try {
    if (isJsonLines(name, text)) readLines(text, builder, records, located);
    else readDocument(text, builder, records, located);
  } catch (error) {
    if (error instanceof ScanFault) return { ok: false, problems: [{ path: "", line: error.line, message: `not valid JSON: ${error.message} at line ${error.line}, column ${error.column}` }] };
    throw error;
  }
  const built = builder.finish();
  if (built.ok && located.length === 0) return { ok: true, data: built.data };
  const found = built.ok ? [] : sortProblems(built.problems).map((p) => locate(p, records));
  const problems = [...found, ...located].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const overflow = built.ok ? 0 : [...built.overflow.values()].reduce((a, b) => a + b, 0);
  if (overflow > 0) problems.push({ path: "", message: `… and ${overflow.toLocaleString("en")} more problems like the ones above (the first ${STORED_PROBLEMS.toLocaleString("en")} are listed)` });
  return { ok: false, problems };
}

/** A key given twice is valid JSON syntax, but not valid data: say which it is. */
function jsonFault(message: string): string {
  return message.startsWith("duplicate key") ? message : `not valid JSON: ${message}`;
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
function locate(problem: DataProblem, records: Records): LocatedProblem {
  const m = SECTION_INDEX.exec(problem.path);
  if (!m) return problem;
  const section = m[1] as RecordSection;
  const index = Number(m[2]);
  const line = records.line[section][index];
  const text = records.text[section][index];
  return { ...problem, ...(line === undefined ? {} : { line }), ...(text === undefined ? {} : { record: cut(text) }) };
}

function readDocument(text: string, builder: DatasetBuilder, records: Records, located: LocatedProblem[]): void {
  const skeleton: Record<string, unknown> = {};
  const scanner = new DocumentScanner({
    element(section, index, recordText, line, column) {
      records.line[section].push(line);
      records.text[section].push(recordText);
      const parsed = parseValueText(recordText);
      if (parsed.ok) {
        builder.add(section, parsed.value);
        return;
      }
      builder.skip(section);
      const at = lineAndColumn(recordText, parsed.offset);
      const where = at.line === 1 ? { line, column: column + at.column - 1 } : { line: line + at.line - 1, column: at.column };
      located.push({ path: `${section}[${index}]`, line: where.line, record: cut(recordText), message: `${jsonFault(parsed.message)} at line ${where.line}, column ${where.column}` });
    },
    list(section) {
      skeleton[section] = [];
    },
    other(key, valueText, line, column) {
      const parsed = parseValueText(valueText);
      if (parsed.ok) {
        skeleton[key] = parsed.value;
        return;
      }
      const at = lineAndColumn(valueText, parsed.offset);
      const l = line + at.line - 1;
      throw new ScanFault(parsed.message, l, at.line === 1 ? column + at.column - 1 : at.column);
    },
  });
  for (let i = 0; i < text.length; i += CHUNK) scanner.feed(text.slice(i, i + CHUNK));
  scanner.end();
  builder.topLevel(skeleton);
}

function readLines(text: string, builder: DatasetBuilder, records: Records, located: LocatedProblem[]): void {
  const typeNames = Object.keys(RECORD_TYPES).map((t) => `"${t}"`).join(", ");
  const splitter = new LineSplitter((lineText, line) => {
    const parsed = parseValueText(lineText);
    if (!parsed.ok) {
      const column = lineAndColumn(lineText, parsed.offset).column;
      located.push({ path: "", line, record: cut(lineText), message: `${jsonFault(parsed.message)} at line ${line}, column ${column}` });
      return;
    }
    const record = parsed.value;
    const isObject = record !== null && typeof record === "object" && !Array.isArray(record);
    const type = isObject ? (record as Record<string, unknown>)["type"] : undefined;
    const section = typeof type === "string" && Object.hasOwn(RECORD_TYPES, type) ? RECORD_TYPES[type] : undefined;
    if (section === undefined) {
      const what = isObject ? `\`type\` ${type === undefined ? "is missing" : `is ${JSON.stringify(type)}`}` : "the line is not an object";
      located.push({ path: "type", line, record: cut(lineText), message: `${what}; each line is one record with a \`type\` of ${typeNames}` });
      return;
    }
    delete (record as Record<string, unknown>)["type"];
    records.line[section].push(line);
    records.text[section].push(lineText);
    builder.add(section, record);
  });
  for (let i = 0; i < text.length; i += CHUNK) splitter.feed(text.slice(i, i + CHUNK));
  splitter.end();
}
