/**
 * Rows in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash, tab, newline
 * and carriage return escaped. Yields chunks of many rows (one string per row would make the
 * stream machinery the bottleneck).
 */
const CHUNK = 1 << 16;

export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : text;
}

export function* copyText(rows: Iterable<readonly unknown[]>): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += row.map(copyField).join("\t") + "\n";
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk.length > 0) yield chunk;
}
