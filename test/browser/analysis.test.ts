/**
 * The analysis views in a real browser: the payout bound under the problems list follows the
 * editor's text as it is typed; the plan diff and the income disclosure show the figures that
 * runtime/analysis computes for the same plan and data files.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { diffPlans } from "../../runtime/analysis/diffPlans.ts";
import { disclose } from "../../runtime/analysis/disclose.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, waitIdle } from "./support/playground.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const vitalisText = read("plans/vitalis-classic.plan");
const vitalis = compilePlan(vitalisText).ir!;
// Plan B: Directors get 30% instead of 35%, the second level 6%.
const changedText = vitalisText.replace("Director: 35%", "Director: 30%").replace("  level 2: 5%\n  level 3", "  level 2: 6%\n  level 3");
const changed = compilePlan(changedText).ir!;
const validation = validateData(JSON.parse(read("samples/stage-speaker.data.json")));
if (!validation.ok) throw new Error("stage-speaker does not load");
const data = validation.data;

/** Amounts as the page shows them: digits grouped by thousands ("1,890.32"). */
const grouped = (text: string): string => {
  const [whole = "", fraction] = text.split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
};

interface Hook {
  setText(text: string): void;
}

describe("analysis in the playground", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the payout bound while typing, and the target when exceeded", async () => {
    const { page } = session;
    const summary = () => page.textContent("#payout-bound summary");
    await page.waitForFunction(() => document.querySelector("#payout-bound summary")?.textContent?.includes("108%"));
    expect(await summary()).toBe("Payout bound: at most 108% of CV");
    const lower = vitalisText.replace("Director: 35%", "Director: 30%") + "payout target 45%\n";
    await page.evaluate((text) => (window as unknown as { compPlayground: Hook }).compPlayground.setText(text), lower);
    await page.waitForFunction(() => document.querySelector("#payout-bound summary")?.textContent?.includes("103%"));
    expect(await summary()).toBe("Payout bound: at most 103% of CV · target 45% (exceeded)");
    await page.click("#payout-bound summary");
    const rows = await page.$$eval("#payout-bound tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)));
    expect(rows[1]).toEqual(["Differenzbonus", "CV", "30%"]);
    await screenshot(page, "20-payout-bound");
    await page.evaluate((text) => (window as unknown as { compPlayground: Hook }).compPlayground.setText(text), vitalisText);
    await page.waitForFunction(() => document.querySelector("#payout-bound summary")?.textContent?.includes("108%"));
  });

  it("the disclosure view shows runtime/analysis's figures for the run", async () => {
    const { page } = session;
    await chooseData(page, "scn:stage-speaker");
    await run(page);
    const runInfo = await page.textContent("#run-info");
    const through = /through (\d{4}-\d{2})/.exec(runInfo ?? "")?.[1];
    expect(through).toBeDefined();
    await page.click("#tab-disclosure");
    await page.waitForSelector("#disclosure-table tbody tr");
    await waitIdle(page);
    const expected = disclose(referenceEngine, vitalis, data, { through: through! });
    if (!expected.ok) throw new Error(expected.error.message);
    const shown = await page.$$eval("#disclosure-table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(shown).toEqual(
      expected.disclosure.rows.map((r) => [
        r.rank ?? "no rank", String(r.partners), `${r.shareOfPartners}%`, ...[r.mean, r.median, r.p10, r.p90, r.lowest, r.highest].map(grouped),
        `${r.earnedNothing} (${r.earnedNothingShare}%)`, `${r.meanPeriodsAtRank} of ${r.meanPeriodsListed}`,
      ]),
    );
    expect(await page.locator(".disclosure-view canvas").count()).toBe(1);
    await screenshot(page, "21-disclosure");
  });

  it("the plan diff compares the run's plan with the editor's text now", async () => {
    const { page } = session;
    const through = /through (\d{4}-\d{2})/.exec((await page.textContent("#run-info")) ?? "")?.[1]!;
    await page.evaluate((text) => (window as unknown as { compPlayground: Hook }).compPlayground.setText(text), changedText);
    await page.click("#tab-diff");
    await page.selectOption("#diff-plan", "(the editor's text now)");
    await page.click("#diff-run");
    await page.waitForSelector(".diff-totals, .plan-diff-body .error-box");
    expect(await page.locator(".plan-diff-body .error-box").count(), (await page.textContent(".plan-diff-body")) ?? "").toBe(0);
    await waitIdle(page);
    const expected = diffPlans(referenceEngine, vitalis, changed, data, { through, policy: vitalis.cancellation.policy });
    if (!expected.ok) throw new Error(expected.error.message);
    const d = expected.diff;
    const totals = await page.$$eval(".diff-totals tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(totals[0]).toEqual(["Total payout", ...[d.a.totalPayout, d.b.totalPayout, d.change.totalPayout].map(grouped)]);
    expect(totals[1]).toEqual(["% of volume", `${d.a.percentOfVolume}% of CV`, `${d.b.percentOfVolume}% of CV`, `${d.change.percentPoints} points`]);
    const bonuses = await page.$$eval(".diff-bonuses tbody tr td:first-child", (tds) => tds.map((td) => td.textContent));
    expect(bonuses).toEqual(d.bonuses.map((b) => b.bonus));
    expect(await page.textContent(".diff-ranks")).toContain(`${d.ranks.up} up, ${d.ranks.down} down, ${d.ranks.same} unchanged`);
    expect(await page.locator(".plan-diff-view canvas").count()).toBe(2);
    await screenshot(page, "22-plan-diff");
  });
});
