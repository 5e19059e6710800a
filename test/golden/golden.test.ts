/**
 * Golden files for every plans/*.plan: `<name>.ir.json` (the IR, 2-space JSON) and
 * `<name>.printed.plan` (printIr of it). A change to the compiler that changes either shows up
 * here as a diff to review. Regenerate deliberately with `UPDATE_GOLDEN=1 npx vitest run test/golden`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { printIr } from "../../core/printIr.ts";

const plansDir = new URL("../../plans/", import.meta.url);
const goldenDir = new URL("./", import.meta.url);
const update = process.env["UPDATE_GOLDEN"] === "1";
const plans = readdirSync(plansDir)
  .filter((f) => f.endsWith(".plan"))
  .sort();

function compareOrWrite(file: string, actual: string): void {
  const url = new URL(file, goldenDir);
  if (update) {
    writeFileSync(url, actual);
    return;
  }
  expect(existsSync(url), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(url, "utf8"));
}

describe("golden IR and printed plan for every plans/*.plan", () => {
  test("the plans folder is not empty", () => {
    expect(plans.length).toBeGreaterThan(0);
  });

  for (const file of plans) {
    const name = file.replace(/\.plan$/, "");
    test(name, () => {
      const { ir, diagnostics } = compilePlan(readFileSync(new URL(file, plansDir), "utf8"));
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      compareOrWrite(`${name}.ir.json`, JSON.stringify(ir, null, 2) + "\n");
      compareOrWrite(`${name}.printed.plan`, printIr(ir!));
    });
  }

  test("no golden file is left over from a plan that no longer exists", () => {
    const names = new Set(plans.map((f) => f.replace(/\.plan$/, "")));
    const stale = readdirSync(goldenDir)
      .filter((f) => f.endsWith(".ir.json") || f.endsWith(".printed.plan"))
      .filter((f) => !names.has(f.replace(/\.(ir\.json|printed\.plan)$/, "")));
    expect(stale).toEqual([]);
  });
});
