/**
 * KPIs of a real run (the reference runtime on the tiny sample): the totals must agree with the
 * data and with each other.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { Decimal } from "../../core/decimal.ts";
import { computeKpis, formatKpiTable } from "../../runtime/kpi/index.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("computeKpis on the reference run of samples/tiny.data.json", () => {
  const plan = compilePlan(readFileSync(`${root}plans/vitalis-classic.plan`, "utf8"));
  const data = validateData(JSON.parse(readFileSync(`${root}samples/tiny.data.json`, "utf8")));
  if (!plan.ir || !data.ok) throw new Error("the bundled plan or sample does not load");
  const ir = plan.ir;
  const outcome = runThrough(ir, data.data, { through: "2026-11" });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const result = outcome.result;
  const kpis = computeKpis(result, "CV", undefined, ir.ranks.map((r) => r.name));

  it("sums the CV of exactly the orders commissioned in October and November", () => {
    // Commissionable date = latest of date, paid, delivered (semantics §2); tiny has no pending orders.
    let expected = new Decimal(0);
    for (const o of data.data.orders) {
      const commissionable = [o.date, o.paid ?? "", o.delivered ?? ""].sort().at(-1)!;
      if (o.paid === null || o.delivered === null || commissionable > "2026-11-30") continue;
      for (const line of o.lines) expected = expected.plus(new Decimal(line.qty).times(line.figures.net ?? "0"));
    }
    expect(kpis.totalCv).toBe(expected.toFixed(2));
  });

  it("adds up: bonuses to the payout, ranks to the partners, percentiles upwards", () => {
    const bonusSum = kpis.perBonus.reduce((s, b) => s.plus(b.amount), new Decimal(0));
    expect(bonusSum.toFixed(2)).toBe(kpis.totalPayout);
    const ledgerSum = result.periods.flatMap((p) => p.ledger).reduce((s, e) => s.plus(e.amount), new Decimal(0));
    expect(kpis.totalPayout).toBe(ledgerSum.toFixed(2));
    expect(kpis.rankDistribution.reduce((s, r) => s + r.count, 0)).toBe(kpis.partnersCount);
    expect(kpis.partnersCount).toBe(data.data.partners.length);
    expect(kpis.rankDistribution.map((r) => r.rank)).toEqual(["Director", "Manager", "Senior", "Junior", "Consultant", null]);
    const amounts = kpis.earnings.map((e) => new Decimal(e.amount));
    for (let i = 1; i < amounts.length; i++) expect(amounts[i]!.greaterThanOrEqualTo(amounts[i - 1]!)).toBe(true);
    expect(kpis.earnersCount).toBeGreaterThan(0);
    expect(kpis.earnersCount).toBeLessThanOrEqual(kpis.partnersCount);
    expect(new Decimal(kpis.paidOut).lessThanOrEqualTo(kpis.totalPayout)).toBe(true);
  });

  it("formats without throwing and names every bonus that paid", () => {
    const text = formatKpiTable(kpis);
    for (const b of kpis.perBonus) expect(text).toContain(b.bonus);
    expect(formatKpiTable(computeKpis(result, "CV", "2026-10"))).toContain("Periods: 2026-10\n");
  });
});
