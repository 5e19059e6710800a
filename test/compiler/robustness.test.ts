/**
 * compilePlan never throws: any text gives diagnostics with spans inside the text, an IR exactly
 * when there is no error, and only codes from the parser's range or compiler/codes.ts.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CODES } from "../../compiler/codes.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { compileParsed } from "../../compiler/compileParsed.ts";
import { validateIr } from "../../core/validateIr.ts";
import type { PlanAst } from "../../grammar/ast.ts";
import { parsePlan } from "../../grammar/parse.ts";

const plan = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

function assertWellFormed(text: string): void {
  const { ir, diagnostics } = compilePlan(text);
  const hasError = diagnostics.some((d) => d.severity === "error");
  expect(ir === null).toBe(hasError);
  if (ir) expect(validateIr(ir)).toEqual([]);
  for (const d of diagnostics) {
    expect(/^E0\d\d$/.test(d.code) || d.code in CODES, d.code).toBe(true);
    expect(d.severity).toBe(d.code.startsWith("W") ? "warning" : "error");
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

/** Edits in plan-language pieces, so mutations reach the checker, not only the lexer. */
const pieces = ["Senior", "CV", "PV", "GV(CV)", "legs(Manager)", "5%", "150%", "0", "2.5", "{", "}", ":", "level 2:", "requires", "\"", "bonus pool \"X\" on CV {", "with maxleg 0%", "not", "(", ")"];

describe("compilePlan never throws", () => {
  test("random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => assertWellFormed(text)), { numRuns: 300 });
  });

  test("random edits of vitalis-classic", () => {
    const edit = fc.record({
      at: fc.nat({ max: plan.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = plan;
        for (const e of edits) {
          const at = Math.min(e.at, text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        assertWellFormed(text);
      }),
      { numRuns: 400 },
    );
  });

  test("the empty plan lists what is missing", () => {
    expect(compilePlan("").diagnostics.map((d) => d.code)).toEqual(["E140", "E141", "E142", "E143"]);
  });

  test("a bug in the compiler becomes an E299 diagnostic, not an exception", () => {
    const { ast, diagnostics } = parsePlan(plan);
    // A node kind the checker does not know stands in for any internal inconsistency.
    const corrupt = structuredClone(ast) as PlanAst;
    const active = corrupt.items.find((i) => i.kind === "Active")!;
    (active as unknown as { condition: { kind: string } }).condition = { kind: "Xor" };
    const result = compileParsed(plan, corrupt, diagnostics);
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["E299"]);
    expect(result.diagnostics[0]!.message).toContain("internal compiler error");
  });

  test("warnings alone do not withhold the IR", () => {
    const { ir, diagnostics } = compilePlan(plan.replace("currency EUR", "currency euro"));
    expect(diagnostics.map((d) => d.code)).toEqual(["W304"]);
    expect(ir).not.toBeNull();
  });
});
