/**
 * (c) Running vitalis-classic on the tiny sample shows exactly the reference runtime's amounts:
 * statements of both periods, one partner's explanation entry by entry, the genealogy and the
 * KPIs. Expected values come from compile + runThrough on the same files in this process, and a
 * few amounts are pinned as literals (hand-checked in docs/golden, the tiny golden run).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { computeKpis } from "../../runtime/kpi/index.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import type { ResultDocument } from "../../core/result.ts";
import type { BrowserSession } from "./support/browser.ts";
import { openPlayground, run, screenshot, showStatements, statementRows } from "./support/playground.ts";
import { groupDigits, volumeText } from "../../playground/src/ui/format.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

function referenceRun(): ResultDocument {
  const { ir } = compilePlan(read("plans/vitalis-classic.plan"));
  const data = validateData(JSON.parse(read("samples/tiny.data.json")));
  if (!ir || !data.ok) throw new Error("the bundled plan or sample does not load");
  const outcome = runThrough(ir, data.data, { through: "2026-11" });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

/** Pinned amounts (earned = payout, nothing carried), partner -> [2026-10, 2026-11]. */
const PINNED: Record<string, [string, string]> = {
  P1: ["47.53", "25.49"],
  P4: ["55.93", "31.34"],
  P7: ["0.00", "68.95"],
  P9: ["45.69", "77.39"],
  P12: ["14.90", "49.53"],
};

