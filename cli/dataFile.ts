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
import { checkDataAgainstPlan, DataFileFault, DataFileReader, type DataProblem, type Dataset, dataWarningsAgainstPlan, isJsonLinesName, type PlanIR, problemKind, readerProblemKind, type RecordSection, sortProblems as sortProblemsWith, visible } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";
import { textChunks } from "./textChunks.ts";

/** Problems listed in full; the rest are counted per kind. */
export const LISTED_PROBLEMS = 100;
/** Problems kept in memory before only counting (a file broken on every line). */
const STORED_PROBLEMS = 10_000;

/** Told how far reading got, and when the checks across records start. */
export interface ReadProgress {
  bytes(read: number, size: number): void;
  checking(partners: number, orders: number): void;
}

/** `.jsonl` / `.ndjson`: JSON Lines; any other name is read as a JSON document. */
export const isJsonLines = isJsonLinesName;

/** Where each record was: the line it starts on, per section (for JSON Lines messages). */
type Lines = Record<RecordSection, number[]>;

/** The file read record by record (runtime/data/stream/dataFileReader.ts, shared with the playground). */
function readRecords(file: string, progress?: ReadProgress): DataFileReader {
  const reader = new DataFileReader(isJsonLinesName(file) ? "lines" : "document", { storeLimit: STORED_PROBLEMS });
  try {
    for (const chunk of textChunks(file, "data file", progress && ((read, size) => progress.bytes(read, size)))) reader.feed(chunk);
    reader.end();
  } catch (e) {
    if (e instanceof DataFileFault) throw new CliFailure(visible(`${file}: ${e.message}`), 1);
    throw e;
  }
  return reader;
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
      ...(options.located ?? []).map(([line, p]) => ({ text: () => describe(file, p, lines, line), kind: readerProblemKind(p.message) ?? problemKind(p.path), line })),
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
  const reader = readRecords(file, progress);
  progress?.checking(reader.builder.count("partners"), reader.builder.count("orders"));
  const built = reader.builder.finish();
  // A JSON document's problems are located by their path; JSON Lines' by the line of the record.
  const lines = reader.format === "lines" ? reader.lines : null;
  const located = reader.located.map((l): [number, DataProblem] => [l.line, l.problem]);
  if (!built.ok || located.length > 0) {
    const problems = built.ok ? [] : built.problems;
    const overflow = built.ok ? undefined : built.overflow;
    throw new CliFailure(formatDataProblems(file, problems, { lines, located, ...(overflow ? { overflow } : {}) }), 1);
  }
  const againstPlan = checkDataAgainstPlan(ir, built.data);
  if (againstPlan.length > 0) throw new CliFailure(formatDataProblems(file, againstPlan, { lines }), 1);
  for (const w of dataWarningsAgainstPlan(ir, built.data)) warn(visible(`${file}: warning: ${w.path}: ${w.message}`));
  return built.data;
}
