/**
 * A data file read as a stream and checked in one pass: a JSON document (any `.json` file) or
 * JSON Lines (`.jsonl`, `.ndjson`: one record per line with a `type`, docs/data-format.md).
 * Records go one at a time into the DatasetBuilder; only the normalized records are kept. Every
 * problem is listed — syntax errors of single records included, where the rest of the file can
 * still be read — located as today's JSON path for a JSON document (`orders[3].buyer`) and as
 * `file:line` plus the field for JSON Lines; the listing stops after 100 problems and counts the
 * rest per kind.
 */
import { warn } from "./warnings.ts";
import { checkDataAgainstPlan, type DataProblem, type Dataset, DatasetBuilder, dataWarningsAgainstPlan, DocumentScanner, lineAndColumn, LineSplitter, parseValueText, type PlanIR, problemKind, type RecordSection, ScanFault, sortProblems as sortProblemsWith, visible } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";
import { textChunks } from "./textChunks.ts";

/** Problems listed in full; the rest are counted per kind. */
export const LISTED_PROBLEMS = 100;
/** Problems kept in memory before only counting (a file broken on every line). */
const STORED_PROBLEMS = 10_000;

/** The `type` of a JSON Lines record and the section it belongs to. */
export const RECORD_TYPES: Record<string, RecordSection> = {
  partner: "partners",
  customer: "customers",
  split: "splits",
  order: "orders",
  cancellation: "cancellations",
};

/** Told how far reading got, and when the checks across records start. */
export interface ReadProgress {
  bytes(read: number, size: number): void;
  checking(partners: number, orders: number): void;
}

