/**
 * A tooltip for every figure of a plain table, from what the table already says: the row's label
 * (its first cell) and the column's header, plus where the figures come from ("L in 2026-11").
 * The comparison, statements, KPIs and disclosure word theirs one by one; the other tables of the
 * page (Explain's, the plan diff's) get theirs here, so that no figure is a bare number when
 * pointed at. A cell that already has a tooltip keeps it.
 */

/** A figure: an amount, a count, a percentage, a rate, or the dash of "none". */
const FIGURE = /^[−+-]?[\d,]+(\.\d+)?\s?%?$|^—$/;

/** Sets the tooltips of `table`'s body figures; `where` ends each ("of L in 2026-11", "EUR"). */
export function titleFigures<T extends HTMLTableElement>(table: T, where: string): T {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map((c) => (c.textContent ?? "").replace(/[▲▼]/g, "").trim());
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      const label = (row.cells[0]?.textContent ?? "").trim();
      [...row.cells].forEach((cell, i) => {
        if (i === 0 || cell.title !== "" || cell.querySelector("[title]") !== null) return;
        const text = (cell.textContent ?? "").trim();
        if (!FIGURE.test(text)) return;
        const header = headers[i] ?? "";
        cell.title = text === "—" ? `${label}: no ${header} ${where}` : `${label}: ${header} ${text} ${where}`;
      });
    }
  }
  return table;
}
