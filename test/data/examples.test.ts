/**
 * The worked examples' data documents (docs/spec/examples) are valid, and normalization turns
 * one of them into exactly the Dataset the evaluators consume.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { checkDataAgainstPlan } from "../../runtime/data/planChecks.ts";
import { validateData } from "../../runtime/data/validate.ts";

const examples = new URL("../../docs/spec/examples/", import.meta.url);
const dataFiles = readdirSync(examples)
  .filter((name) => name.endsWith(".data.json"))
  .sort();

function loadExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, examples), "utf8"));
}

describe("worked examples", () => {
  it("finds all nine example data documents", () => {
    expect(dataFiles.length).toBe(9);
  });

  for (const name of dataFiles) {
    it(`${name} validates with no problems`, () => {
      const result = validateData(loadExample(name));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  }

  for (const name of dataFiles) {
    const planName = name.replace(".data.json", ".plan");
    it(`${name} carries every figure and split measure that ${planName} needs`, () => {
      const { ir, diagnostics } = compilePlan(readFileSync(new URL(planName, examples), "utf8"));
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const result = validateData(loadExample(name));
      if (ir === null || !result.ok) throw new Error(`${planName} or ${name} does not load`);
      expect(checkDataAgainstPlan(ir, result.data)).toEqual([]);
    });
  }

  it("normalizes i_release exactly: defaults, canonical decimals, numbers as strings", () => {
    const result = validateData(loadExample("i_release.data.json"));
    const expected: Dataset = {
      partners: [
        { id: "T", sponsor: null, joined: "2025-01-01", status: "active", terminated: null },
        { id: "A", sponsor: "T", joined: "2025-01-01", status: "active", terminated: null },
      ],
      customers: [],
      splits: [],
      orders: [
        {
          id: "O1", buyer: "A", date: "2026-10-10", paid: "2026-10-10", delivered: "2026-10-25",
          lines: [{ sku: "SKU-1", qty: "2", figures: { net: "50", points: "50" } }],
        },
        {
          id: "O2", buyer: "A", date: "2026-10-20", paid: "2026-11-05", delivered: "2026-11-06",
          lines: [{ sku: "SKU-1", qty: "4", figures: { net: "25", points: "25" } }],
        },
        {
          id: "O3", buyer: "A", date: "2026-10-28", paid: null, delivered: null,
          lines: [{ sku: "SKU-1", qty: "1", figures: { net: "70", points: "70" } }],
        },
        {
          id: "O4", buyer: "A", date: "2026-10-30", paid: "2026-12-02", delivered: "2026-12-03",
          lines: [{ sku: "SKU-1", qty: "1", figures: { net: "200", points: "200" } }],
        },
      ],
      cancellations: [
        { id: "C1", order: "O1", date: "2026-11-15", goods: "returned", lines: [{ line: 0, qty: "1" }] },
        { id: "C2", order: "O2", date: "2026-11-18", goods: "returned", lines: [{ line: 0, qty: "1" }] },
      ],
    };
    expect(result).toEqual({ ok: true, data: expected });
  });

  it("normalizes shares to fractions (d_customer_split, e_partner_split) and terminated partners (h_balances)", () => {
    const d = validateData(loadExample("d_customer_split.data.json"));
    const e = validateData(loadExample("e_partner_split.data.json"));
    const h = validateData(loadExample("h_balances.data.json"));
    if (!d.ok || !e.ok || !h.ok) throw new Error("examples must validate");
    expect(d.data.splits).toEqual([
      { index: 0, member: "K", supporter: "B3", share: "0.5", shareByMeasure: {}, from: null, to: null },
    ]);
    expect(e.data.splits).toEqual([
      { index: 0, member: "M", supporter: "S", share: null, shareByMeasure: { CV: "0.3", PV: "0.5" }, from: null, to: null },
    ]);
    expect(h.data.partners[1]).toEqual({
      id: "U", sponsor: "T", joined: "2025-01-01", status: "terminated", terminated: "2026-11-10",
    });
    expect(h.data.cancellations[0]).toEqual({ id: "C1", order: "O1", date: "2026-11-20", goods: "lost", lines: null });
  });
});
