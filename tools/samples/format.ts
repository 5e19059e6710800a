/**
 * Writes a data document as JSON with one record per line: still plain JSON for every tool,
 * but a 3,000-order file stays readable and a regenerated file diffs line by line.
 * Key order is the order the records were built in (fixed by the generator and by hand), so
 * the text is as deterministic as the document.
 */
import type { DataDocument } from "./document.ts";

const SECTIONS = ["partners", "customers", "splits", "orders", "cancellations"] as const;

export function formatDataDocument(doc: DataDocument): string {
  const sections = SECTIONS.map((name) => {
    const records: readonly unknown[] = doc[name];
    if (records.length === 0) return `  ${JSON.stringify(name)}: []`;
    const lines = records.map((record) => `    ${JSON.stringify(record)}`);
    return `  ${JSON.stringify(name)}: [\n${lines.join(",\n")}\n  ]`;
  });
  return `{\n${sections.join(",\n")}\n}\n`;
}
