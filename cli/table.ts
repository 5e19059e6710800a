/** Plain-text tables for the terminal: left-aligned text, right-aligned numbers, cells made visible. */
import { type Align, textTable } from "../runtime/surface.ts";

export type { Align };

export function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  return textTable(headers, rows, align, "");
}

/** Ids as people read them: P2 before P11 (readable output only; JSON keeps its own order). */
export { compareIdsNaturally as naturalOrder } from "../runtime/surface.ts";
