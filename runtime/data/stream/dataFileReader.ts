/**
 * A data file read record by record, fed with text chunks: a JSON document through the
 * DocumentScanner, or JSON Lines (one record per line with a `type`, docs/data-format.md) through
 * the LineSplitter. Each record goes through the strict reader (a key given twice is reported,
 * not silently replaced) into a DatasetBuilder, so one pass finds every problem the file still
 * lets us find. `comp run` (cli/dataFile.ts) and the playground's worker both read data through
 * this one module, so a user gets the same message for the same problem in both places.
 *
 * Browser-safe: it never sees a file, only the chunks its caller feeds (from disk in the CLI,
 * from a string in the worker).
 */
import type { DataProblem } from "../../../core/dataModel.ts";
import { DatasetBuilder, type RecordSection } from "./datasetBuilder.ts";
import { DocumentScanner, ScanFault } from "./documentScanner.ts";
import { LineSplitter } from "./jsonLines.ts";
import { parseValueText } from "./recordText.ts";
import { lineAndColumn } from "./strictJson.ts";

export type DataFileFormat = "document" | "lines";

/** The `type` of a JSON Lines record and the section it belongs to. */
export const RECORD_TYPES: Readonly<Record<string, RecordSection>> = {
  partner: "partners",
  customer: "customers",
  split: "splits",
  order: "orders",
  cancellation: "cancellations",
};

const TYPE_NAMES = Object.keys(RECORD_TYPES).map((t) => `"${t}"`).join(", ");

/** `.jsonl` / `.ndjson` by name. */
export function isJsonLinesName(name: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(name);
}

/**
 * The format of a data file: by its extension; a name without a telling one (a pasted text, a
 * `.txt`) is JSON Lines when `head` (the file's first characters, if the caller has them) starts
 * with a whole record that has a `type`.
 */
export function dataFileFormat(name: string, head?: string): DataFileFormat {
  if (isJsonLinesName(name)) return "lines";
  if (/\.json$/i.test(name) || head === undefined) return "document";
  const first = head.slice(0, 10_000).split("\n", 1)[0] ?? "";
  const parsed = parseValueText(first);
  const isRecord = parsed.ok && parsed.value !== null && typeof parsed.value === "object" && typeof (parsed.value as { type?: unknown }).type === "string";
  return isRecord ? "lines" : "document";
}

/** A key given twice is valid JSON syntax but not valid data: the message says which it is. */
function syntaxMessage(message: string): string {
  return message.startsWith("duplicate key") ? message : `not valid JSON: ${message}`;
}

/** The listing kind of a problem found by the reader (for the capped listing's per-kind counts). */
export function readerProblemKind(message: string): string | null {
  if (message.startsWith("not valid JSON")) return "not valid JSON";
  if (message.startsWith("duplicate key")) return "duplicate key";
  return null;
}

/** The file cannot be read past this point (broken outside any record): one message, no data. */
export class DataFileFault extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A problem the reader found itself (a record that is not JSON, a line of unknown type). */
export interface LocatedProblem {
  line: number;
  problem: DataProblem;
  /** The record's text as the file has it (kept only with `keepRecordText`). */
  text?: string;
}

export interface DataFileReaderOptions {
  /** Problems the builder keeps in full; beyond, only counted per kind. */
  storeLimit?: number;
  /** Keep each record's text (the playground shows the record at fault; the CLI does not need it). */
  keepRecordText?: boolean;
}

type PerSection<T> = Record<RecordSection, T[]>;

function perSection<T>(): PerSection<T> {
  return { partners: [], customers: [], splits: [], orders: [], cancellations: [] };
}

export class DataFileReader {
  readonly builder: DatasetBuilder;
  /** The line each record starts on, per section, in the section's order. */
  readonly lines: PerSection<number> = perSection();
  /** Each record's text, per section (only with `keepRecordText`). */
  readonly texts: PerSection<string> = perSection();
  readonly located: LocatedProblem[] = [];
  private readonly keepText: boolean;
  private readonly skeleton: Record<string, unknown> = {};
  private readonly scanner: DocumentScanner | null;
  private readonly splitter: LineSplitter | null;

