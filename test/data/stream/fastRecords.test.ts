/**
 * The hand-written record checks (runtime/data/stream/fastRecords.ts) are sound: whatever they
 * accept, ajv accepts too and the general path normalizes to the same record; they accept every
 * valid record of the bundled samples (else the fast path would silently never be taken).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizeCustomer, normalizeOrder, normalizePartner } from "../../../runtime/data/normalize.ts";
import type { CustomerRecord, OrderRecord, PartnerRecord } from "../../../runtime/data/document.ts";
import { recordSchemaProblems } from "../../../runtime/data/schemaCheck.ts";
import { fastCustomer, fastOrder, fastPartner, RecordMemo } from "../../../runtime/data/stream/fastRecords.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const samples = readdirSync(root + "samples").filter((f) => f.endsWith(".data.json"));
const docs = samples.map((f) => JSON.parse(readFileSync(root + "samples/" + f, "utf8")) as Record<string, unknown[]>);

const ODD_VALUES: unknown[] = [
  undefined, null, "", " ", "P1", 0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 - 1, Number.NaN, true, [], {}, ["P1"],
  "2026-02-29", "2028-02-29", "2026-13-01", "2026-1-01", "0000-01-01", "2026-07-01 ", "x", "1e5", "01.50", "1.", ".5",
  "-1", "1".repeat(30), "1".repeat(31), "1.".concat("0".repeat(29)), "1.".concat("0".repeat(30)), "12\n", "active",
  "terminated", "Active", "__proto__",
];

type Section = "partners" | "customers" | "orders";
const FAST = {
  partners: (r: unknown, typeKey = false) => fastPartner(r, new RecordMemo(), typeKey),
  customers: (r: unknown, typeKey = false) => fastCustomer(r, new RecordMemo(), typeKey),
  orders: (r: unknown, typeKey = false) => fastOrder(r, new RecordMemo(), typeKey),
};
const NORMALIZE = {
  partners: (r: unknown) => normalizePartner(r as PartnerRecord),
  customers: (r: unknown) => normalizeCustomer(r as CustomerRecord),
  orders: (r: unknown) => normalizeOrder(r as OrderRecord),
};

/** Every record with one field changed, removed or added, lines included. */
function variants(record: Record<string, unknown>): unknown[] {
  const out: unknown[] = [record, null, [], "x", [record], Object.create({ id: "P1" }) as unknown];
  const keys = [...Object.keys(record), "status", "terminated", "paid", "delivered", "type", "extra", "__proto__"];
  for (const key of keys) {
    const { [key]: _dropped, ...without } = record;
    out.push(without);
    for (const v of ODD_VALUES) out.push(JSON.parse(JSON.stringify({ ...record, [key]: v === undefined ? null : v })) as unknown, { ...record, [key]: v });
  }
  const lines = record["lines"];
  if (Array.isArray(lines)) {
    out.push({ ...record, lines: [] }, { ...record, lines: [null] }, { ...record, lines: [[]] });
    lines.forEach((line: Record<string, unknown>, i) => {
      for (const key of [...Object.keys(line), "Net_2", "2net", "net-x", "_x", "__proto__"]) {
        const { [key]: _dropped, ...without } = line;
        const withLine = (l: unknown) => ({ ...record, lines: lines.map((x, j) => (j === i ? l : x)) });
        out.push(withLine(without));
        for (const v of ODD_VALUES) out.push(withLine({ ...line, [key]: v }));
      }
      // Figures in reverse key order: the Dataset sorts them.
      out.push({ ...record, lines: [Object.fromEntries(Object.entries(line).reverse())] });
    });
    out.push(JSON.parse(`{"id":"O1","buyer":"P1","date":"2026-07-01","lines":[{"sku":"A","qty":1,"__proto__":"1"}]}`) as unknown);
  }
  return out;
}

describe("hand-written record checks", () => {
  for (const section of ["partners", "customers", "orders"] as Section[]) {
    it(`accept every valid ${section} record of the samples and normalize it as the general path does`, () => {
      let records = 0;
      for (const doc of docs) {
        for (const record of doc[section] ?? []) {
          const fast = FAST[section](record);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(NORMALIZE[section](record));
          expect(FAST[section]({ type: "x", ...(record as object) }, true)).toEqual(fast);
          records++;
        }
      }
      expect(records).toBeGreaterThan(10);
    });

    it(`accept no ${section} record ajv rejects, and normalize what they accept as the general path does`, () => {
      let accepted = 0;
      let rejected = 0;
      for (const doc of docs.slice(0, 2)) {
        for (const record of (doc[section] ?? []).slice(0, 3)) {
          for (const variant of variants(record as Record<string, unknown>)) {
            const fast = FAST[section](variant);
            const problems = recordSchemaProblems(section, 0, variant);
            if (fast === null) {
              rejected++;
              continue;
            }
            accepted++;
            expect(problems, JSON.stringify(variant)).toEqual([]);
            expect(fast).toEqual(NORMALIZE[section](variant));
          }
        }
      }
      expect(accepted).toBeGreaterThan(10);
      expect(rejected).toBeGreaterThan(10);
    });
  }

  it("allow the `type` key only for a JSON Lines record", () => {
    expect(fastPartner({ type: "partner", id: "P1", sponsor: null, joined: "2026-01-01" }, new RecordMemo(), false)).toBeNull();
    expect(fastPartner({ type: "partner", id: "P1", sponsor: null, joined: "2026-01-01" }, new RecordMemo(), true)).toEqual({
      id: "P1", sponsor: null, joined: "2026-01-01", status: "active", terminated: null,
    });
  });
});
