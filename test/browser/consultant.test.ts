/**
 * The day of a consultant and a plan designer (issue 14, items 1–4 and 10): load a scenario, run
 * and compare, read the bottom line and who pays back what, download statements, ledger, KPIs and
 * the comparison (contents checked against runtime/), save the plan with Ctrl+S, come back after
 * a reload to the same plan and results, switch plans without losing an edit, see stale results
 * marked, cancel a long run without losing the shown results, and drive it by keyboard.
 */
import { readFileSync } from "node:fs";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { bottomLinesOf, replayPolicies } from "../../runtime/compare/index.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import { groupDigits } from "../../playground/src/ui/format.ts";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, statementRows, waitIdle } from "./support/playground.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const vitalis = read("plans/vitalis-classic.plan");
const ir = compilePlan(vitalis).ir!;
const lateCancel = (() => {
  const v = validateData(JSON.parse(read("samples/late-cancel.data.json")));
  if (!v.ok) throw new Error("late-cancel does not load");
  return v.data;
})();

interface Hook {
  getText(): string;
  setText(text: string): void;
}
const getText = (page: Page) => page.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.getText());
const setText = (page: Page, text: string) => page.evaluate((t) => (window as unknown as { compPlayground: Hook }).compPlayground.setText(t), text);

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await (file as Download).path();
  return { name: (file as Download).suggestedFilename(), text: readFileSync(path, "utf8") };
}

