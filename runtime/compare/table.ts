/**
 * Plain-text tables for a terminal: fixed-width columns, numbers right-aligned, ASCII only so
 * the output survives any console or log file.
 */
export type Align = "left" | "right";

export function textTable(headers: string[], rows: string[][], align: Align[], indent = "  "): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const cell = (text: string, c: number): string => (align[c] === "right" ? text.padStart(widths[c]!) : text.padEnd(widths[c]!));
  const line = (cells: string[]): string => indent + cells.map(cell).join("  ").trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n") + "\n";
}
