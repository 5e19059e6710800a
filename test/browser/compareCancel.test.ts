/**
 * A comparison on the shown run's data runs in the worker that holds the run (no second worker
 * generates and checks the partners again), so Cancel cannot terminate that worker: it stops
 * the comparison between two replays, and the shown run, its data and its worker stay
 * (issue 14 item 2). The next comparison then runs to its end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, showStatements, statementRows, waitIdle } from "./support/playground.ts";

describe("cancelling a comparison", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("keeps the shown run and its worker, and the next comparison finishes", async () => {
    const { page } = session;
    await chooseData(page, "gen:10k");
    await run(page, 120_000);
    await showStatements(page);
    const before = await statementRows(page);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      const target = document.querySelector("#run-status .status-text")!;
      new MutationObserver(() => seen.push(target.textContent ?? "")).observe(target, { childList: true, characterData: true, subtree: true });
    });
    await page.click("#tab-compare");
    await page.click("#compare-button");
    await page.waitForFunction(() => /replay 2 of 4/.test(document.querySelector("#run-status .status-text")?.textContent ?? ""), undefined, { timeout: 120_000 });
    await page.click("#cancel-button");
    // The page lets go at once; the worker stops after the replay it is in.
    await waitIdle(page, 5000);
    expect(await page.textContent(".compare-body")).toContain("Comparison cancelled.");
    await showStatements(page);
    expect(await statementRows(page)).toEqual(before);
    expect(await page.isHidden("#stale-banner")).toBe(true);
    // The run's worker still answers (Explain of the first partner listed).
    await page.click(`tr[data-partner="${before[0]![0]}"]`);
    await page.waitForSelector("table.entries", { timeout: 60_000 });

    await page.click("#tab-compare");
    await page.click("#compare-button");
    await page.waitForSelector(".policy-column[data-policy]", { timeout: 120_000 });
    await waitIdle(page);
    const stages = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    // Neither comparison loaded or checked the data again.
    expect(stages.filter((s) => /generating|validating|reading|checking/.test(s))).toEqual([]);
    expect(await page.locator(".policy-column[data-policy]").count()).toBe(3);
    expect(session.problems).toEqual([]);
  }, 300_000);
});
