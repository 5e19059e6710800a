/**
 * Generated code: it holds no plan text (hostile rank, bonus, measure and plan names are data,
 * never code), it is what normal runs use, and where `new Function` is refused (a strict
 * Content-Security-Policy) the interpreter runs instead with the same answers.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { codegenAllowed, kernelSources, setCodegenAllowed } from "../../compiler/codegen/kernels.ts";
import { compilePlan } from "../../compiler/compile.ts";
import type { PlanIR } from "../../core/ir.ts";
import { columnarOf } from "../../runtime/compiled/columnar.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { computeCompiledPeriod } from "../../runtime/compiled/period.ts";
import { planTables } from "../../runtime/compiled/planTables.ts";
import { validateData } from "../../runtime/data/validate.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";

const HOSTILE = [
  '"); globalThis.pwned = 1; ("',
  "*/ throw new Error('x') /*",
  "`${process.exit(1)}`",
  "\\u0027); alert(1); //",
  "</script><script>alert(1)</script>",
];

function vitalis(): PlanIR {
  const { ir } = compilePlan(readFileSync(new URL("../../plans/stairstep-breakaway.plan", import.meta.url), "utf8"));
  if (!ir) throw new Error("plan does not compile");
  return ir;
}

function hostile(ir: PlanIR): PlanIR {
  return {
    ...ir,
    name: HOSTILE[0]!,
    ranks: ir.ranks.map((r, i) => ({ ...r, name: `${HOSTILE[i % HOSTILE.length]!}${i}` })),
    bonuses: ir.bonuses.map((b, i) => ({ ...b, name: `${HOSTILE[(i + 1) % HOSTILE.length]!}${i}` })),
    measures: ir.measures.map((m, i) => ({ ...m, name: `${HOSTILE[(i + 2) % HOSTILE.length]!}${i}` })),
  };
}

function tiny(): Dataset {
  const checked = validateData(JSON.parse(readFileSync(new URL("../../samples/small.data.json", import.meta.url), "utf8")));
  if (!checked.ok) throw new Error("sample does not validate");
  return checked.data;
}

afterEach(() => setCodegenAllowed(null));

describe("generated kernels", () => {
  it("hold only numbers and generated names, never plan text", () => {
    const ir = hostile(vitalis());
    const tables = planTables(ir, columnarOf(tiny()));
    if (typeof tables === "string") throw new Error(tables);
    const sources = kernelSources(tables);
    for (const source of [sources.rank, sources.bonuses]) {
      for (const text of [ir.name, ...ir.ranks.map((r) => r.name), ...ir.bonuses.map((b) => b.name), ...ir.measures.map((m) => m.name)]) {
        expect(source.includes(text)).toBe(false);
      }
      // No string literals and no comments at all: nothing from outside can be quoted into it.
      expect(source).not.toMatch(/["'`]|\/\*|\/\//);
    }
    expect(sources.bonuses).toContain("la[len] = a;");
  });

  it("run by default, and the run with hostile names equals the reference", () => {
    expect(codegenAllowed()).toBe(true);
    const ir = hostile(vitalis());
    const data = tiny();
    const outcome = computeCompiledPeriod({
      ir, data, period: "2026-10", asOf: "2026-11-30", final: true, policy: "exact", splitMode: "volume",
      ignoreAfterRunCancellations: false, historyAsOf: () => undefined, historyRun: () => undefined, carriedIn: null,
    });
    expect(outcome.ok && outcome.period.kernel).toBe("generated");
    expect(JSON.stringify(compiledEngine.runThrough(ir, data, { through: "2026-11" }))).toBe(JSON.stringify(referenceEngine.runThrough(ir, data, { through: "2026-11" })));
  });

  it("give way to the interpreter where new Function is refused, with the same answers", () => {
    setCodegenAllowed(false);
    const ir = vitalis();
    const data = tiny();
    const outcome = computeCompiledPeriod(
      { ir, data, period: "2026-10", asOf: "2026-11-30", final: true, policy: "exact", splitMode: "volume", ignoreAfterRunCancellations: false, historyAsOf: () => undefined, historyRun: () => undefined, carriedIn: null },
    );
    expect(outcome.ok && outcome.period.kernel).toBe("interpreted");
    expect(JSON.stringify(compiledEngine.runThrough(ir, data, { through: "2026-11" }))).toBe(JSON.stringify(referenceEngine.runThrough(ir, data, { through: "2026-11" })));
  });
});
