import { describe, expect, it } from "vitest";
import type { DataDocument as DataDocumentRecord } from "../../runtime/data/document.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { formatDataDocument } from "../../tools/samples/format.ts";
import { generateData, generatedPeriods, SampleOptionsError, tryGenerateData, type GenerateOptions } from "../../tools/samples/generate.ts";
import { shapeStatistics } from "../../tools/samples/statistics.ts";
import { realismViolations } from "./realism.ts";

const SIZES: GenerateOptions[] = [
  { partners: 1, seed: 1, months: 1 },
  { partners: 12, seed: 3, months: 2, customersPerPartner: 0.5 },
  { partners: 200, seed: 11, months: 3, splits: 10, cancellations: 12 },
  { partners: 1000, seed: 12345, months: 4, splits: 40, cancellations: 60, pendingShare: 0.1, firstMonth: "2026-11" },
  { partners: 5000, seed: -7, months: 2, splits: 200, cancellations: 300, customersPerPartner: 3 },
];

describe("generateData: valid documents", () => {
  for (const options of SIZES) {
    it(`validates with zero problems: ${JSON.stringify(options)}`, () => {
      const doc = generateData(options);
      const validation = validateData(JSON.parse(JSON.stringify(doc)));
      expect(validation.ok ? [] : validation.problems.slice(0, 5)).toEqual([]);
      expect(realismViolations(doc)).toEqual([]);
      expect(doc.partners).toHaveLength(options.partners);
    });
  }

  it("returns a document of the data layer's DataDocument type (checked by tsc)", () => {
    const doc: DataDocumentRecord = generateData({ partners: 3, seed: 1, months: 1 });
    expect(doc.partners.map((p) => p.id)).toEqual(["P1", "P2", "P3"]);
  });

  it("writes the requested splits and cancellations when the structure has room for them", () => {
    const doc = generateData({ partners: 1000, seed: 4, months: 3, splits: 25, cancellations: 40 });
    expect(doc.splits).toHaveLength(25);
    expect(doc.cancellations).toHaveLength(40);
    const stats = shapeStatistics(doc);
    expect(stats.partialCancellations).toBeGreaterThan(0);
    expect(stats.partialCancellations).toBeLessThan(40);
    expect(doc.cancellations.some((c) => c.goods === "lost")).toBe(true);
    expect(doc.splits.some((s) => typeof s.share === "object")).toBe(true);
    expect(doc.splits.some((s) => typeof s.share === "string")).toBe(true);
    expect(doc.splits.some((s) => s.member.startsWith("C"))).toBe(true);
    expect(doc.splits.some((s) => s.member.startsWith("P"))).toBe(true);
  });

  it("dates cancellations both inside the 14-day withdrawal period and weeks after delivery", () => {
    const doc = generateData({ partners: 500, seed: 8, months: 3, cancellations: 60 });
    const delivered = new Map(doc.orders.map((o) => [o.id, o.delivered ?? ""]));
    const daysAfter = doc.cancellations.map((c) => (Date.parse(c.date) - Date.parse(delivered.get(c.order)!)) / 86_400_000);
    expect(daysAfter.filter((d) => d < 14).length).toBeGreaterThan(10);
    expect(daysAfter.filter((d) => d >= 21).length).toBeGreaterThan(10);
    expect(daysAfter.every((d) => d >= 0 && d <= 70)).toBe(true);
  });

  it("releases most orders at once, some paid the next month, a few pending", () => {
    const doc = generateData({ partners: 2000, seed: 6, months: 3, pendingShare: 0.05 });
    const stats = shapeStatistics(doc);
    const samePay = doc.orders.filter((o) => o.paid === o.date).length;
    expect(samePay / stats.orders).toBeGreaterThan(0.8);
    expect(stats.paidInLaterMonth / stats.orders).toBeGreaterThan(0.05);
    expect(stats.pendingOrders / stats.orders).toBeGreaterThan(0.03);
    expect(stats.pendingOrders / stats.orders).toBeLessThan(0.07);
    expect(doc.orders.some((o) => o.paid === null && o.delivered !== null)).toBe(true);
    expect(doc.orders.some((o) => o.paid !== null && o.delivered === null)).toBe(true);
  });

  it("has terminated partners with and without a date, and new partners buying starter kits", () => {
    const doc = generateData({ partners: 3000, seed: 2, months: 3 });
    const terminated = doc.partners.filter((p) => p.status === "terminated");
    expect(terminated.some((p) => p.terminated !== undefined)).toBe(true);
    expect(terminated.some((p) => p.terminated === undefined)).toBe(true);
    const starters = doc.orders.filter((o) => o.lines.some((l) => l.sku === "STARTER-KIT"));
    expect(starters.length).toBeGreaterThan(100);
    const joinedOn = new Map(doc.partners.map((p) => [p.id, p.joined]));
    expect(starters.every((o) => joinedOn.get(o.buyer) === o.date)).toBe(true);
  });

  it("keeps orders inside the requested months", () => {
    const doc = generateData({ partners: 300, seed: 5, months: 2, firstMonth: "2027-12" });
    expect(generatedPeriods("2027-12", 2)).toEqual(["2027-12", "2028-01"]);
    expect(new Set(doc.orders.map((o) => o.date.slice(0, 7)))).toEqual(new Set(["2027-12", "2028-01"]));
  });
});

