/**
 * (d) The compare view: the three cancellation policies over the late-cancel scenario with the
 * totals runtime/compare computes for the same files (and pinned literals), and the split modes
 * over stage-speaker.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { comparePolicies, compareSplitModes } from "../../runtime/compare/index.ts";
import { validateData } from "../../runtime/data/validate.ts";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, untitledFigures, waitIdle } from "./support/playground.ts";
import { groupDigits } from "../../playground/src/ui/format.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const { ir } = compilePlan(read("plans/vitalis-classic.plan"));

function dataset(file: string) {
  const validation = validateData(JSON.parse(read(file)));
  if (!ir || !validation.ok) throw new Error(`${file} does not load`);
  return validation.data;
}

/** The figures of one policy column, label -> value, as the page shows them. */
async function column(session: BrowserSession, selector: string): Promise<Record<string, string>> {
  return session.page.$eval(selector, (node) =>
    Object.fromEntries([...node.querySelectorAll(".figure")].map((f) => [f.querySelector(".figure-label")?.textContent ?? "", f.querySelector(".figure-value")?.textContent ?? ""])),
  );
}

/** Item 3: a tooltip on every figure of the comparison (the figures that have none). */
const figuresWithoutTooltip = (session: BrowserSession): Promise<string[]> => untitledFigures(session.page, "#panel-compare");

