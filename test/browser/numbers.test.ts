/**
 * Numbers as a consultant reads them (issue 14 item 8), on late-cancel under the exact policy:
 * the reversal of a partly cancelled order explains its fraction as a percentage of the order's
 * value, a wholly cancelled one says so in words; volumes have the money's two decimals; amounts
 * carry thousands separators (checked on the 1k data's KPIs against the reference figures'
 * grouping). The entries' notes are read as drawn (innerText).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, showStatements, statementRows, waitIdle } from "./support/playground.ts";

describe("numbers as people read them", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
    await chooseData(session.page, "scn:late-cancel");
    await run(session.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("explains a cancelled fraction in Explain: a share as a percentage, a whole order in words", async () => {
    const { page } = session;
    await page.click('tr[data-partner="L"]');
    await page.waitForSelector("table.entries");
    const notes = await page.$$eval("table.entries tbody tr", (rows) => rows.map((r) => (r as HTMLElement).innerText));
    const partly = notes.find((n) => n.includes("cancelled fraction 2980/3479"));
    const wholly = notes.find((n) => n.includes("cancelled fraction 1"));
    expect(partly).toContain("cancelled fraction 2980/3479 (85.66 % of the order's value was cancelled: each original entry is reversed by this share)");
    expect(wholly).toContain("cancelled fraction 1 (the whole order was cancelled: each original entry is reversed in full)");
  });

  it("shows volumes with two decimals, like money", async () => {
    const { page } = session;
    await showStatements(page);
    const rows = await statementRows(page);
    expect(rows.length).toBe(6);
    for (const [, cells] of rows) for (const v of [cells.personal, cells.group, cells.earned, cells.payout]) expect(v).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
  });

  it("groups thousands in the KPIs of a larger run", async () => {
    const { page } = session;
    await chooseData(page, "gen:1k");
    await run(page, 120_000);
    await page.click("#tab-kpis");
    await page.waitForSelector("#panel-kpis .card-value");
    await waitIdle(page);
    const total = await page.textContent("#panel-kpis .card-value");
    expect(total).toMatch(/^\d{1,3}(,\d{3})+\.\d{2} EUR$/);
    expect(session.problems).toEqual([]);
  });
});
