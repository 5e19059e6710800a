/**
 * Nothing clipped at the three sizes (issue 14 item 6): every result tab of a run of the
 * late-cancel scenario at 1440x900, 1024x700 and a phone (390x844). Text cut with an ellipsis has
 * a tooltip; a panel does not scroll sideways (wide tables scroll inside their own frame); the
 * tabs wrap at every size, a phone included (every tab whole and in view); the run line wraps; KPI
 * figures and the comparison fit a phone; the share popover stays inside the screen; a statements
 * table scrolled sideways keeps its partner column in view. The phone
 * rules come last in the style sheet: before that, the general rules of the same selectors
 * overrode them (four KPI cards, three policy columns and a 460 px popover on a 390 px phone).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, waitIdle } from "./support/playground.ts";

const TABS = ["statements", "explain", "genealogy", "data", "paths", "kpis", "compare", "diff", "disclosure"] as const;
const SIZES = [[1440, 900], [1024, 700], [390, 844]] as const;

/** What a user would find cut off in the shown page. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth})`);
    const panels = document.querySelector<HTMLElement>(".tab-panels")!;
    if (panels.scrollWidth > panels.clientWidth + 1) out.push(`the tab panel scrolls sideways (${panels.scrollWidth} > ${panels.clientWidth})`);
    for (const e of document.querySelectorAll<HTMLElement>(".results-pane *")) {
      if (e.offsetParent === null || e.clientWidth === 0 || e.scrollWidth <= e.clientWidth + 1) continue;
      if (getComputedStyle(e).textOverflow === "ellipsis" && e.closest("[title]") === null) out.push(`cut without a tooltip: ${e.className} "${(e.textContent ?? "").slice(0, 50)}"`);
    }
    return out;
  });
}

describe("the playground fits three sizes", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
    await chooseData(session.page, "scn:late-cancel");
    await run(session.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const [width, height] of SIZES) {
    it(`${width}x${height}: every result tab without clipped text or a sideways-scrolling panel`, async () => {
      const { page } = session;
      await page.setViewportSize({ width, height });
      const phone = width < 700;
      if (phone) await page.click("#show-results");
      for (const tab of TABS) {
        await page.click(`#tab-${tab}`);
        // The comparison drawn in full (it starts when the tab is first opened), not just begun.
        if (tab === "compare") await page.waitForSelector('#panel-compare[data-state="shown"]', { timeout: 120_000 });
        if (tab === "kpis") await page.waitForSelector(".card-value");
        if (tab === "genealogy") await page.waitForSelector(".tree-row");
        if (tab === "statements") await page.waitForSelector("table.statements tbody tr");
        await waitIdle(page);
        expect(await clipped(page), `${tab} at ${width}x${height}`).toEqual([]);
        // Every tab whole and in view at every size (on a phone too: the strip wraps instead of
        // scrolling sideways with a half-cut tab as the only hint that more tabs exist).
        const strip = await page.$eval(".tabs", (s) => ({ scroll: s.scrollWidth, client: s.clientWidth }));
        expect(strip.scroll, `the tabs wrap at ${width}`).toBeLessThanOrEqual(strip.client);
        const outside = await page.$$eval(".tabs .tab", (tabs) => {
          const frame = tabs[0]!.parentElement!.getBoundingClientRect();
          return tabs.filter((t) => {
            const b = t.getBoundingClientRect();
            return b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.left < 0 || b.right > innerWidth || b.width === 0;
          }).map((t) => t.textContent);
        });
        expect(outside, `tabs cut or out of view at ${width}`).toEqual([]);
        if (tab === "statements") {
          // A table wider than the pane scrolls in its frame; the partner column stays in view.
          const wrap = page.locator("#panel-statements .table-wrap");
          await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
          const [frame, cell] = await Promise.all([wrap.boundingBox(), page.locator("table.statements tbody tr td").first().boundingBox()]);
          expect(Math.abs(cell!.x - frame!.x), `partner column at ${width}`).toBeLessThan(2);
          await screenshot(page, `40-fit-${width}x${height}-statements-scrolled`);
          await wrap.evaluate((w) => (w.scrollLeft = 0));
        }
        if (tab === "statements" || tab === "kpis" || tab === "compare" || tab === "genealogy") await screenshot(page, `40-fit-${width}x${height}-${tab}`);
      }
      await page.click("#share-button");
      const popover = await page.locator(".popover").boundingBox();
      expect(popover!.x).toBeGreaterThanOrEqual(0);
      expect(popover!.x + popover!.width).toBeLessThanOrEqual(width);
      await page.keyboard.press("Escape");
      expect(session.problems).toEqual([]);
    });
  }

  it("draws a chart at its new width in the first frame its tab shows after the window changed width", async () => {
    // CI once saw the Compare tab 573 px wide on a 390 px phone: its chart kept the width it had
    // at 1024 px while the tab was hidden, and Chart.js resizes only in the frame after the tab
    // shows. This clicks a tab and looks right after that click's frame is painted (a message
    // posted from that frame's animation callback runs after its paint), the first picture a
    // user sees; the panel must not scroll sideways even before that frame.
    const { page } = session;
    const firstFrame = (tab: string) =>
      page.evaluate(async (tab) => {
        document.querySelector<HTMLElement>(`#tab-${tab}`)!.click();
        const panel = document.querySelector<HTMLElement>(".tab-panels")!;
        const before = { scroll: panel.scrollWidth, client: panel.clientWidth };
        await new Promise<void>((painted) => requestAnimationFrame(() => { const channel = new MessageChannel(); channel.port1.onmessage = () => painted(); channel.port2.postMessage(null); }));
        const charts = [...document.querySelectorAll<HTMLCanvasElement>(`#panel-${tab} .chart-canvas canvas`)].map((c) => ({
          canvas: Math.round(c.getBoundingClientRect().width),
          box: Math.round(c.parentElement!.clientWidth),
        }));
        return { before, charts, after: { scroll: panel.scrollWidth, client: panel.clientWidth } };
      }, tab);
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const tab of ["compare", "kpis"]) {
      await page.click(`#tab-${tab}`);
      await page.waitForSelector(tab === "compare" ? '#panel-compare[data-state="shown"] .chart canvas' : "#panel-kpis .chart canvas");
    }
    for (const [width, height] of [[390, 844], [1024, 700], [1440, 900], [390, 844]] as const) {
      await page.click("#tab-statements");
      await page.setViewportSize({ width, height });
      if (width < 700) await page.click("#show-results");
      for (const tab of ["compare", "kpis"]) {
        const seen = await firstFrame(tab);
        expect(seen.before.scroll, `${tab} at ${width}: the panel before the first frame`).toBeLessThanOrEqual(seen.before.client);
        expect(seen.after.scroll, `${tab} at ${width}: the panel in the first frame`).toBeLessThanOrEqual(seen.after.client);
        expect(seen.charts.length, `${tab} has a chart`).toBeGreaterThan(0);
        for (const chart of seen.charts) expect(chart.canvas, `${tab} at ${width}: the chart's width in the first frame`).toBe(chart.box);
        await page.click("#tab-statements");
      }
    }
    expect(session.problems).toEqual([]);
  });

  it("says when a table hides columns on its right ('more ›'), and the cue scrolls to them", async () => {
    const { page } = session;
    const cue = (panel: string) => page.locator(`${panel} .scroll-more`);
    // At 1440 the statements fit: no cue.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click("#tab-statements");
    await page.waitForSelector("table.statements tbody tr");
    expect(await cue("#panel-statements").isVisible()).toBe(false);
    // On a phone the money columns are past the right edge: the cue says so, and scrolls there.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#show-results");
    await cue("#panel-statements").waitFor({ state: "visible" });
    const frame = page.locator("#panel-statements .table-wrap");
    const earned = page.locator('table.statements th[data-column="carriedOut"]');
    const inFrame = async () => {
      const [f, c] = await Promise.all([frame.boundingBox(), earned.boundingBox()]);
      return c!.x + c!.width <= f!.x + f!.width + 1;
    };
    expect(await inFrame()).toBe(false);
    await screenshot(page, "41-scroll-cue-390x844-statements");
    for (let i = 0; i < 10 && (await cue("#panel-statements").isVisible()); i++) {
      const before = await frame.evaluate((f) => f.scrollLeft);
      await cue("#panel-statements").click();
      // Scrolled, and the cue agrees with where the frame now is (its scroll event may come a frame later).
      await page.waitForFunction((left) => {
        const f = document.querySelector<HTMLElement>("#panel-statements .table-wrap")!;
        const more = document.querySelector<HTMLElement>("#panel-statements .scroll-more")!;
        return f.scrollLeft > left && more.hidden === !(f.scrollWidth - f.clientWidth - f.scrollLeft > 1);
      }, before);
    }
    expect(await cue("#panel-statements").isVisible()).toBe(false);
    expect(await inFrame()).toBe(true);
    await frame.evaluate((f) => (f.scrollLeft = 0));
    await cue("#panel-statements").waitFor({ state: "visible" });
    // The disclosure at 1024 px: its last columns are cut by the frame; the cue shows.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.click("#tab-disclosure");
    await page.waitForSelector("#disclosure-table tbody tr");
    await cue("#panel-disclosure").waitFor({ state: "visible" });
    await screenshot(page, "41-scroll-cue-1024x700-disclosure");
    expect(session.problems).toEqual([]);
  });
});
