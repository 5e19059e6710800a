/**
 * Plain-text tables for a terminal: fixed-width columns, numbers right-aligned, ASCII layout so
 * the output survives any console or log file. Every cell is user text made visible first
 * (visibleText.ts): an id with a newline or an escape sequence cannot break a row or the terminal.
 * One table for the CLI's listings and the comparisons.
 */
import { visible } from "./visibleText.ts";

export type Align = "left" | "right";

export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = [], indent = "  "): string {
  const shownHeaders = headers.map(visible);
  const shownRows = rows.map((r) => r.map(visible));
  const widths = shownHeaders.map((h, c) => Math.max(h.length, ...shownRows.map((r) => (r[c] ?? "").length)));
  const cell = (text: string, c: number): string => ((align[c] ?? "left") === "right" ? text.padStart(widths[c]!) : text.padEnd(widths[c]!));
  const line = (cells: readonly string[]): string => indent + cells.map(cell).join("  ").trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(shownHeaders), rule, ...shownRows.map(line)].join("\n") + "\n";
}
