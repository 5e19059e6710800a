/**
 * CSV text for payroll and accounting (RFC 4180): one header row, CRLF line ends, a field quoted
 * when it holds a comma, a double quote, CR or LF, quotes doubled inside.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * CR as a formula, and ids, bonus names and notes come from data and plan files. Such a text
 * field gets a leading `'` (OWASP's advice), which spreadsheets show as text. Numeric columns
 * (amounts, volumes, steps) are comp's own decimal text and are never prefixed, so "-2.50" stays
 * a number. Decision recorded in docs/data-format.md; pinned by test/output/csv.test.ts.
 */
import { ByteChunks } from "./byteChunks.ts";

/** A field of comp's own number formats (amounts, volumes, integers): written as is. */
export function numberField(value: string | number | undefined | null): string {
  return value === undefined || value === null ? "" : String(value);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A text field from data or plan: formula-guarded, then quoted when needed. */
export function textField(value: string | undefined | null): string {
  if (value === undefined || value === null) return "";
  const first = value.charCodeAt(0);
  // = + - @ tab CR first: a spreadsheet would run the cell as a formula.
  const formula = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  if (!formula && !NEEDS_QUOTES.test(value)) return value;
  const guarded = formula ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows of already-formatted fields, a header first, as chunks of UTF-8 bytes (byteChunks.ts). */
export class CsvBuffer {
  /** Where a row's fields go piece by piece; `end()` then ends the row. */
  readonly out = new ByteChunks();

  /** A row of fields, written one by one with the commas between them (no joined row text). */
  row(fields: readonly string[]): void {
    for (let k = 0; k < fields.length; k++) {
      if (k > 0) this.out.ascii(44);
      this.out.text(fields[k]!);
    }
    this.end();
  }

  /** The `period,final,` that starts every row of statements.csv and ranks.csv. */
  periodLead(period: string, final: boolean): void {
    this.out.text(period);
    this.out.ascii(44);
    this.out.text(final ? "true" : "false");
    this.out.ascii(44);
  }

  /** A row already joined with commas, without its line end. */
  line(text: string): void {
    this.out.text(text);
    this.end();
  }

  /** The line end of a row written into `out`. */
  end(): void {
    this.out.ascii(13);
    this.out.ascii(10);
  }

  get full(): boolean {
    return this.out.full;
  }

  take(): Uint8Array {
    return this.out.take();
  }
}

/** The header row's names, each a plain text field. */
export function header(names: readonly string[]): string[] {
  return names.map(textField);
}
