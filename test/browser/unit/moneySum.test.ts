/** The run summary's exact sums (playground/src/worker/moneySum.ts): fast path and fallback agree with decimal.js. */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../core/decimal.ts";
import { sumMoney } from "../../../playground/src/worker/moneySum.ts";

const decimalSum = (texts: string[], decimals: number): string => texts.reduce((t, x) => t.plus(x), new Decimal(0)).toFixed(decimals);

describe("sumMoney", () => {
  it("sums amounts with the money's decimals exactly", () => {
    expect(sumMoney(["3.49", "-0.50", "0.01"], 2)).toBe("3.00");
    expect(sumMoney(["0.10", "0.20"], 2)).toBe("0.30"); // 0.1 + 0.2 in floating point is not 0.3
    expect(sumMoney(["-0.05"], 2)).toBe("-0.05");
    expect(sumMoney([], 2)).toBe("0.00");
    expect(sumMoney(["12", "-3"], 0)).toBe("9");
    expect(sumMoney(["1.000", "0.001"], 3)).toBe("1.001");
  });

  it("falls back to decimal.js for other decimals and totals beyond 2^53 units", () => {
    expect(sumMoney(["1.5", "0.25"], 2)).toBe("1.75");
    expect(sumMoney(["1e2", "0.01"], 2)).toBe("100.01");
    const huge = ["45035996273704.96", "45035996273704.96", "0.01"];
    expect(sumMoney(huge, 2)).toBe(decimalSum(huge, 2));
    expect(sumMoney(huge, 2)).toBe("90071992547409.93");
  });

  it("agrees with decimal.js on many random amounts", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const texts = Array.from({ length: 5000 }, () => `${next() % 2 ? "-" : ""}${next() % 100000}.${String(next() % 100).padStart(2, "0")}`);
    expect(sumMoney(texts, 2)).toBe(decimalSum(texts, 2));
  });
});

describe("sumStatementField", () => {
  it("sums a period's statements from the engine's integer columns as decimal.js sums their texts", async () => {
    const { readFileSync } = await import("node:fs");
    const { compilePlan } = await import("../../../compiler/compile.ts");
    const { validateData } = await import("../../../runtime/data/validate.ts");
    const { compiledEngine } = await import("../../../runtime/compiled/engine.ts");
    const { sumStatementField } = await import("../../../playground/src/worker/moneySum.ts");
    const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
    const ir = compilePlan(read("plans/vitalis-classic.plan")).ir!;
    const validation = validateData(JSON.parse(read("samples/team-1k.data.json")));
    if (!validation.ok) throw new Error("team-1k does not load");
    const outcome = compiledEngine.runThroughView(ir, validation.data, { through: "2026-11" });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.view.periods.length).toBeGreaterThan(1);
    for (const v of outcome.view.periods) {
      expect(v.statementMinor).toBeDefined();
      const withoutColumns = { ...v, statementMinor: undefined, statement: (i: number) => v.statement(i) };
      for (const field of ["earned", "payout", "carriedIn", "carriedOut"] as const) {
        const texts = Array.from({ length: v.partnerCount }, (_, i) => v.statement(i)[field]);
        expect(sumStatementField(v, field, 2)).toBe(decimalSum(texts, 2));
        expect(sumStatementField(withoutColumns, field, 2)).toBe(decimalSum(texts, 2));
      }
    }
  });
});
