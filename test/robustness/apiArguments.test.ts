/**
 * Issue 11, items 3 and 11: every function of the embedding API checks its arguments and throws
 * InvalidArgumentError naming the function and the argument — never a raw TypeError from deep
 * inside, never a run that silently ignores a bad option.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as comp from "../../runtime/api.ts";

const root = new URL("../../", import.meta.url);
const planText = readFileSync(new URL("plans/vitalis-classic.plan", root), "utf8");
const rawData: unknown = JSON.parse(readFileSync(new URL("samples/tiny.data.json", root), "utf8"));
const { ir } = comp.compilePlan(planText);
const validated = comp.validateData(rawData);
if (!ir || !validated.ok) throw new Error("the bundled plan and sample must be valid");
const data = validated.data;

function thrown(call: () => unknown): comp.InvalidArgumentError {
  try {
    call();
  } catch (e) {
    if (e instanceof comp.InvalidArgumentError) return e;
    throw new Error(`expected InvalidArgumentError, got ${String(e)}`);
  }
  throw new Error("expected InvalidArgumentError, nothing was thrown");
}

describe("the API names the argument at fault", () => {
  it("runThrough with `policy: \"bogus\"` is refused (it used to run with no clawbacks at all)", () => {
    const e = thrown(() => comp.runThrough(ir, data, { through: "2026-11", policy: "bogus" as comp.Policy }));
    expect(e.fn).toBe("runThrough");
    expect(e.argument).toBe("options.policy");
    expect(e.message).toBe('runThrough: `options.policy` must be one of "simple", "previous-rank", "exact", got the text "bogus"');
  });

  it.each<[string, () => unknown, string, string]>([
    ["a misspelt option", () => comp.runThrough(ir, data, { through: "2026-11", polcy: "exact" } as never), "options.polcy", "is not an option (the options are through, policy, splitMode, asOf, preliminary, ignoreAfterRunCancellations)"],
    ["no through", () => comp.runThrough(ir, data, {} as never), "options.through", 'must be a period "YYYY-MM" (years 0001 to 9999), got undefined'],
    ["a bad split mode", () => comp.runThrough(ir, data, { through: "2026-11", splitMode: "both" as never }), "options.splitMode", 'must be one of "volume", "commission", got the text "both"'],
    ["a bad as-of date", () => comp.runThrough(ir, data, { through: "2026-11", asOf: "2026-02-30" }), "options.asOf", 'must be a calendar date "YYYY-MM-DD", got the text "2026-02-30"'],
    ["preliminary as a text", () => comp.runThrough(ir, data, { through: "2026-11", asOf: "2026-12-20", preliminary: "yes" as never }), "options.preliminary", 'must be true or false, got the text "yes"'],
    ["no options at all", () => (comp.runThrough as (...a: unknown[]) => unknown)(ir, data), "options", "must be an object, got undefined"],
  ])("runThrough: %s", (_, call, argument, problem) => {
    const e = thrown(call);
    expect([e.argument, e.problem]).toEqual([argument, problem]);
  });

  it("runThrough on the raw data document (not validated) names the first field that is not a Dataset's", () => {
    const e = thrown(() => comp.runThrough(ir, rawData as comp.Dataset, { through: "2026-11" }));
    expect(e.argument).toBe("data.partners[0].status");
    expect(e.problem).toBe("must be a text (string), got undefined (pass the `data` of a validateData(document) that returned ok)");
  });

  it("an object that is not a plan IR is named with what to pass instead", () => {
    const e = thrown(() => comp.runThrough({ name: "x" } as never, data, { through: "2026-11" }));
    expect(e.argument).toBe("ir");
    expect(e.problem).toMatch(/^is not a valid plan IR \(pass the `ir` of a compilePlan\(text\) without errors\): /);
  });

  it.each<[string, () => unknown, string, string]>([
    ["compilePlan(123)", () => comp.compilePlan(123 as never), "text", "must be a text (string), got number 123"],
    ["earliestFinalAsOf with a bad period", () => comp.earliestFinalAsOf(ir, data, "2026-13"), "period", 'must be a period "YYYY-MM" (years 0001 to 9999), got the text "2026-13"'],
    ["earliestFinalAsOf without data", () => comp.earliestFinalAsOf(ir, undefined as never, "2026-10"), "data", "must be a dataset, got undefined (pass the `data` of a validateData(document) that returned ok)"],
    ["computeKpis on an empty object", () => comp.computeKpis({} as never, "CV"), "result", "is not a valid result document: (document): missing field `plan`; (document): missing field `policy`; (document): missing field `periods`"],
    ["formatDiagnostic on an empty object", () => comp.formatDiagnostic({} as never, "", "x.plan"), "d.code", "must be a text (string), got undefined"],
    ["formatDiagnostic without the text", () => comp.formatDiagnostic({ code: "E100", severity: "error", message: "m", span: { start: 0, end: 1, line: 1, column: 1 } }, null as never, "x.plan"), "text", "must be a text (string), got null"],
    ["formatKpiTable(null)", () => comp.formatKpiTable(null as never), "k", "must be KPIs from computeKpis, got null"],
    ["printIr of a number", () => comp.printIr(7 as never), "ir", "must be a plan IR (pass the `ir` of a compilePlan(text) without errors), got number 7"],
    ["comparePolicies with a date for through", () => comp.comparePolicies(ir, data, "2026-11-30"), "through", 'must be a period "YYYY-MM" (years 0001 to 9999), got the text "2026-11-30"'],
    ["generateData with partners as a text", () => comp.generateData({ partners: "10" as never, seed: 1, months: 1 }), "options.partners", 'must be a number, got the text "10"'],
    ["runPeriod with final missing", () => comp.runPeriod({ ir, data, history: [], period: "2026-10", asOf: "2026-11-20" } as never), "input.final", "must be true or false, got undefined"],
    ["the reference engine with a bogus policy", () => comp.referenceEngine.runThrough(ir, data, { through: "2026-11", policy: "lenient" as never }), "options.policy", 'must be one of "simple", "previous-rank", "exact", got the text "lenient"'],
  ])("%s", (_, call, argument, problem) => {
    const e = thrown(call);
    expect([e.argument, e.problem]).toEqual([argument, problem]);
  });

  it("valid arguments still run, with the same result as before", () => {
    const out = comp.runThrough(ir, data, { through: "2026-11", policy: "exact" });
    expect(out.ok).toBe(true);
    if (out.ok) expect(comp.validateResult(out.result)).toEqual([]);
    expect(comp.earliestFinalAsOf(ir, data, "2026-10").asOf).toMatch(/^2026-1\d-\d\d$/);
  });
});

describe("any value in any argument position: InvalidArgumentError or an answer, nothing else", () => {
  const calls: [string, (a: unknown, b: unknown) => unknown][] = [
    ["compilePlan", (a) => comp.compilePlan(a as never)],
    ["formatDiagnostic", (a, b) => comp.formatDiagnostic(a as never, b as never, "x.plan")],
    ["validateIr", (a) => comp.validateIr(a)],
    ["printIr", (a) => comp.printIr(a as never)],
    ["validateData", (a) => comp.validateData(a)],
    ["checkDataAgainstPlan", (a) => comp.checkDataAgainstPlan(ir, a as never)],
    ["runThrough(options)", (a) => comp.runThrough(ir, data, a as never)],
    ["runThrough(data)", (a, b) => comp.runThrough(ir, a as never, b as never)],
    ["runPeriod", (a) => comp.runPeriod(a as never)],
    ["earliestFinalAsOf", (a) => comp.earliestFinalAsOf(ir, data, a as never)],
    ["firstPeriod", (a) => comp.firstPeriod(a as never)],
    ["validateResult", (a) => comp.validateResult(a)],
    ["computeKpis", (a, b) => comp.computeKpis(a as never, b as never)],
    ["formatKpiTable", (a) => comp.formatKpiTable(a as never)],
    ["formatPolicyComparison", (a) => comp.formatPolicyComparison(a as never)],
    ["formatSplitComparison", (a) => comp.formatSplitComparison(a as never)],
    ["comparePolicies", (a) => comp.comparePolicies(ir, data, a as never)],
    ["generateData", (a) => comp.generateData(a as never)],
  ];
  it.each(calls)("%s", (_, call) => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        try {
          call(a, b);
        } catch (e) {
          if (!(e instanceof comp.InvalidArgumentError)) throw e;
          expect(e.message).toMatch(/^\w+(Engine\.\w+)?: `/);
          expect(e.message).not.toMatch(/[\u0000-\u001f]/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
