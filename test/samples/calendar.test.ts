import { describe, expect, it } from "vitest";
import { formatCents, formatPercent } from "../../tools/samples/amounts.ts";
import { addMonths, dayNumber, firstDay, isoDate, lastDay, parsePeriod, periodName } from "../../tools/samples/calendar.ts";

describe("calendar arithmetic on day numbers", () => {
  it("matches known day numbers (days since 1970-01-01, as Date.UTC / 86400000 gives)", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2000, 3, 1)).toBe(11017);
    expect(dayNumber(2026, 10, 5)).toBe(20731);
    expect(isoDate(20731)).toBe("2026-10-05");
    expect(isoDate(-1)).toBe("1969-12-31");
  });

  it("round-trips every day of 1999–2031, leap days included", () => {
    for (let d = dayNumber(1999, 1, 1); d <= dayNumber(2031, 12, 31); d++) {
      const iso = isoDate(d);
      const [y, m, day] = iso.split("-").map(Number);
      expect(dayNumber(y!, m!, day!)).toBe(d);
    }
    expect(isoDate(dayNumber(2028, 2, 28) + 1)).toBe("2028-02-29");
    expect(isoDate(dayNumber(2100, 2, 28) + 1)).toBe("2100-03-01");
  });

  it("steps months across year ends and knows month lengths", () => {
    const dec = parsePeriod("2026-12")!;
    expect(periodName(addMonths(dec, 1))).toBe("2027-01");
    expect(periodName(addMonths(dec, -12))).toBe("2025-12");
    expect(isoDate(firstDay(dec))).toBe("2026-12-01");
    expect(isoDate(lastDay(parsePeriod("2028-02")!))).toBe("2028-02-29");
    expect(isoDate(lastDay(parsePeriod("2026-02")!))).toBe("2026-02-28");
  });

  it("rejects malformed periods", () => {
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-10", "2026-10-01", ""]) expect(parsePeriod(bad)).toBeNull();
  });
});

describe("amount formatting from integer cents", () => {
  it("formats cents with exactly two decimals", () => {
    expect(formatCents(4990)).toBe("49.90");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(0)).toBe("0.00");
    expect(formatCents(-120)).toBe("-1.20");
    expect(formatCents(123456789)).toBe("1234567.89");
  });

  it("refuses non-integers instead of rounding floats", () => {
    expect(() => formatCents(49.9)).toThrow(RangeError);
  });

  it("formats whole percentages", () => {
    expect(formatPercent(35)).toBe("35%");
  });
});
