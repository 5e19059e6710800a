/** The explicit comparators behind every sorted list of the playground. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../core/decimal.ts";
import { compareDecimalParts, compareDecimalText, compareIds, compareNaturalKeys, naturalKey, naturalPlaces, parts } from "../../../playground/src/worker/ordering.ts";

describe("compareIds", () => {
  it("orders ids naturally (equal numbers: plain text order)", () => {
    const ids = ["P10", "P2", "P1", "C3", "P100", "P02", "SPK", "B10", "B9", "A"];
    expect([...ids].sort(compareIds)).toEqual(["A", "B9", "B10", "C3", "P1", "P02", "P2", "P10", "P100", "SPK"]);
  });

  const id = fc.stringMatching(/^[A-C0]{0,2}[0-9]{0,3}[A-B]?[0-9]?$/);

  it("is a total order: antisymmetric, transitive, zero only for equal ids", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
        expect(compareIds(a, b) === 0).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(id, id, id, (a, b, c) => {
        if (compareIds(a, b) <= 0 && compareIds(b, c) <= 0) expect(compareIds(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("compareDecimalText", () => {
  const decimalText = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }))
    .map(([negative, digits, scale]) => {
      const text = digits.toString().padStart(scale + 1, "0");
      const unsigned = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
      return negative ? `-${unsigned}` : unsigned;
    });

  it("agrees with exact decimal comparison", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(Math.sign(compareDecimalText(a, b))).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it("compares amounts that floating point cannot tell apart", () => {
    expect(compareDecimalText("12345678901234567.01", "12345678901234567.02")).toBeLessThan(0);
    expect(compareDecimalText("-0.00", "0")).toBe(0);
    expect(compareDecimalText("-5.10", "-5.1")).toBe(0);
    expect(compareDecimalText("-10", "-9.99")).toBeLessThan(0);
  });
});

describe("sort keys", () => {
  it("naturalKey + compareNaturalKeys order ids exactly as compareIds", () => {
    const id = fc.stringMatching(/^[A-C0]{0,2}[0-9]{0,3}[A-B]?[0-9]{0,2}$/);
    fc.assert(
      fc.property(fc.oneof(id, fc.string({ maxLength: 6 })), fc.oneof(id, fc.string({ maxLength: 6 })), (a, b) => {
        expect(Math.sign(compareNaturalKeys(naturalKey(a), naturalKey(b)))).toBe(Math.sign(compareIds(a, b)));
      }),
      { numRuns: 5000 },
    );
    const ids = ["P10", "P2", "P1", "C3", "P100", "P02", "SPK", "B10", "B9", "A"];
    const places = naturalPlaces(ids);
    expect([...ids].sort((a, b) => places.get(a)! - places.get(b)!)).toEqual([...ids].sort(compareIds));
  });

  it("parts + compareDecimalParts order amounts exactly as compareDecimalText", () => {
    const amount = fc.stringMatching(/^[-+]?0{0,2}[0-9]{0,4}(\.[0-9]{0,3}0{0,2})?$/);
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(compareDecimalParts(parts(a), parts(b))).toBe(compareDecimalText(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
