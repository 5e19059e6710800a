/** Plain-text tables for the terminal: left-aligned text, right-aligned numbers. */

export type Align = "left" | "right";

export function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) =>
    (align?.[i] ?? "left") === "right" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (cells: readonly string[]) => cells.map((c, i) => cell(c, i)).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

/** Ids as people read them: P2 before P11 (readable output only; JSON keeps its own order). */
export { compareIdsNaturally as naturalOrder } from "../runtime/surface.ts";
