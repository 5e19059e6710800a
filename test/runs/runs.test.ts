/**
 * The conformance corpus (Crafting Interpreters style): every engine of test/runs/engines.ts
 * over every case folder of test/runs/, comparing the result document byte for byte with the
 * case's expected.json. What the cases are and where their figures come from:
 * test/runs/README.md; what a correct result is: docs/semantics.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateResult } from "../../core/validateResult.ts";
import { compiledEngine, lastDelegations } from "../../runtime/compiled/engine.ts";
import { caseNames, loadCase, resultText, RUNS } from "./corpus.ts";
import { ENGINES } from "./engines.ts";

const SPEC_EXAMPLES = join(RUNS, "..", "..", "docs", "spec", "examples");
const names = caseNames();

describe("the conformance corpus", () => {
  it("holds every spec example, the golden run and the numeric-like ids", () => {
    for (const name of ["a_seed_levels", "b_generation", "c_differential", "d_customer_split", "e_partner_split", "g_pool", "h_balances", "i_release", "vitalis-tiny", "numeric-ids"]) {
      expect(names).toContain(name);
    }
    for (const policy of ["simple", "previous-rank", "exact"]) expect(names).toContain(`f_late_cancel-${policy}`);
  });

  it("keeps the spec examples' plans and data identical to docs/spec/examples", () => {
    for (const name of names) {
      const example = name.replace(/-(simple|previous-rank|exact)$/, "");
      if (!/^[a-i]_/.test(example)) continue;
      expect(readFileSync(join(RUNS, name, "plan.plan"), "utf8"), name).toBe(readFileSync(join(SPEC_EXAMPLES, `${example}.plan`), "utf8"));
      expect(readFileSync(join(RUNS, name, "data.json"), "utf8"), name).toBe(readFileSync(join(SPEC_EXAMPLES, `${example}.data.json`), "utf8"));
    }
  });

  it("numeric-like ids come out in string order, 10, 100, 9, P1, with the hand-computed amounts", () => {
    // Read from the text: JSON.parse would put integer-like keys first, the very bug this pins.
    const text = readFileSync(join(RUNS, "numeric-ids", "expected.json"), "utf8");
    const keysOf = (section: string) =>
      [...(new RegExp(`"${section}": \\{\\n((?:        .*\\n)*?)      \\}`).exec(text)?.[1] ?? "").matchAll(/^        "([^"]+)"/gm)].map((m) => m[1]);
    expect(keysOf("ranks")).toEqual(["10", "100", "9", "P1"]);
    expect(keysOf("statements")).toEqual(["10", "100", "9", "P1"]);
    // Order 2 (100.00) pays levels 1-3 (P1, 9, 10) 5% = 5.00 each, order 10 (40.00) 2.00 each.
    const statements = (JSON.parse(text) as { periods: { statements: Record<string, { earned: string }> }[] }).periods[0]!.statements;
    expect(Object.fromEntries(Object.entries(statements).map(([id, s]) => [id, s.earned]))).toEqual({ "10": "7.00", "100": "0.00", "9": "7.00", P1: "7.00" });
  });

  for (const name of names) {
    describe(name, () => {
      const expected = readFileSync(join(RUNS, name, "expected.json"), "utf8");

      it("expected.json is a valid result document", () => {
        expect(validateResult(JSON.parse(expected))).toEqual([]);
      });

      for (const engine of ENGINES) {
        it(`the ${engine.name} engine writes expected.json byte for byte`, () => {
          expect(resultText(engine, loadCase(name))).toBe(expected);
        });
      }

      it("the compiled engine runs every period itself (no delegation to the reference)", () => {
        resultText(compiledEngine, loadCase(name));
        expect(lastDelegations()).toEqual([]);
      });
    });
  }
});
