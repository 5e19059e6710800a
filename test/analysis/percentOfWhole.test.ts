/** The one "part as a percentage of the whole" of the KPIs, the plan diff and the disclosure. */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";
import { percentOfWhole } from "../../core/money.ts";

describe("percentOfWhole", () => {
  it("gives two decimals, exactly rounded", () => {
    expect(percentOfWhole(new Decimal("2980"), new Decimal("3479"))).toBe("85.66");
    expect(percentOfWhole(new Decimal("1"), new Decimal("8"))).toBe("12.50");
  });

  it("never writes -0.00 (a small clawback against a large volume)", () => {
    expect(percentOfWhole(new Decimal("-0.01"), new Decimal("100000"))).toBe("0.00");
    expect(percentOfWhole(new Decimal("-10"), new Decimal("100"))).toBe("-10.00");
  });

  it("says n/a for a zero whole", () => {
    expect(percentOfWhole(new Decimal("5"), new Decimal("0"))).toBe("n/a");
  });
});