describe("a consultant's day", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("downloads the statements and the ledger of the shown period, as CSV and JSON", async () => {
    const { page } = session;
    await chooseData(page, "scn:late-cancel");
    await run(page);
    await page.click("#tab-statements");
    await page.waitForSelector("table.statements");
    const expected = runThrough(ir, lateCancel, { through: "2026-11" });
    if (!expected.ok) throw new Error("late-cancel refused");
    const november = expected.result.periods.find((p) => p.period === "2026-11")!;

    const csv = await downloaded(page, () => page.click("#export-statements-csv"));
    expect(csv.name).toBe("vitalis-classic-2026-11-statements.csv");
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("partner,rank,active,terminated,PV personal,PV group,entries,earned EUR,carried in EUR,payout EUR,carried out EUR");
    const partners = Object.keys(november.statements).sort();
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(partners);
    for (const line of lines.slice(1)) {
      const f = line.split(",");
      const s = november.statements[f[0]!]!;
      expect(f.slice(7)).toEqual([s.earned, s.carriedIn, s.payout, s.carriedOut]);
    }

    const json = await downloaded(page, () => page.click("#export-statements-json"));
    const parsed = JSON.parse(json.text) as { period: string; statements: { partner: string; payout: string }[] };
    expect(parsed.period).toBe("2026-11");
    expect(parsed.statements.map((s) => [s.partner, s.payout])).toEqual(partners.map((p) => [p, november.statements[p]!.payout]));

    const ledgerCsv = await downloaded(page, () => page.click("#export-ledger-csv"));
    const ledgerLines = ledgerCsv.text.trimEnd().split("\r\n");
    expect(ledgerLines.length).toBe(november.ledger.length + 1);
    expect(ledgerLines.slice(1).map((l) => l.split(",")[0])).toEqual(november.ledger.map((e) => e.id));
    const ledgerJson = JSON.parse((await downloaded(page, () => page.click("#export-ledger-json"))).text) as { ledger: unknown[] };
    expect(ledgerJson.ledger).toEqual(november.ledger);
  });

  it("shows the comparison's bottom line: net cost per policy, losses apart from balances, who pays back what", async () => {
    const { page } = session;
    await page.click("#tab-compare");
    await page.waitForSelector("#net-cost");
    await waitIdle(page);
    const replayed = replayPolicies(ir, lateCancel, "2026-11");
    if (!replayed.ok) throw new Error("no replay");
    const b = bottomLinesOf(ir, lateCancel, replayed.runs);
    const cells = (table: string) =>
      page.$$eval(`#${table} tbody tr`, (rows) => rows.map((r) => [(r as HTMLElement).dataset.figure, ...[...r.querySelectorAll("td")].map((td) => td.textContent)]));
    const signed = (v: string) => (v.startsWith("-") || !/[1-9]/.test(v) ? v : `+${v}`);
    expect(await cells("net-cost")).toEqual(
      (["totalPayout", "carriedPositive", "owedByActive", "netCost", "differenceFromPlan"] as const).map((f) => [f, ...b.bottomLines.map((l) => groupDigits(f === "differenceFromPlan" ? signed(l[f]) : l[f]))]),
    );
    expect(await cells("losses")).toEqual((["unrecovered", "owedByTerminated", "terminatedOtherBalance"] as const).map((f) => [f, ...b.bottomLines.map((l) => groupDigits(l[f]))]));
    // The plan's policy is exact: its column is marked and its difference is 0.00.
    expect(await page.textContent("#net-cost thead th.plan-policy")).toBe("Exact (plan)");
    expect(b.bottomLines.find((l) => l.policy === "exact")?.differenceFromPlan).toBe("0.00");
    // U's 64.80 under exact: unrecovered and carried negative are the same money, and the page says so.
    expect(await page.textContent("#reconcile")).toContain("Exact: the 64.80 unrecovered is exactly the 64.80 terminated partners carry as negative balance");
    expect(await page.textContent("#compare-covers")).toBe("Covers 2 periods: 2026-10 – 2026-11, every period replayed under each policy over the same data.");
    const clawbacks = await page.$$eval("#clawbacks tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(clawbacks).toEqual(b.clawbacks.map((c) => [c.partner + (c.terminated ? " terminated: lost" : ""), c.paidBack.simple, c.paidBack["previous-rank"], c.paidBack.exact]));
    // Every figure has a tooltip; the captions are English with the German term in brackets.
    expect(await page.$$eval("#net-cost td .amount, .policy-column .figure", (nodes) => nodes.filter((n) => !(n as HTMLElement).title).length)).toBe(0);
    expect(await page.textContent('.policy-column[data-policy="simple"] .caption')).toMatch(/^The simple solution \(Einfache Lösung\)/);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(200);
    await screenshot(page, "20-compare-bottom-line-1440");

    const csv = (await downloaded(page, () => page.click("#export-compare-csv"))).text;
    const net = b.bottomLines.map((l) => l.netCost).join(",");
    expect(csv).toContain(`net cost to the company,${net}\r\n`);
    expect(csv).toContain("partner,paid back under simple,paid back under previous-rank,paid back under exact,terminated\r\n");
    const json = JSON.parse((await downloaded(page, () => page.click("#export-compare-json"))).text) as { bottom: unknown };
    expect(json.bottom).toEqual(b);
  });

  it("downloads the KPIs", async () => {
    const { page } = session;
    await page.click("#tab-kpis");
    await page.waitForSelector(".cards");
    const csv = await downloaded(page, () => page.click("#export-kpis-csv"));
    expect(csv.name).toBe("vitalis-classic-2026-11-kpis.csv");
    expect(csv.text).toMatch(/^periods,2026-11\r\ntotal CV,[0-9.]+\r\ncommission cost,/);
    const json = JSON.parse((await downloaded(page, () => page.click("#export-kpis-json"))).text) as { periods: string[] };
    expect(json.periods).toEqual(["2026-11"]);
  });

  it("saves the plan with Ctrl+S, marks stale results and asks before a plan switch discards edits (Ctrl+Z brings them back)", async () => {
    const { page } = session;
    const edited = vitalis.replace("payout minimum 10.00", "payout minimum 12.00");
    expect(edited).not.toBe(vitalis);
    await setText(page, edited);
    await page.waitForSelector("#stale-banner:not([hidden])");
    expect(await page.textContent("#stale-banner")).toContain("the plan was edited");
    await page.click("#tab-statements");
    const plan = await downloaded(page, () => page.keyboard.press("Control+s"));
    expect(plan).toEqual({ name: "vitalis-classic.plan", text: edited });

    // Edited again after the download: switching plans asks first.
    const again = edited.replace("payout minimum 12.00", "payout minimum 13.00");
    await setText(page, again);
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.selectOption("#plan-select", "unilevel-essentials.plan");
    expect(asked).toContain("Replace your edited plan");
    expect(await getText(page)).toBe(again);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.selectOption("#plan-select", "unilevel-essentials.plan");
    expect(await getText(page)).toBe(read("plans/unilevel-essentials.plan"));
    await page.click("#editor .view-lines");
    await page.keyboard.press("Control+z");
    expect(await getText(page)).toBe(again);
  });

  it("comes back after a reload to the same plan, data, tab, partner and results", async () => {
    const { page } = session;
    await page.click('tr[data-partner="U"]');
    await page.waitForSelector("table.entries");
    // The autosave (300 ms after the last keystroke) holds the edited plan and the partner shown.
    await page.waitForFunction(() => {
      const saved = JSON.parse(window.localStorage.getItem("comp-playground:v1") ?? "null") as { plan?: string; partner?: string; tab?: string } | null;
      return saved !== null && saved.plan?.includes("payout minimum 13.00") === true && saved.partner === "U" && saved.tab === "explain";
    });
    await page.reload();
    await page.waitForSelector(".problems-title");
    await page.waitForSelector("#panel-explain:not([hidden]) table.entries", { timeout: 60_000 });
    const restored = await getText(page);
    expect(restored).toContain("payout minimum 13.00");
    // The restored plan is where the editor's history starts: Ctrl+Z has nothing to undo (it used
    // to replace the day's work with the bundled plan, which the autosave then kept).
    await page.click("#editor .view-lines");
    await page.keyboard.press("Control+z");
    expect(await getText(page)).toBe(restored);
    expect(await page.inputValue("#data-select")).toBe("scn:late-cancel");
    expect(await page.getAttribute("#tab-explain", "aria-selected")).toBe("true");
    expect(await page.textContent(".explain-title h2")).toBe("U");
    expect(await page.isHidden("#stale-banner")).toBe(true);
  });

  it("shows progress, and Cancel keeps the shown results", async () => {
    const { page } = session;
    await page.click("#tab-statements");
    await page.waitForSelector("table.statements");
    const before = await statementRows(page);
    await page.selectOption("#data-select", "gen:10k");
    await page.click("#run-button");
    await page.waitForFunction(() => /period 2026-1\d \(\d of 3\) · policy exact/.test(document.querySelector("#run-status .status-text")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.getAttribute("#run-status progress", "value")).not.toBeNull();
    await screenshot(page, "21-progress");
    await page.click("#cancel-button");
    await waitIdle(page, 5000);
    expect(await page.textContent("#notices")).toContain("Cancelled. The results shown are those of the last finished run.");
    expect(await statementRows(page)).toEqual(before);
    expect(await page.textContent("#stale-banner")).toContain("other data was chosen");
    // The results still answer queries (their worker was kept).
    await page.click('tr[data-partner="U"]');
    await page.waitForSelector("table.entries");
    expect(session.problems).toEqual([]);
  });
});

describe("keyboard and layout", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("runs with Ctrl+Enter from anywhere, moves between tabs with arrows, closes the share popover with Escape, lets Tab leave the editor", async () => {
    const { page } = session;
    await page.evaluate(() => localStorage.clear());
    await page.focus("#data-select");
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector("table.statements");
    await page.focus("#tab-statements");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute("#tab-explain", "aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-explain");
    await page.keyboard.press("End");
    const last = await page.$eval(".tabs .tab:last-child", (t) => t.id);
    expect(await page.getAttribute(`#${last}`, "aria-selected")).toBe("true");
    await page.keyboard.press("Home");
    expect(await page.getAttribute("#tab-statements", "aria-selected")).toBe("true");

    await page.click("#share-button");
    await page.waitForSelector("#share-url");
    await page.keyboard.press("Escape");
    expect(await page.locator("#share-url").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share-button");

    await page.click("#editor .view-lines");
    await page.keyboard.press("Control+m");
    expect(await page.textContent("#tab-hint")).toContain("Tab moves focus out of the editor");
    const text = await getText(page);
    await page.keyboard.press("Tab");
    expect(await getText(page)).toBe(text);
    expect(await page.evaluate(() => document.activeElement?.closest("#editor") === null)).toBe(true);
  });

  it("fits 1440x900, 1024x700 and a phone (390x844): Run, Cancel and Share stay on screen", async () => {
    const { page } = session;
    for (const [width, height] of [[1440, 900], [1024, 700], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      for (const id of ["#run-button", "#cancel-button", "#share-button"]) {
        const box = await page.locator(id).boundingBox();
        expect(box, `${id} at ${width}x${height}`).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        expect(box!.y + box!.height).toBeLessThanOrEqual(height);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `22-layout-${width}x${height}`);
    }
    // On the phone one pane shows at a time; Results shows the statements.
    expect(await page.isVisible("#editor")).toBe(true);
    await page.click("#show-results");
    expect(await page.isVisible("#editor")).toBe(false);
    expect(await page.isVisible("table.statements")).toBe(true);
    await screenshot(page, "23-phone-results");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("resizes the panes with the splitter (mouse and arrow keys)", async () => {
    const { page } = session;
    const width = async () => (await page.locator(".editor-pane").boundingBox())!.width;
    const start = await width();
    const box = (await page.locator("#splitter").boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 203, box.y + 200, { steps: 5 });
    await page.mouse.up();
    expect(await width()).toBeGreaterThan(start + 150);
    const dragged = await width();
    await page.focus("#splitter");
    await page.keyboard.press("ArrowLeft");
    expect(await width()).toBeLessThan(dragged);
    expect(session.problems).toEqual([]);
  });

  it("says when last visit's data file was too large to keep, instead of showing a run of other data", async () => {
    const { page } = session;
    const plan = await getText(page);
    // Last visit worked on a file too large for the browser's storage (only its name was kept).
    // Written on pagehide after the page's own autosave, which would otherwise overwrite it.
    await page.evaluate((key) => {
      const state = JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;
      window.addEventListener("pagehide", () => {
        localStorage.setItem(key, JSON.stringify({ ...state, source: { kind: "file", name: "team-50k.json" }, ran: true, tab: "statements" }));
        localStorage.removeItem(`${key}:file`);
      });
    }, "comp-playground:v1");
    // Without the share link an earlier step left in the address (a link wins over the autosave).
    await page.goto(page.url().split("#")[0]!);
    await page.waitForSelector(".problems-title");
    await page.waitForFunction(() => document.querySelector("#notices")?.textContent?.includes("team-50k.json") === true);
    await waitIdle(page);
    expect(await page.textContent("#notices")).toMatch(/^Your data file team-50k\.json was too large to keep in this browser between visits \(over 1,500,000 characters\): open it again \(Open…\) to see its results\. The plan is as you left it; .+ is loaded meanwhile\.$/);
    expect(await page.$("table.statements")).toBeNull();
    expect(await getText(page)).toBe(plan);
    await screenshot(page, "16-file-not-kept");
    expect(session.problems).toEqual([]);
  });
});
