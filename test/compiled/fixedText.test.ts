/**
 * fixedText (runtime/compiled/scaled.ts) writes a scaled integer as the reference writes the same
 * Decimal: core/money.ts formatAmount / formatBase, i.e. decimal.js `toFixed(places)` under the
 * project's rounding (half away from zero), with "-" dropped only from zero. The engine calls it
 * with places >= the value's significant decimals; with fewer places it must round as the
 * reference does, never cut digits off (it once wrote -10 at scale 8 with 5 places as
 * "-0.00001").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";
import { formatAmount, moneyOf } from "../../core/money.ts";
import { fixedText } from "../../runtime/compiled/scaled.ts";

/** The reference's text of n × 10^-scale at `places` decimals. */
function referenceText(n: number, scale: number, places: number): string {
  const unit = places === 0 ? "1" : `0.${"0".repeat(places - 1)}1`;
  return formatAmount(new Decimal(n).div(new Decimal(10).pow(scale)), moneyOf(unit, "half-up"));
}

describe("fixedText", () => {
  it("pads with zeros when there are more places than the scale", () => {
    expect(fixedText(1234, 2, 4)).toBe("12.3400");
    expect(fixedText(-1234, 2, 4)).toBe("-12.3400");
    expect(fixedText(7, 0, 2)).toBe("7.00");
    expect(fixedText(0, 0, 3)).toBe("0.000");
  });

  it("writes the scale's places as they are", () => {
    expect(fixedText(1234, 2, 2)).toBe("12.34");
    expect(fixedText(-1234, 2, 2)).toBe("-12.34");
    expect(fixedText(42, 0, 0)).toBe("42");
    expect(fixedText(-42, 0, 0)).toBe("-42");
  });

  it("puts leading zeros before numbers with fewer digits than places", () => {
    expect(fixedText(5, 2, 2)).toBe("0.05");
    expect(fixedText(-5, 2, 2)).toBe("-0.05");
    expect(fixedText(5, 3, 5)).toBe("0.00500");
    expect(fixedText(-1, 8, 8)).toBe("-0.00000001");
  });

  it("never writes a sign on zero", () => {
    expect(fixedText(0, 2, 2)).toBe("0.00");
    expect(fixedText(-0, 2, 2)).toBe("0.00");
    expect(fixedText(0, 8, 5)).toBe("0.00000");
    expect(fixedText(-0, 8, 0)).toBe("0");
  });

  it("drops trailing zeros beyond the places (what the engine's callers pass)", () => {
    expect(fixedText(123400, 4, 2)).toBe("12.34");
    expect(fixedText(-123400, 4, 2)).toBe("-12.34");
    expect(fixedText(1000, 3, 0)).toBe("1");
    expect(fixedText(-100, 4, 2)).toBe("-0.01");
  });

  it("rounds, half away from zero, when the number has more decimals than places", () => {
    // Fewer digits than the dropped places: the value is below half a unit of the last place.
    expect(fixedText(-10, 8, 5)).toBe("-0.00000");
    expect(fixedText(10, 8, 5)).toBe("0.00000");
    expect(fixedText(5, 8, 5)).toBe("0.00000");
    // As many digits as the dropped places: the first digit decides.
    expect(fixedText(500, 8, 5)).toBe("0.00001");
    expect(fixedText(-500, 8, 5)).toBe("-0.00001");
    expect(fixedText(499, 8, 5)).toBe("0.00000");
    expect(fixedText(-499, 8, 5)).toBe("-0.00000");
    // More digits: half goes away from zero, below half toward it.
    expect(fixedText(12345, 3, 2)).toBe("12.35");
    expect(fixedText(-12345, 3, 2)).toBe("-12.35");
    expect(fixedText(12344, 3, 2)).toBe("12.34");
    expect(fixedText(-5, 3, 0)).toBe("-0");
    expect(fixedText(-500, 3, 0)).toBe("-1");
    // Carries through nines into a new leading digit.
    expect(fixedText(999995, 4, 2)).toBe("100.00");
    expect(fixedText(-999995, 4, 2)).toBe("-100.00");
    expect(fixedText(95, 2, 0)).toBe("1");
  });

  it("equals the reference's formatting for any safe integer, scale and places", () => {
    const cases: [number, number, number][] = [[-10, 8, 5], [10, 8, 5], [-5, 3, 0], [5, 1, 0], [Number.MAX_SAFE_INTEGER, 6, 3], [-Number.MAX_SAFE_INTEGER, 15, 2], [0, 15, 0]];
    for (const [n, scale, places] of cases) expect(fixedText(n, scale, places), `${n} ${scale} ${places}`).toBe(referenceText(n, scale, places));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer(), fc.maxSafeInteger()),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 15 }),
        (n, scale, places) => {
          expect(fixedText(n, scale, places)).toBe(referenceText(n, scale, places));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
