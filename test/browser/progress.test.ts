/**
 * Long work is not a black box (issue 14 item 4): a run shows each period it is in and the step
 * within it, a comparison each policy replay, period and step, and the next job after a run starts on data already loaded (the
 * next job worker loads the run's data in the background, client/workerClient.ts) instead of
 * generating and checking the partners again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, waitIdle } from "./support/playground.ts";

/** Every text the status line shows from now on. */
async function recordStages(session: BrowserSession): Promise<() => Promise<string[]>> {
  await session.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __stages: string[] }).__stages = seen;
    const target = document.querySelector("#run-status .status-text")!;
    new MutationObserver(() => seen.push(target.textContent ?? "")).observe(target, { childList: true, characterData: true, subtree: true });
  });
  return () => session.page.evaluate(() => (window as unknown as { __stages: string[] }).__stages.splice(0));
}

describe("progress of long jobs", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("names the period and step of a run and the replay, policy, period and step of a comparison, without loading the data again", async () => {
    const { page } = session;
    await chooseData(page, "gen:1k");
    const stages = await recordStages(session);
    await page.click("#run-button");
    await waitIdle(page);
    const run = await stages();
    expect(run).toContain("running 1,000 partners · period 2026-10 (1 of 3) · policy exact");
    expect(run).toContain("running 1,000 partners · period 2026-12 (3 of 3) · policy exact");
    for (const step of ["volumes and ranks", "bonuses", "statements"]) {
      for (const [p, period] of ["2026-10", "2026-11", "2026-12"].entries()) {
        expect(run).toContain(`running 1,000 partners · period ${period} (${p + 1} of 3) · ${step} · policy exact`);
      }
    }
    // The comparison starts by itself for 1k partners when its tab opens.
    await page.click("#tab-compare");
    await page.waitForSelector(".policy-column[data-policy]", { timeout: 120_000 });
    await waitIdle(page);
    const compare = await stages();
    for (const [i, replay] of ["without the after-run cancellations", "simple", "previous-rank", "exact"].entries()) {
      for (const [p, period] of ["2026-10", "2026-11", "2026-12"].entries()) {
        expect(compare).toContain(`comparing: ${replay} (replay ${i + 1} of 4) · period ${period} (${p + 1} of 3)`);
      }
    }
    // Each replay's last period holds the after-run cancellations, so every replay computes it
    // (leading periods without them are computed once and shared by the later replays) — but the
    // replay of the shown run's own policy (exact) is the shown run itself: it tells no step.
    for (const [i, replay] of ["without the after-run cancellations", "simple", "previous-rank"].entries()) {
      for (const step of ["volumes and ranks", "bonuses", "statements"]) {
        expect(compare).toContain(`comparing: ${replay} (replay ${i + 1} of 4) · period 2026-12 (3 of 3) · ${step}`);
      }
    }
    expect(compare.filter((s) => s.startsWith("comparing: exact (replay 4 of 4) · period 2026-12 (3 of 3) · "))).toEqual([]);
    expect(compare.filter((s) => /generating|validating|reading/.test(s))).toEqual([]);
    // A second run after an edit starts on the loaded data too.
    await page.click("#tab-statements");
    await page.selectOption("#policy-select", "simple");
    await page.click("#run-button");
    await waitIdle(page);
    const again = await stages();
    expect(again).toContain("running 1,000 partners · period 2026-12 (3 of 3) · policy simple");
    expect(again.filter((s) => /generating|validating|reading/.test(s))).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