describe("a run of vitalis-classic on the tiny sample", () => {
  let session: BrowserSession;
  const expected = referenceRun();

  beforeAll(async () => {
    session = await openPlayground();
    await run(session.page);
    await showStatements(session.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the reference statements of the through period (2026-11, the last order month)", async () => {
    const { page } = session;
    await screenshot(page, "04-statements");
    expect(await page.inputValue("#period-select")).toBe("2026-11");
    const period = expected.periods.find((p) => p.period === "2026-11")!;
    const rows = await statementRows(page);
    expect(rows.map(([partner]) => partner)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12"]);
    for (const [partner, cells] of rows) {
      const s = period.statements[partner]!;
      expect([cells.rank, cells.earned, cells.carriedIn, cells.payout, cells.carriedOut]).toEqual([period.ranks[partner], s.earned, s.carriedIn, s.payout, s.carriedOut]);
      expect(cells.active).toBe(period.active[partner] ? "active" : "inactive");
      // Volumes with the money decimals, like the amounts beside them (playground/src/ui/format.ts).
      expect(cells.personal).toBe(volumeText(period.volumes[partner]!.PV!.personal));
      expect(Number(cells.entries)).toBe(period.ledger.filter((e) => e.recipient === partner).length);
    }
    const byPartner = new Map(rows);
    for (const [partner, [, november]] of Object.entries(PINNED)) expect(byPartner.get(partner)?.earned).toBe(november);
  });

  it("shows the other period when it is picked", async () => {
    const { page } = session;
    await page.selectOption("#period-select", "2026-10");
    await page.waitForFunction(() => document.querySelector(".view-summary")?.textContent?.startsWith("2026-10"));
    const october = expected.periods.find((p) => p.period === "2026-10")!;
    const rows = new Map(await statementRows(page));
    for (const [partner, [pinned]] of Object.entries(PINNED)) {
      expect(rows.get(partner)?.payout).toBe(pinned);
      expect(rows.get(partner)?.payout).toBe(october.statements[partner]!.payout);
    }
  });

  it("sorts by a column and searches by partner id", async () => {
    const { page } = session;
    await page.selectOption("#period-select", "2026-11");
    await page.waitForFunction(() => document.querySelector(".view-summary")?.textContent?.startsWith("2026-11"));
    await page.click('th[data-column="earned"]');
    await page.waitForSelector('th[data-column="earned"][aria-sort="descending"]');
    expect((await statementRows(page)).slice(0, 3).map(([p, c]) => [p, c.earned])).toEqual([["P9", "77.39"], ["P7", "68.95"], ["P12", "49.53"]]);
    await page.fill(".statements-view .search", "p1");
    await page.waitForFunction(() => document.querySelectorAll("table.statements tbody tr").length === 4);
    expect((await statementRows(page)).map(([p]) => p)).toEqual(["P12", "P1", "P11", "P10"]);
    expect(await page.textContent(".pager span")).toBe("rows 1–4 of 4 (of 12)");
    await page.fill(".statements-view .search", "");
  });

  it("explains a partner: every ledger entry traced to its order, buyer, portion, step, base, rate and rule", async () => {
    const { page } = session;
    await page.click('tr[data-partner="P1"]');
    await page.waitForSelector("table.entries");
    await screenshot(page, "05-explain");
    const ledger = expected.periods.find((p) => p.period === "2026-11")!.ledger.filter((e) => e.recipient === "P1");
    const cells = await page.$$eval("table.entries tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells.map((c) => [c[0], c[2], c[3], c[4], c[5], c[6]])).toEqual(
      ledger.map((e) => [e.id, e.portion, String(e.step), e.base, e.rate, e.amount]),
    );
    expect(cells[0]).toEqual(["2026-11#1", "O6 (P5)", "recruiter", "1", "69.80", "5%", "3.49", "plan ↗ Ebenenbonus level 1, compressed"]);
    expect(await page.textContent(".statement-line")).toBe("earned 25.49 + carried in 0.00 → payout 25.49, carried out 0.00 EUR");
  });

  it("shows the genealogy lazily, one level per expanded partner", async () => {
    const { page } = session;
    await page.click("#tab-genealogy");
    await page.waitForSelector('.tree li[data-partner="P1"]');
    expect(await page.locator(".tree li[data-partner]").count()).toBe(1);
    await page.click('li[data-partner="P1"] > .tree-row .toggle');
    await page.waitForSelector('li[data-partner="P1"] li[data-partner]');
    const children = await page.$$eval('li[data-partner="P1"] > ul > li[data-partner]', (items) => items.map((i) => (i as HTMLElement).dataset.partner));
    expect(children).toEqual(["P2", "P3", "P4", "P5"]);
    const p1 = await page.textContent('li[data-partner="P1"] > .tree-row');
    expect(p1).toBe("▾P1Junioractive50.00 / 825.0025.494");
    await screenshot(page, "06-genealogy");
  });

  it("shows the KPIs of the period", async () => {
    const { page } = session;
    await page.click("#tab-kpis");
    await page.waitForSelector(".cards");
    await page.waitForTimeout(200);
    await screenshot(page, "07-kpis");
    const planBonuses = compilePlan(read("plans/vitalis-classic.plan")).ir!.bonuses;
    const kpis = computeKpis(expected, "CV", "2026-11", ["Consultant", "Junior", "Senior", "Manager", "Director"], planBonuses);
    const cards = await page.$$eval(".card-value", (nodes) => nodes.map((n) => n.textContent));
    expect(cards).toEqual([`${groupDigits(kpis.totalCv)} EUR`, `${kpis.totalPayout} EUR`, `${kpis.paidOut} EUR`, `${kpis.earnersCount} of ${kpis.partnersCount}`]);
    expect(cards[1]).toBe("277.94 EUR");
    const bonusRows = await page.$$eval("table.per-bonus tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(bonusRows).toEqual(kpis.perBonus.map((b) => [b.bonus, b.kind, b.amount, b.percentOfCv]));
    // Every bonus of the plan is listed; the three that paid nothing on this sample read 0.00.
    expect(bonusRows.map((r) => r[0])).toEqual(["Differenzbonus", "Ebenenbonus", "Fast Start", "Managerbonus", "Stufengleich", "Weltpool"]);
    expect(await page.locator(".kpi-view canvas").count()).toBe(3);
    const percentiles = await page.$$eval("table.percentiles tbody tr", (rows) => rows.map((r) => r.lastElementChild?.textContent));
    expect(percentiles).toEqual(kpis.earnings.map((e) => e.amount));
    expect(session.problems).toEqual([]);
  });
});
