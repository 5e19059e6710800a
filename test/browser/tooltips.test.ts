/**
 * A tooltip on every figure beyond the comparison too (issue 14 item 3, kept consistent): every
 * number of Statements, KPIs (the shown period and all periods) and the income disclosure says
 * what it is when pointed at — whose figure, which period, in which currency; Explain, the
 * genealogy, the credit paths, the plan diff and the data browser's positions too (the plain
 * tables from their row and column, ui/figureTitles.ts). On late-cancel, where the statements
 * have negative balances and a terminated partner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, showStatements, untitledFigures, waitIdle } from "./support/playground.ts";

describe("tooltips on the figures of every view", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
    await chooseData(session.page, "scn:late-cancel");
    await run(session.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("statements: every volume, count and amount says whose it is and of which period", async () => {
    const { page } = session;
    await showStatements(page);
    expect(await untitledFigures(page, "#panel-statements")).toEqual([]);
    const row = page.locator('table.statements tbody tr[data-partner="U"]');
    expect(await row.locator("td").nth(9).locator(".amount").getAttribute("title")).toBe("U in 2026-11: carried out into the next period (below the minimum payout, or a negative balance) -64.80 EUR");
    expect(await row.locator("td").nth(5).getAttribute("title")).toBe("U in 2026-11: 3 ledger entries (click the row to explain them)");
    expect(await row.locator("td").nth(4).getAttribute("title")).toBe("U in 2026-11: group volume 250.00");
  });

  it("KPIs: the cards and every table figure, for the period and over all periods", async () => {
    const { page } = session;
    await page.click("#tab-kpis");
    await page.waitForSelector("#panel-kpis .card-value");
    await waitIdle(page);
    expect(await untitledFigures(page, "#panel-kpis")).toEqual([]);
    expect(await page.locator("#panel-kpis .card-value").nth(1).getAttribute("title")).toBe("commission cost in 2026-11: the sum of all ledger entries, -317.24 EUR = -78.51% of CV");
    await page.check("#panel-kpis input[type=checkbox]");
    await page.waitForFunction(() => document.querySelector("#panel-kpis .card-value")?.getAttribute("title")?.includes("2026-10 – 2026-11") === true);
    expect(await untitledFigures(page, "#panel-kpis")).toEqual([]);
  });

  it("disclosure: every figure of the table names the rank and what it is", async () => {
    const { page } = session;
    await page.click("#tab-disclosure");
    await page.waitForSelector("#disclosure-table tbody tr");
    expect(await untitledFigures(page, "#panel-disclosure")).toEqual([]);
    const senior = page.locator("#disclosure-table tbody tr").first();
    expect(await senior.locator("td").nth(1).getAttribute("title")).toBe("3 partners with highest paid-as rank Senior");
    expect(await senior.locator("td").nth(3).locator(".amount").getAttribute("title")).toBe("highest paid-as rank Senior: mean earnings, 51.64 EUR over 2026-10 – 2026-11");
    expect(session.problems).toEqual([]);
  });

  it("Explain, the genealogy, the credit paths, the plan diff and the data browser: no bare figure either", async () => {
    const { page } = session;
    await showStatements(page);
    await page.click('tr[data-partner="L"]');
    await page.waitForSelector("table.entries");
    expect(await untitledFigures(page, "#panel-explain")).toEqual([]);
    expect(await page.locator("table.by-bonus tbody tr").first().locator("td").nth(3).getAttribute("title")).toBe("Ebenenbonus: Amount -48.87 (L, 2026-11)");
    expect(await page.locator(".statement-line .amount").first().getAttribute("title")).toBe("L earned -122.55 EUR in 2026-11: the sum of the ledger entries below");
    await page.click("#tab-genealogy");
    await page.click("#expand-all");
    await page.waitForSelector('.tree-row[data-partner="D2"]');
    expect(await untitledFigures(page, "#panel-genealogy")).toEqual([]);
    await page.click("#tab-paths");
    await page.fill("#paths-order", "O6");
    await page.click("#paths-show");
    await page.waitForSelector("#paths-svg");
    expect(await untitledFigures(page, "#panel-paths")).toEqual([]);
    await page.click("#tab-diff");
    await page.click("#panel-diff .toolbar button");
    await page.waitForSelector("table.diff-bonuses", { timeout: 60_000 });
    await waitIdle(page);
    expect(await untitledFigures(page, "#panel-diff")).toEqual([]);
    expect(await page.locator("table.diff-totals tbody tr").first().locator("td").nth(1).getAttribute("title")).toMatch(/^Total payout: A [\d,.-]+ EUR \(A: Vitalis Classic, B: .+\)$/);
    await page.click("#tab-data");
    await page.waitForSelector("#record-list .record-row");
    expect(await untitledFigures(page, "#panel-data")).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
