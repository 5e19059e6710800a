/**
 * DatasetBuilder positions: until a record is dropped, kept and input positions are the same and
 * no position arrays are kept; after the first drop, problems of the checks across records still
 * name the input's record.
 */
import { describe, expect, it } from "vitest";
import { DatasetBuilder } from "../../../runtime/data/stream/datasetBuilder.ts";

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
