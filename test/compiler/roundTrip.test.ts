/**
 * printIr is the inverse of compilation: compilePlan(printIr(ir)).ir deep-equals ir, for every
 * real plan and example, and for random valid IR values. Every IR involved also passes
 * validateIr, so the schema and the compiler agree.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { printIr } from "../../core/printIr.ts";
import { validateIr } from "../../core/validateIr.ts";
import { planIrArb } from "./arbitraryIr.ts";

const folders = [new URL("../../plans/", import.meta.url), new URL("../../docs/spec/examples/", import.meta.url)];
const planFiles = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".plan"))
    .sort()
    .map((f) => new URL(f, dir)),
);

function errorsOf(text: string) {
  return compilePlan(text).diagnostics.filter((d) => d.severity === "error");
}

describe("printIr round trip", () => {
  test("finds the plans and the spec's examples", () => {
    expect(planFiles.length).toBeGreaterThanOrEqual(12);
  });

  for (const url of planFiles) {
    const name = url.pathname.split("/").slice(-2).join("/");
    test(name, () => {
      const first = compilePlan(readFileSync(url, "utf8"));
      expect(first.diagnostics).toEqual([]);
      expect(validateIr(first.ir)).toEqual([]);
      const printed = printIr(first.ir!);
      const again = compilePlan(printed);
      expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(again.ir).toEqual(first.ir);
      // Printing is a normal form: printing the reprinted plan changes nothing.
      expect(printIr(again.ir!)).toBe(printed);
    });
  }

  test("random valid IR values survive printing and compiling", () => {
    fc.assert(
      fc.property(planIrArb, (ir) => {
        expect(validateIr(ir)).toEqual([]);
        const printed = printIr(ir);
        expect(errorsOf(printed)).toEqual([]);
        expect(compilePlan(printed).ir).toEqual(ir);
      }),
      { numRuns: 300 },
    );
  });
});