describe("the compare view", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the three policies on late-cancel with the comparison's totals", async () => {
    const { page } = session;
    await chooseData(page, "scn:late-cancel");
    await run(page);
    await page.click("#tab-compare");
    await page.waitForSelector('#panel-compare[data-state="shown"]');
    await waitIdle(page);
    await screenshot(page, "08-compare-policies");
    expect(await figuresWithoutTooltip(session)).toEqual([]);
    expect(await page.getAttribute(".negative-balances tbody tr td.num .amount", "title")).toMatch(/^\S+ carries (-[\d.]+ EUR|no negative balance) out of 2026-11 under simple$/);
    const expected = comparePolicies(ir!, dataset("samples/late-cancel.data.json"), "2026-11");
    if (!expected.ok) throw new Error(expected.error.message);
    const order = await page.$$eval(".policy-column[data-policy]", (nodes) => nodes.map((n) => (n as HTMLElement).dataset.policy));
    expect(order).toEqual(["simple", "previous-rank", "exact"]);
    for (const figures of expected.comparison.policies) {
      const shown = await column(session, `.policy-column[data-policy="${figures.policy}"]`);
      expect(shown).toEqual({
        "Total clawback": groupDigits(figures.totalClawback),
        "… from partners originally paid": groupDigits(figures.reclaimedFromOriginal),
        "… from others": groupDigits(figures.reclaimedFromOthers),
        "Unrecovered (company loss)": groupDigits(figures.unrecovered),
        [`Carried negative (${figures.negativeBalances.length} partner${figures.negativeBalances.length === 1 ? "" : "s"})`]: groupDigits(figures.carriedNegative),
        "Rank changes": String(figures.rankChanges.length),
        "Total paid out": groupDigits(figures.totalPayout),
      });
    }
    const pinned = await Promise.all(
      ["simple", "previous-rank", "exact"].map(async (p) => {
        const c = await column(session, `.policy-column[data-policy="${p}"]`);
        return [c["Total clawback"], c["Unrecovered (company loss)"]];
      }),
    );
    expect(pinned).toEqual([["229.40", "0.00"], ["344.10", "57.35"], ["381.35", "64.80"]]);
    expect(await page.textContent('.policy-column[data-policy="exact"] .tag')).toBe("the plan's policy");
    expect(await page.textContent('.policy-column[data-policy="simple"] .caption')).toContain("negative order");
    expect(await page.locator(".compare-view canvas").count()).toBe(1);
    const differences = await page.$$eval("table.differences tbody tr td:first-child", (cells) => cells.map((c) => c.textContent));
    expect(differences).toEqual(expected.comparison.differences.map((d) => d.partner));
    const negative = await page.$$eval("table.negative-balances tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(negative).toEqual([
      ["D1", "—", "-92.82", "-92.82"],
      ["L", "-143.12", "-92.75", "-122.55"],
      ["N", "—", "-14.90", "-14.90"],
      ["T", "-32.15", "-32.15", "-32.15"],
      ["U", "—", "-57.35", "-64.80"],
    ]);
    const rankChanges = await page.$$eval("table.rank-changes tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rankChanges).toEqual([["Simple", "D1", "2026-11", "Junior", "Consultant"]]);
    // The tables under the cards name the policies as the cards and the bottom line do, the plan's marked.
    for (const table of ["negative-balances", "differences"]) {
      const headers = await page.$$eval(`table.${table} thead th`, (ths) => ths.map((th) => `${th.textContent}${th.classList.contains("plan-policy") ? " *" : ""}`));
      expect(headers.slice(0, 4), table).toEqual(["Partner", "Simple", "Previous rank", "Exact (plan) *"]);
    }
  });

  it("shows the split modes on stage-speaker", async () => {
    const { page } = session;
    await page.click("#tab-statements");
    await chooseData(page, "scn:stage-speaker");
    await run(page);
    await page.click("#tab-compare");
    await page.waitForSelector('#panel-compare[data-state="shown"] .policy-column[data-mode]');
    await waitIdle(page);
    await page.locator(".policy-column[data-mode]").first().scrollIntoViewIfNeeded();
    await screenshot(page, "09-compare-split-modes");
    expect(await figuresWithoutTooltip(session)).toEqual([]);
    const expected = compareSplitModes(ir!, dataset("samples/stage-speaker.data.json"), "2026-11");
    if (!expected.ok) throw new Error(expected.error.message);
    for (const mode of expected.comparison.modes) {
      expect(await column(session, `.policy-column[data-mode="${mode.mode}"]`)).toEqual({
        "Recruiter lines earned": groupDigits(mode.recruiterLinesEarned),
        "Supporter lines earned": groupDigits(mode.supporterLinesEarned),
        "Total paid out": groupDigits(mode.totalPayout),
      });
    }
    expect(await page.locator(".compare-view canvas").count()).toBe(2);
    // Each agreement's own effect, not the line totals again (session.test.ts checks every figure
    // against runs with and without each agreement).
    const rows = await page.$$eval("#agreement-effects tbody tr[data-agreement]", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((r) => r[1])).toEqual(expected.comparison.modes[0]!.agreements.map((a) => a.member));
    expect(rows[0]).toEqual(["1", "N1", "SPK", "B2", "-46.59", "44.79", "-1.81", "-31.72", "31.72", "0.00"]);
    expect(new Set(rows.map((r) => r.slice(4, 7).join(" "))).size).toBeGreaterThan(1);
    expect(await page.textContent("#agreement-effects thead th.plan-mode")).toBe("volume split (the plan's mode)");
    // The row opens to the partners the agreement changes most.
    await page.click('#agreement-effects tr[data-agreement="0"] button[aria-expanded]');
    const changed = await page.$$eval('#agreement-effects tr.effect-partners:not([hidden]) .effect-list[data-mode="commission"] li', (items) => items.map((i) => i.textContent));
    expect(changed).toEqual(["B2 31.72", "SPK -31.72"]);
    await page.locator("#agreement-effects").scrollIntoViewIfNeeded();
    await screenshot(page, "09b-agreement-effects");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#export-compare-csv")]);
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv).toContain("1,N1,SPK,B2,-46.59,44.79,-1.81,-31.72,31.72,0.00\r\n");
    expect(session.problems).toEqual([]);
  });

  it("draws a comparison that finished while its tab was left and opened again", async () => {
    // Each showing of the tab gives the view a new context for the same run; the reply used to
    // be drawn only for the context it was asked for, so it was dropped and "Comparing…" stayed.
    const { page } = session;
    await page.click("#tab-statements");
    await chooseData(page, "scn:late-cancel");
    await run(page);
    // In one task, so the reply cannot come in between: open (the comparison starts), leave, come back.
    // The state is read in that same task too: by the next round trip the reply may be drawn.
    const stateWhenBack = await page.evaluate(() => {
      for (const tab of ["compare", "statements", "compare"]) document.querySelector<HTMLElement>(`#tab-${tab}`)!.click();
      return document.querySelector<HTMLElement>("#panel-compare")!.dataset.state;
    });
    expect(stateWhenBack).toBe("comparing");
    await page.waitForSelector('#panel-compare[data-state="shown"] .policy-column[data-policy="exact"]');
    await waitIdle(page);
    expect(await page.textContent('.policy-column[data-policy="exact"] .tag')).toBe("the plan's policy");
    expect(session.problems).toEqual([]);
  });
});
