/**
 * The data browser's queries (issue 14 item 5): the records of the shown run's data, one section
 * at a time, searchable, a window of rows at a time so 100k partners or 200k orders never reach
 * the page at once. The search matches the record's key ids case-insensitively (a partner's id
 * and sponsor, an order's id and buyer, ...); the matching positions are kept for the next window.
 */
import type { Dataset } from "../../../runtime/surface.ts";
import type { RecordRow, RecordSectionName, RecordsPage } from "./protocol.ts";

/** The ids a search looks at, per section. */
function keysOf(data: Dataset, section: RecordSectionName, i: number): string[] {
  switch (section) {
    case "partners": {
      const p = data.partners[i]!;
      return p.sponsor === null ? [p.id] : [p.id, p.sponsor];
    }
    case "customers": {
      const c = data.customers[i]!;
      return [c.id, c.partner];
    }
    case "orders": {
      const o = data.orders[i]!;
      return [o.id, o.buyer];
    }
    case "splits": {
      const s = data.splits[i]!;
      return [s.member, s.supporter];
    }
    case "cancellations": {
      const c = data.cancellations[i]!;
      return [c.id, c.order];
    }
    default: {
      const unknown: never = section;
      return unknown;
    }
  }
}

function row(data: Dataset, section: RecordSectionName, i: number): RecordRow {
  const record: unknown = data[section][i];
  // The split's `index` is its position, already shown as the row number.
  const shown = section === "splits" ? { ...(record as Record<string, unknown>), index: undefined } : record;
  return { index: i, keys: keysOf(data, section, i), text: JSON.stringify(shown) };
}

export class RecordBrowser {
  private last: { section: RecordSectionName; needle: string; matches: number[] | null } | null = null;

  constructor(private readonly data: Dataset) {}

  page(section: RecordSectionName, search: string, offset: number, limit: number): RecordsPage {
    const all = this.data[section].length;
    const needle = search.trim().toLowerCase();
    let matches: number[] | null;
    if (this.last !== null && this.last.section === section && this.last.needle === needle) matches = this.last.matches;
    else {
      matches = null;
      if (needle !== "") {
        matches = [];
        for (let i = 0; i < all; i++) if (keysOf(this.data, section, i).some((k) => k.toLowerCase().includes(needle))) matches.push(i);
      }
      this.last = { section, needle, matches };
    }
    const total = matches === null ? all : matches.length;
    const start = Math.max(0, Math.min(offset, total));
    const end = Math.min(total, start + Math.max(0, Math.min(limit, 500)));
    const rows: RecordRow[] = [];
    for (let k = start; k < end; k++) rows.push(row(this.data, section, matches === null ? k : matches[k]!));
    return { section, total, all, offset: start, rows };
  }
}
