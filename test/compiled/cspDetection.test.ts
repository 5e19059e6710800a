/**
 * Where a strict Content-Security-Policy refuses `new Function`, the compiled runtime finds out by
 * itself and runs its interpreter: no flag is set by the caller. A refusing environment is made
 * here the way a browser makes it, a `Function` constructor that throws an EvalError
 * (test/compiled/codegen.test.ts checks the interpreter's answers with the refusal forced).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { codegenAllowed, setCodegenAllowed } from "../../compiler/codegen/kernels.ts";
import { compilePlan } from "../../compiler/compile.ts";
import type { PlanIR } from "../../core/ir.ts";
import { computeCompiledPeriod } from "../../runtime/compiled/period.ts";
import { validateData } from "../../runtime/data/validate.ts";

function plan(): PlanIR {
  const { ir } = compilePlan(readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8"));
  if (!ir) throw new Error("plan does not compile");
  return ir;
}

// Validated before any refusal: the data checks compile their schema validators with `new Function` too.
const checked = validateData(JSON.parse(readFileSync(new URL("../../samples/tiny.data.json", import.meta.url), "utf8")));

function runOctober(ir: PlanIR) {
  if (!checked.ok) throw new Error("sample does not validate");
  return computeCompiledPeriod({
    ir, data: checked.data, period: "2026-10", asOf: "2026-11-30", final: true, policy: "exact", splitMode: "volume",
    ignoreAfterRunCancellations: false, historyAsOf: () => undefined, historyRun: () => undefined, carriedIn: null,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCodegenAllowed(null);
});

describe("code generation refused by the environment", () => {
  it("is detected, and the period runs on the interpreter", () => {
    const ir = plan();
    setCodegenAllowed(null);
    vi.stubGlobal("Function", function refused(): never {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
    });
    expect(codegenAllowed()).toBe(false);
    const refused = runOctober(ir);
    vi.unstubAllGlobals();
    expect(refused.ok && refused.period.kernel).toBe("interpreted");
    // Allowed again: detected afresh, not remembered from the refusal.
    setCodegenAllowed(null);
    expect(codegenAllowed()).toBe(true);
  });
});
