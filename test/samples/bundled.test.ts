import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { checkDataAgainstPlan } from "../../runtime/data/planChecks.ts";
import { validateData } from "../../runtime/data/validate.ts";
import type { DataDocument } from "../../tools/samples/document.ts";
import { formatDataDocument } from "../../tools/samples/format.ts";
import { generateData } from "../../tools/samples/generate.ts";
import { GENERATED_SCENARIOS, HAND_WRITTEN_SCENARIOS } from "../../tools/samples/scenarios.ts";
import { realismViolations } from "./realism.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string): string => readFileSync(root + file, "utf8");
const load = (file: string): DataDocument => JSON.parse(read(`samples/${file}`)) as DataDocument;

const PLANS = ["plans/vitalis-classic.plan", "plans/unilevel-essentials.plan", "plans/stairstep-breakaway.plan"];

function planIr(file: string) {
  const { ir, diagnostics } = compilePlan(read(file));
  if (!ir) throw new Error(`${file} does not compile: ${diagnostics.map((d) => d.message).join("; ")}`);
  return ir;
}

describe("generated bundled samples", () => {
  for (const scenario of GENERATED_SCENARIOS) {
    it(`${scenario.file} is exactly what samples/build.ts writes`, () => {
      expect(read(`samples/${scenario.file}`)).toBe(formatDataDocument(generateData(scenario.options)));
    });

    it(`${scenario.file} is valid data for every bundled plan`, () => {
      const validation = validateData(load(scenario.file));
      expect(validation.ok ? [] : validation.problems).toEqual([]);
      if (!validation.ok) return;
      for (const plan of PLANS) expect(checkDataAgainstPlan(planIr(plan), validation.data)).toEqual([]);
      expect(realismViolations(load(scenario.file))).toEqual([]);
    });
  }

  it("tiny has a dozen partners, a few customers, one or two months, no splits and no cancellations", () => {
    const tiny = load("tiny.data.json");
    expect(tiny.partners.length).toBeGreaterThanOrEqual(10);
    expect(tiny.partners.length).toBeLessThanOrEqual(15);
    expect(tiny.customers.length).toBeGreaterThan(0);
    expect(tiny.customers.length).toBeLessThanOrEqual(8);
    expect(new Set(tiny.orders.map((o) => o.date.slice(0, 7)))).toEqual(new Set(["2026-10", "2026-11"]));
    expect(tiny.splits).toEqual([]);
    expect(tiny.cancellations).toEqual([]);
  });

  it("small and team-1k have about 200 and 1,000 partners over three months", () => {
    expect(load("small.data.json").partners).toHaveLength(200);
    expect(load("team-1k.data.json").partners).toHaveLength(1000);
    for (const file of ["small.data.json", "team-1k.data.json"]) {
      expect(new Set(load(file).orders.map((o) => o.date.slice(0, 7)))).toEqual(new Set(["2026-10", "2026-11", "2026-12"]));
    }
  });
});

describe("hand-written bundled samples", () => {
  for (const scenario of HAND_WRITTEN_SCENARIOS) {
    it(`${scenario.file} is valid data for plans/vitalis-classic.plan`, () => {
      const validation = validateData(load(scenario.file));
      expect(validation.ok ? [] : validation.problems).toEqual([]);
      if (validation.ok) expect(checkDataAgainstPlan(planIr("plans/vitalis-classic.plan"), validation.data)).toEqual([]);
    });

    it(`${scenario.file} is written one record per line, like the generated files`, () => {
      expect(read(`samples/${scenario.file}`)).toBe(formatDataDocument(load(scenario.file)));
    });
  }
});
