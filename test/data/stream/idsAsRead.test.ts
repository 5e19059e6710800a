/**
 * The DatasetBuilder indexes partner and customer ids as the records arrive and hands the maps
 * to the people checks (graphChecks.ts IdsAsRead); references share the ids' strings. Whatever
 * order the records come in (JSON Lines allows any), the problems must be the ones the checks
 * find with maps of their own, and the Dataset the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortProblems } from "../../../core/problemPath.ts";
import type { DataDocument } from "../../../runtime/data/document.ts";
import { checkPeople } from "../../../runtime/data/graphChecks.ts";
import { normalizeCustomer, normalizePartner } from "../../../runtime/data/normalize.ts";
import { DatasetBuilder } from "../../../runtime/data/stream/datasetBuilder.ts";

/** A tiny id pool, so that duplicates, a customer with a partner's id and unknown references happen. */
const id = fc.constantFrom("P1", "P2", "P3", "P4", "C1", "C2", "X");
const partner = fc.record({ id, sponsor: fc.option(id, { nil: null }), joined: fc.constantFrom("2026-01-01", "2026-02-01") });
const customer = fc.record({ id, partner: id, joined: fc.constantFrom("2026-01-01", "2026-03-01") });
const order = fc.record({ id: fc.constantFrom("O1", "O2", "O3"), buyer: id, date: fc.constant("2026-04-01"), lines: fc.constant([{ sku: "A", qty: 1, net: "10" }]) });
/** Records in any order, as a JSON Lines file may hold them; a broken partner now and then. */
const record = fc.oneof(
  fc.record({ section: fc.constant("partners" as const), value: partner }),
  fc.record({ section: fc.constant("customers" as const), value: customer }),
  fc.record({ section: fc.constant("orders" as const), value: order }),
  fc.record({ section: fc.constant("partners" as const), value: fc.record({ id, sponsor: fc.constant(null), joined: fc.constant("not a date") }) }),
);

describe("ids indexed as read", () => {
  it("give the people checks' own problems, and the same Dataset, in any record order", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 14, size: "max" }), (records) => {
        const builder = new DatasetBuilder();
        for (const r of records) builder.add(r.section, structuredClone(r.value));
        const built = builder.finish();
        // The oracle: the people checks over the kept records with maps of their own.
        const kept = (section: "partners" | "customers") => records.filter((r) => r.section === section && r.value.joined !== "not a date").map((r) => r.value);
        const doc = {
          partners: kept("partners").map((p) => normalizePartner(structuredClone(p) as never)),
          customers: kept("customers").map((c) => normalizeCustomer(structuredClone(c) as never)),
          splits: [],
          orders: [],
          cancellations: [],
        } as unknown as DataDocument;
        const own = sortProblems(checkPeople(doc).problems);
        const noBrokenRecord = records.every((r) => !("joined" in r.value) || r.value.joined !== "not a date");
        if (built.ok) {
          expect(own).toEqual([]);
          expect(built.data.partners).toEqual(doc.partners);
          expect(built.data.customers).toEqual(doc.customers);
        } else if (noBrokenRecord) {
          // Positions are the input's when nothing was dropped: every people problem is listed as is.
          const people = built.problems.filter((p) => /^(partners|customers)\[/.test(p.path));
          expect(people).toEqual(own);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe("positions after a dropped record", () => {
  it("name the input's record in the checks across records, before and after the first drop", () => {
    const builder = new DatasetBuilder();
    builder.add("partners", { id: "P1", sponsor: null, joined: "2026-01-01" });
    builder.add("orders", { id: "O1", buyer: "Q1", date: "2026-04-01", lines: [{ sku: "A", qty: 1 }] });
    builder.add("partners", { id: "P2", sponsor: null, joined: "not a date" });
    builder.skip("orders");
    builder.add("partners", { id: "P3", sponsor: "PX", joined: "2026-01-01" });
    builder.add("orders", { id: "O3", buyer: "Q3", date: "2026-04-01", lines: [{ sku: "A", qty: 1 }] });
    const built = builder.finish();
    expect(built.ok).toBe(false);
    const paths = built.ok ? [] : built.problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual([
      expect.stringMatching(/^partners\[1\]\.joined: /),
      "partners[2].sponsor: unknown sponsor `PX`: no partner has this id",
      "orders[0].buyer: unknown buyer `Q1`: no partner or customer has this id",
      "orders[2].buyer: unknown buyer `Q3`: no partner or customer has this id",
    ]);
  });
});
