/**
 * Writes a data document as JSON with one record per line: still plain JSON for every tool,
 * but a 3,000-order file stays readable and a regenerated file diffs line by line. Or as JSON
 * Lines (docs/data-format.md): the same records, each with its `type`.
 * Key order is the order the records were built in (fixed by the generator and by hand), so
 * the text is as deterministic as the document.
 *
 * Both come as chunks (a 1M-partner document is about 800 MB of text, over Node's string limit);
 * formatDataDocument joins them for small documents.
 */
import type { DataDocument } from "./document.ts";

const SECTIONS = ["partners", "customers", "splits", "orders", "cancellations"] as const;
const TYPES = { partners: "partner", customers: "customer", splits: "split", orders: "order", cancellations: "cancellation" } as const;

/** Characters per chunk, about. */
const CHUNK = 1 << 16;

export function* dataDocumentChunks(doc: DataDocument): Generator<string> {
  let out = "{\n";
  for (let s = 0; s < SECTIONS.length; s++) {
    const name = SECTIONS[s] as (typeof SECTIONS)[number];
    const records: readonly unknown[] = doc[name];
    const end = s + 1 < SECTIONS.length ? ",\n" : "\n";
    if (records.length === 0) {
      out += `  ${JSON.stringify(name)}: []${end}`;
      continue;
    }
    out += `  ${JSON.stringify(name)}: [\n`;
    for (let i = 0; i < records.length; i++) {
      out += `    ${JSON.stringify(records[i])}${i + 1 < records.length ? ",\n" : "\n"}`;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
    out += `  ]${end}`;
  }
  yield out + "}\n";
}

/** The same records as JSON Lines: one record per line with its `type` first. */
export function* dataJsonLinesChunks(doc: DataDocument): Generator<string> {
  let out = "";
  for (const name of SECTIONS) {
    const type = JSON.stringify(TYPES[name]);
    for (const record of doc[name] as readonly object[]) {
      const text = JSON.stringify(record);
      out += `{"type":${type}${text.length > 2 ? "," : ""}${text.slice(1)}\n`;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
  }
  if (out !== "") yield out;
}

export function formatDataDocument(doc: DataDocument): string {
  let text = "";
  for (const chunk of dataDocumentChunks(doc)) text += chunk;
  return text;
}