describe("generateData: determinism", () => {
  const options: GenerateOptions = { partners: 800, seed: 99, months: 3, splits: 20, cancellations: 20 };

  it("gives byte-identical JSON for the same options", () => {
    expect(formatDataDocument(generateData(options))).toBe(formatDataDocument(generateData({ ...options })));
    expect(JSON.stringify(generateData(options))).toBe(JSON.stringify(generateData(options)));
  });

  it("gives a different company for a different seed", () => {
    expect(JSON.stringify(generateData({ ...options, seed: 100 }).partners)).not.toBe(JSON.stringify(generateData(options).partners));
  });

  it("leaves the genealogy, customers and orders alone when only splits or cancellations change", () => {
    const base = generateData(options);
    const more = generateData({ ...options, splits: 5, cancellations: 80 });
    expect(more.partners).toEqual(base.partners);
    expect(more.customers).toEqual(base.customers);
    expect(more.orders).toEqual(base.orders);
    expect(more.cancellations).toHaveLength(80);
  });

  it("writes per-measure shares with the measure names asked for, or only single shares", () => {
    const named = generateData({ ...options, splits: 200, shareMeasures: ["QV", "BV"] });
    const perMeasure = named.splits.filter((s) => typeof s.share === "object");
    expect(perMeasure.length).toBeGreaterThan(0);
    for (const s of perMeasure) expect(Object.keys(s.share)).toEqual(["QV", "BV"]);
    const single = generateData({ ...options, splits: 200, shareMeasures: [] });
    expect(single.splits.every((s) => typeof s.share === "string")).toBe(true);
  });
});

describe("generateData: bad options", () => {
  it("lists every bad option as a problem instead of throwing from tryGenerateData", () => {
    const outcome = tryGenerateData({
      partners: 0,
      seed: 1.5,
      months: 40,
      firstMonth: "2026-13",
      customersPerPartner: -1,
      splits: -2,
      cancellations: 0.5,
      pendingShare: 0.9,
      shareMeasures: ["PV"],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.option)).toEqual([
      "partners", "seed", "months", "firstMonth", "customersPerPartner", "splits", "cancellations", "pendingShare", "shareMeasures",
    ]);
  });

  it("throws a SampleOptionsError carrying the problems from generateData", () => {
    let caught: unknown;
    try {
      generateData({ partners: 10, seed: 1, months: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SampleOptionsError);
    expect((caught as SampleOptionsError).problems).toEqual([{ option: "months", message: "months must be a whole number from 1 to 36" }]);
  });
});
