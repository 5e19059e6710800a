/** core/dates.ts: month ends, leap years, period arithmetic, and agreement with Date.UTC. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays, addPeriods, compareDates, comparePeriods, daysBetween, firstDayOf, fromDayNumber, isValidDate,
  isValidPeriod, lastDayOf, laterDate, nextPeriod, periodOf, periodsFromTo, previousPeriod, toDayNumber,
} from "../../core/dates.ts";

describe("days", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2026-10-07", 14)).toBe("2026-10-21");
    expect(addDays("2026-10-25", 14)).toBe("2026-11-08");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-11-06", 56)).toBe("2027-01-01");
  });

  it("knows leap years, including the century rules", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });

  it("counts days between dates, negative when b is earlier", () => {
    expect(daysBetween("2026-09-20", "2026-10-05")).toBe(15);
    expect(daysBetween("2026-10-05", "2026-09-20")).toBe(-15);
    expect(daysBetween("2026-10-05", "2026-10-05")).toBe(0);
  });

  it("numbers days from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(fromDayNumber(20_000)).toBe("2024-10-04");
  });

  it("compares dates", () => {
    expect(compareDates("2026-10-05", "2026-10-07")).toBeLessThan(0);
    expect(compareDates("2026-10-07", "2026-10-07")).toBe(0);
    expect(laterDate("2026-10-05", "2026-11-01")).toBe("2026-11-01");
    expect(laterDate("2026-11-01", "2026-10-05")).toBe("2026-11-01");
  });

  it("agrees with Date on days within ±500 years of 1970 (sampled)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -3000, max: 3000 }), (day, n) => {
        const date = fromDayNumber(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        expect(toDayNumber(date)).toBe(day);
        expect(isValidDate(date)).toBe(true);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("validity", () => {
  it("accepts only real calendar dates in YYYY-MM-DD", () => {
    for (const good of ["2026-10-05", "2028-02-29", "2000-02-29", "2026-12-31", "0001-01-01"]) {
      expect(isValidDate(good), good).toBe(true);
    }
    for (const bad of ["2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10",
      "2026-10-00", "2026-10-5", "26-10-05", "10/05/2026", "2026-10-05T00:00:00Z", "0000-01-01", ""]) {
      expect(isValidDate(bad), bad).toBe(false);
    }
  });

  it("accepts only real months in YYYY-MM", () => {
    expect(isValidPeriod("2026-10")).toBe(true);
    expect(isValidPeriod("2026-12")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "2026-10-01", "202610", ""]) expect(isValidPeriod(bad), bad).toBe(false);
  });

  it("throws a RangeError on malformed input (a programming error: data is validated first)", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => nextPeriod("2026-13")).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});

describe("periods", () => {
  it("finds the period of a date", () => {
    expect(periodOf("2026-10-05")).toBe("2026-10");
    expect(periodOf("2026-12-31")).toBe("2026-12");
  });

  it("steps over year ends", () => {
    expect(nextPeriod("2026-12")).toBe("2027-01");
    expect(nextPeriod("2026-09")).toBe("2026-10");
    expect(previousPeriod("2027-01")).toBe("2026-12");
    expect(addPeriods("2026-11", 14)).toBe("2028-01");
    expect(addPeriods("2026-01", -13)).toBe("2024-12");
  });

  it("gives first and last days, with February's length by year", () => {
    expect(firstDayOf("2026-10")).toBe("2026-10-01");
    expect(lastDayOf("2026-10")).toBe("2026-10-31");
    expect(lastDayOf("2026-11")).toBe("2026-11-30");
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2100-02")).toBe("2100-02-28");
    expect(lastDayOf("2000-02")).toBe("2000-02-29");
  });

  it("compares periods like a sort comparator", () => {
    expect(comparePeriods("2026-09", "2026-10")).toBeLessThan(0);
    expect(comparePeriods("2027-01", "2026-12")).toBeGreaterThan(0);
    expect(comparePeriods("2026-10", "2026-10")).toBe(0);
    expect(["2027-01", "2026-10", "2026-12"].sort(comparePeriods)).toEqual(["2026-10", "2026-12", "2027-01"]);
  });

  it("lists the periods of a range", () => {
    expect(periodsFromTo("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(periodsFromTo("2026-10", "2026-10")).toEqual(["2026-10"]);
    expect(periodsFromTo("2026-11", "2026-10")).toEqual([]);
  });

  it("has every day of a period inside it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const p = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
        expect(periodOf(firstDayOf(p))).toBe(p);
        expect(periodOf(lastDayOf(p))).toBe(p);
        expect(firstDayOf(nextPeriod(p))).toBe(addDays(lastDayOf(p), 1));
      }),
    );
  });
});