  constructor(
    readonly format: DataFileFormat,
    options: DataFileReaderOptions = {},
  ) {
    this.builder = new DatasetBuilder(options.storeLimit);
    this.keepText = options.keepRecordText ?? false;
    this.scanner = format === "document" ? this.documentScanner() : null;
    this.splitter = format === "lines" ? new LineSplitter((text, line) => this.jsonLine(text, line)) : null;
  }

  /** The next piece of the file's text. Throws DataFileFault when the file cannot be read on. */
  feed(chunk: string): void {
    this.guarded(() => (this.scanner ? this.scanner.feed(chunk) : this.splitter?.feed(chunk)));
  }

  /** The end of the file. Throws DataFileFault when the document is incomplete. */
  end(): void {
    this.guarded(() => {
      if (this.scanner) {
        this.scanner.end();
        this.builder.topLevel(this.skeleton);
      } else this.splitter?.end();
    });
  }

  private guarded(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (e instanceof ScanFault) throw new DataFileFault(`${syntaxMessage(e.message)} at line ${e.line}, column ${e.column}`, e.line, e.column);
      throw e;
    }
  }

  private remember(section: RecordSection, line: number, text: string): void {
    this.lines[section].push(line);
    if (this.keepText) this.texts[section].push(text);
  }

  private locate(line: number, problem: DataProblem, text: string): void {
    this.located.push(this.keepText ? { line, problem, text } : { line, problem });
  }

  private documentScanner(): DocumentScanner {
    return new DocumentScanner({
      element: (section, index, text, line, column) => {
        this.remember(section, line, text);
        // Most elements of a big file: read straight from the text (fastLines.ts), no JSON.parse.
        if (this.builder.addElement(section, text)) return;
        const parsed = parseValueText(text);
        if (parsed.ok) {
          this.builder.add(section, parsed.value);
          return;
        }
        this.builder.skip(section);
        const at = lineAndColumn(text, parsed.offset);
        const where = at.line === 1 ? { line, column: column + at.column - 1 } : { line: line + at.line - 1, column: at.column };
        this.locate(where.line, { path: `${section}[${index}]`, message: `${syntaxMessage(parsed.message)} at line ${where.line}, column ${where.column}` }, text);
      },
      list: (section) => {
        // Read record by record; the top-level schema check sees the section as an empty list.
        this.skeleton[section] = [];
      },
      other: (key, text, line, column) => {
        const parsed = parseValueText(text);
        if (parsed.ok) {
          this.skeleton[key] = parsed.value;
          return;
        }
        const at = lineAndColumn(text, parsed.offset);
        throw new ScanFault(parsed.message, line + at.line - 1, at.line === 1 ? column + at.column - 1 : at.column);
      },
    });
  }

  /** One JSON Lines line; its line number is in the location, so the message gives the column only. */
  private jsonLine(text: string, line: number): void {
    // Most lines of a big file: read straight from the text (fastLines.ts), no JSON.parse.
    const read = this.builder.addLine(text);
    if (read !== null) {
      this.remember(read, line, text);
      return;
    }
    const parsed = parseValueText(text);
    if (!parsed.ok) {
      const column = lineAndColumn(text, parsed.offset).column;
      this.locate(line, { path: "", message: `${syntaxMessage(parsed.message)} at column ${column}` }, text);
      return;
    }
    const record = parsed.value;
    const isObject = record !== null && typeof record === "object" && !Array.isArray(record);
    const type = isObject ? (record as Record<string, unknown>)["type"] : undefined;
    const section = typeof type === "string" && Object.hasOwn(RECORD_TYPES, type) ? RECORD_TYPES[type] : undefined;
    if (section === undefined) {
      const what = isObject ? `\`type\` ${type === undefined ? "is missing" : `is ${JSON.stringify(type)}`}` : "the line is not an object";
      this.locate(line, { path: "type", message: `${what}; each line is one record with a \`type\` of ${TYPE_NAMES}` }, text);
      return;
    }
    this.remember(section, line, text);
    this.builder.add(section, record, true);
  }
}
