/**
 * validateData beyond the fixtures: what is deliberately accepted, determinism with respect to
 * the input's key order, normalization details, and that no input makes it throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDecimal } from "../../runtime/data/decimalText.ts";
import type { DataDocument } from "../../runtime/data/document.ts";
import { Decimal, canonical } from "../../core/decimal.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { smallDocument } from "./fixtures.ts";

function problemsOf(doc: unknown): unknown[] {
  const result = validateData(doc);
  return result.ok ? [] : result.problems;
}

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  return out;
}

describe("accepted on purpose", () => {
  it("a customer member may be supported by a partner in its own partner's downline, or by that partner", () => {
    const doc = smallDocument();
    doc.partners.push({ id: "P4", sponsor: "P3", joined: "2025-04-01" });
    doc.customers?.push({ id: "K2", partner: "P3", joined: "2026-01-01" });
    doc.splits = [
      { member: "K1", supporter: "P4", share: "50%" },
      { member: "K2", supporter: "P3" },
    ];
    expect(problemsOf(doc)).toEqual([]);
  });

  it("a partner member may be supported by its own upline or by another team", () => {
    const doc = smallDocument();
    doc.partners.push({ id: "Q1", sponsor: null, joined: "2025-01-01" });
    doc.splits = [
      { member: "P3", supporter: "P1", share: { PV: "50%", CV: "30%" } },
      { member: "P2", supporter: "Q1", share: "0%" },
    ];
    expect(problemsOf(doc)).toEqual([]);
  });

  it("agreements for one member that follow each other without overlapping", () => {
    const doc = smallDocument();
    doc.splits = [
      { member: "K1", supporter: "P1", to: "2026-10" },
      { member: "K1", supporter: "P2", from: "2026-11", to: "2026-11" },
      { member: "K1", supporter: "P1", from: "2026-12", to: null },
    ];
    expect(problemsOf(doc)).toEqual([]);
  });

  it("cancellations that together take exactly the ordered quantity", () => {
    const doc = smallDocument();
    doc.cancellations = [
      { id: "S1", order: "O1", date: "2026-10-06", goods: "returned", lines: [{ line: 0, qty: "0.5" }] },
      { id: "S2", order: "O1", date: "2026-10-09", goods: "lost", lines: [{ line: 0, qty: "1.5" }, { line: 1, qty: 1 }] },
      { id: "S3", order: "O2", date: "2026-10-20", goods: "returned", lines: [{ line: 0, qty: 1 }] },
    ];
    expect(problemsOf(doc)).toEqual([]);
  });
});

describe("over-cancelling follows the cancellations' dates, not their order in the file", () => {
  function withWholeOrderCancellation(date: string): DataDocument {
    const doc = smallDocument();
    doc.cancellations = [
      { id: "S1", order: "O1", date: "2026-10-06", goods: "returned", lines: [{ line: 0, qty: "0.5" }] },
      { id: "S2", order: "O1", date: "2026-10-09", goods: "lost", lines: [{ line: 0, qty: "1.5" }, { line: 1, qty: 1 }] },
      { id: "S4", order: "O1", date, goods: "returned", lines: null },
    ];
    return doc;
  }

  it("a whole-order cancellation dated first takes everything: the later line cancellations over-cancel", () => {
    expect(problemsOf(withWholeOrderCancellation("2026-10-05"))).toEqual([
      { path: "cancellations[0].lines[0].qty", id: "S1", message: "cancels 0.5 of line 0 of order `O1`, but only 0 of 2 is left after `S4`" },
      { path: "cancellations[1].lines[0].qty", id: "S2", message: "cancels 1.5 of line 0 of order `O1`, but only 0 of 2 is left after `S4`" },
      { path: "cancellations[1].lines[1].qty", id: "S2", message: "cancels 1 of line 1 of order `O1`, but only 0 of 1 is left after `S4`" },
    ]);
  });

  it("dated last, it finds nothing left", () => {
    expect(problemsOf(withWholeOrderCancellation("2026-11-30"))).toEqual([
      { path: "cancellations[2]", id: "S4", message: "cancels the whole order `O1`, which is already fully cancelled by `S1`, `S2`" },
    ]);
  });

  it("dated in between, it takes the rest and the later one finds nothing left", () => {
    expect(problemsOf(withWholeOrderCancellation("2026-10-08"))).toEqual([
      { path: "cancellations[1].lines[0].qty", id: "S2", message: "cancels 1.5 of line 0 of order `O1`, but only 0 of 2 is left after `S1`, `S4`" },
      { path: "cancellations[1].lines[1].qty", id: "S2", message: "cancels 1 of line 1 of order `O1`, but only 0 of 1 is left after `S4`" },
    ]);
  });
});

describe("accepted on purpose (continued)", () => {
  it("orders without paid or delivered dates, and a terminated partner without a date", () => {
    const doc = smallDocument();
    delete doc.orders[0]?.paid;
    (doc.orders[1] as { delivered: string | null }).delivered = null;
    doc.partners[1] = { id: "P2", sponsor: "P1", joined: "2025-02-01", status: "terminated" };
    const result = validateData(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.orders.map((o) => [o.paid, o.delivered])).toEqual([
      [null, "2026-10-07"],
      ["2026-10-12", null],
    ]);
    expect(result.data.partners[1]).toEqual({ id: "P2", sponsor: "P1", joined: "2025-02-01", status: "terminated", terminated: null });
  });
});

describe("normalization", () => {
  it("writes decimal text exactly as core/decimal.ts canonical does", () => {
    const digits = fc.string({ unit: fc.constantFrom("0", "0", "1", "5", "9"), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(digits, fc.option(digits, { nil: undefined }), (whole, fraction) => {
        const text = fraction === undefined ? whole : `${whole}.${fraction}`;
        expect(canonicalDecimal(text)).toBe(canonical(new Decimal(text)));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalDecimal(Number.MAX_SAFE_INTEGER)).toBe("9007199254740991");
  });

  it("writes decimals canonically and JSON numbers as strings", () => {
    const doc = smallDocument();
    doc.orders[0] = {
      id: "O1", buyer: "P3", date: "2026-10-05",
      lines: [{ sku: "X", qty: "003.500", net: "49.90", points: 0, bonusBase: "0.000", extra: 12 }],
    };
    const result = validateData(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.data.orders[0]?.lines[0]).toEqual({
      sku: "X",
      qty: "3.5",
      figures: { bonusBase: "0", extra: "12", net: "49.9", points: "0" },
    });
  });

  it("turns percentages into exact fractions", () => {
    const doc = smallDocument();
    doc.splits = [
      { member: "K1", supporter: "P1", share: "33.3333%" },
      { member: "P3", supporter: "P1", share: { PV: "100%", CV: "0.5%" } },
    ];
    const result = validateData(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.data.splits.map((s) => [s.share, s.shareByMeasure])).toEqual([
      ["0.333333", {}],
      [null, { CV: "0.005", PV: "1" }],
    ]);
  });

  it("gives byte-identical output whatever the key order of the input objects", () => {
    const doc = smallDocument();
    doc.splits = [{ member: "P3", supporter: "P1", share: { PV: "50%", CV: "30%" } }];
    const a = validateData(doc);
    const b = validateData(reverseKeys(doc));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("lists problems in the same order whatever the key order of the input objects", () => {
    const doc = smallDocument() as unknown as Record<string, Record<string, unknown>[] | number>;
    doc.extra = 1;
    const partner = (doc.partners as Record<string, unknown>[])[0] as Record<string, unknown>;
    partner.nickname = "Top";
    partner.joined = "2025-1-1";
    ((doc.orders as Record<string, unknown>[])[0] as Record<string, unknown>).buyer = 5;
    const a = problemsOf(doc);
    expect(a.length).toBe(4);
    expect(JSON.stringify(problemsOf(reverseKeys(doc)))).toBe(JSON.stringify(a));
  });
});

describe("robustness", () => {
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateData(value);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on documents with mutated records", () => {
    const fields = ["id", "sponsor", "joined", "status", "terminated", "buyer", "date", "lines", "qty", "line"];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), fc.nat(3), (field, value, which) => {
        const doc = smallDocument() as unknown as Record<string, Record<string, unknown>[]>;
        doc.cancellations = [{ id: "S1", order: "O1", date: "2026-11-01", goods: "lost", lines: [{ line: 0, qty: 1 }] }];
        const section = ["partners", "customers", "orders", "cancellations"][which] as string;
        const record = doc[section]?.[0] as Record<string, unknown>;
        record[field] = value;
        const result = validateData(doc);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