export function isJsonLines(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/** Where each record was: the line it starts on, per section (for JSON Lines messages). */
type Lines = Record<RecordSection, number[]>;

interface Reading {
  builder: DatasetBuilder;
  lines: Lines | null;
  /** Problems located by line (a line that is not JSON): [line, problem]. */
  located: [number, DataProblem][];
}

function readJsonLines(file: string, progress?: ReadProgress): Reading {
  const builder = new DatasetBuilder(STORED_PROBLEMS);
  const lines: Lines = { partners: [], customers: [], splits: [], orders: [], cancellations: [] };
  const located: [number, DataProblem][] = [];
  const typeNames = Object.keys(RECORD_TYPES).map((t) => `"${t}"`).join(", ");
  const splitter = new LineSplitter((text, line) => {
    const parsed = parseValueText(text);
    if (!parsed.ok) {
      const column = lineAndColumn(text, parsed.offset).column;
      located.push([line, { path: "", message: `not valid JSON: ${parsed.message} at column ${column}` }]);
      return;
    }
    const record = parsed.value;
    const type = record !== null && typeof record === "object" && !Array.isArray(record) ? (record as Record<string, unknown>)["type"] : undefined;
    const section = typeof type === "string" && Object.hasOwn(RECORD_TYPES, type) ? RECORD_TYPES[type] : undefined;
    if (section === undefined) {
      const got = type === undefined ? "is missing" : `is ${JSON.stringify(type)}`;
      const what = record !== null && typeof record === "object" && !Array.isArray(record) ? `\`type\` ${got}` : "the line is not an object";
      located.push([line, { path: "type", message: `${what}; each line is one record with a \`type\` of ${typeNames}` }]);
      return;
    }
    lines[section].push(line);
    builder.add(section, record, true);
  });
  for (const chunk of textChunks(file, "data file", progress && ((read, size) => progress.bytes(read, size)))) splitter.feed(chunk);
  splitter.end();
  return { builder, lines, located };
}

function readJsonDocument(file: string, progress?: ReadProgress): Reading {
  const builder = new DatasetBuilder(STORED_PROBLEMS);
  const skeleton: Record<string, unknown> = {};
  const located: [number, DataProblem][] = [];
  const scanner = new DocumentScanner({
    element(section, index, text, line, column) {
      const parsed = parseValueText(text);
      if (parsed.ok) {
        builder.add(section, parsed.value);
        return;
      }
      builder.skip(section);
      const at = lineAndColumn(text, parsed.offset);
      const where = at.line === 1 ? { line, column: column + at.column - 1 } : { line: line + at.line - 1, column: at.column };
      located.push([where.line, { path: `${section}[${index}]`, message: `not valid JSON: ${parsed.message} at line ${where.line}, column ${where.column}` }]);
    },
    list(section) {
      // Read record by record; the top-level schema check sees the section as an empty list.
      skeleton[section] = [];
    },
    other(key, text, line, column) {
      const parsed = parseValueText(text);
      if (!parsed.ok) {
        const at = lineAndColumn(text, parsed.offset);
        const l = line + at.line - 1;
        const c = at.line === 1 ? column + at.column - 1 : at.column;
        throw new CliFailure(`${file}: not valid JSON: ${parsed.message} at line ${l}, column ${c}`, 1);
      }
      skeleton[key] = parsed.value;
    },
  });
  try {
    for (const chunk of textChunks(file, "data file", progress && ((read, size) => progress.bytes(read, size)))) scanner.feed(chunk);
    scanner.end();
  } catch (e) {
    if (e instanceof ScanFault) throw new CliFailure(`${file}: not valid JSON: ${e.message} at line ${e.line}, column ${e.column}`, 1);
    throw e;
  }
  builder.topLevel(skeleton);
  return { builder, lines: null, located };
}

const SECTION_INDEX = /^(partners|customers|splits|orders|cancellations)\[(\d+)\]\.?/;
const SECTION_INDEX_IN_TEXT = /\b(partners|customers|splits|orders|cancellations)\[(\d+)\]/g;

/** One listed problem as one line of the message (ids and keys from the data made visible). */
function describe(file: string, problem: DataProblem, lines: Lines | null, at: number | undefined): string {
  const id = problem.id ? ` (${problem.id})` : "";
  if (lines === null) return visible(`${file}: ${problem.path}${id}: ${problem.message}`);
  const m = SECTION_INDEX.exec(problem.path);
  const line = at ?? (m ? lines[m[1] as RecordSection][Number(m[2])] : undefined);
  const field = m ? problem.path.slice(m[0].length) : problem.path;
  const message = problem.message.replace(SECTION_INDEX_IN_TEXT, (whole, section: RecordSection, index: string) => {
    const other = lines[section][Number(index)];
    return other === undefined ? whole : `line ${other}`;
  });
  const where = line === undefined ? file : `${file}:${line}`;
  return visible(`${where}: ${field === "" ? "record" : field}${id}: ${message}`);
}

/** Every problem (the first LISTED_PROBLEMS in full, the rest counted per kind) and the total. */
export function formatDataProblems(
  file: string,
  problems: readonly DataProblem[],
  options: { lines?: Lines | null; located?: readonly [number, DataProblem][]; overflow?: ReadonlyMap<string, number> } = {},
): string {
  const lines = options.lines ?? null;
  let listed: { text: () => string; kind: string; line: number }[];
  if (lines === null) {
    const all = sortProblemsWith([...problems, ...(options.located ?? []).map(([, p]) => p)]);
    listed = all.map((p) => ({ text: () => describe(file, p, null, undefined), kind: problemKind(p.path), line: 0 }));
  } else {
    const lineOf = (p: DataProblem) => {
      const m = SECTION_INDEX.exec(p.path);
      return (m ? lines[m[1] as RecordSection][Number(m[2])] : undefined) ?? 0;
    };
    listed = [
      ...problems.map((p) => ({ text: () => describe(file, p, lines, undefined), kind: problemKind(p.path), line: lineOf(p) })),
      ...(options.located ?? []).map(([line, p]) => ({ text: () => describe(file, p, lines, line), kind: p.message.startsWith("not valid JSON") ? "not valid JSON" : problemKind(p.path), line })),
    ];
    listed.sort((a, b) => a.line - b.line);
  }
  const out = listed.slice(0, LISTED_PROBLEMS).map((l) => l.text());
  const rest = new Map<string, number>(options.overflow ?? []);
  for (const l of listed.slice(LISTED_PROBLEMS)) rest.set(l.kind, (rest.get(l.kind) ?? 0) + 1);
  let total = listed.length;
  if (rest.size > 0) {
    const more = [...rest.values()].reduce((a, b) => a + b, 0);
    total = Math.min(listed.length, LISTED_PROBLEMS) + more;
    const kinds = [...rest.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push(`${file}: … and ${more.toLocaleString("en-US")} more: ${kinds.map(([kind, n]) => `${n.toLocaleString("en-US")} at ${kind || "the top level"}`).join(", ")}`);
  }
  out.push(`${file}: ${total.toLocaleString("en-US")} problem${total === 1 ? "" : "s"} in the data; nothing was computed`);
  return out.join("\n");
}

/** Reads and checks a data file; the Dataset, or a CliFailure listing every problem (exit 1). */
export function readDataFile(file: string, ir: PlanIR, progress?: ReadProgress): Dataset {
  const reading = isJsonLines(file) ? readJsonLines(file, progress) : readJsonDocument(file, progress);
  progress?.checking(reading.builder.count("partners"), reading.builder.count("orders"));
  const built = reading.builder.finish();
  if (!built.ok || reading.located.length > 0) {
    const problems = built.ok ? [] : built.problems;
    const overflow = built.ok ? undefined : built.overflow;
    throw new CliFailure(formatDataProblems(file, problems, { lines: reading.lines, located: reading.located, ...(overflow ? { overflow } : {}) }), 1);
  }
  const againstPlan = checkDataAgainstPlan(ir, built.data);
  if (againstPlan.length > 0) throw new CliFailure(formatDataProblems(file, againstPlan, { lines: reading.lines }), 1);
  for (const w of dataWarningsAgainstPlan(ir, built.data)) warn(visible(`${file}: warning: ${w.path}: ${w.message}`));
  return built.data;
}
