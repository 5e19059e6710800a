/**
 * Credit paths as pictures (issue 14, item 11): a split order's two portions drawn up both
 * uplines, each partner with rank and what it received (checked against the reference ledger),
 * breakage listed; a cancelled order's clawbacks under simple, previous-rank and exact side by
 * side (checked against the policy replays). Screenshots at 1440x900, 1024x700 and 390x844.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan, Decimal, referenceEngine, replayPolicies, validateData } from "../../runtime/surface.ts";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, waitIdle } from "./support/playground.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const ir = compilePlan(read("plans/vitalis-classic.plan")).ir!;
const load = (file: string) => {
  const v = validateData(JSON.parse(read(file)));
  if (!v.ok) throw new Error(`${file} does not load`);
  return v.data;
};

describe("credit-path pictures", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
    await session.page.evaluate(() => localStorage.clear());
  });

  afterAll(async () => {
    await session?.close();
  });

  it("draws a split order's recruiter and supporter paths with what each partner received", async () => {
    const { page } = session;
    await chooseData(page, "scn:stage-speaker");
    await run(page);
    await page.selectOption("#period-select", "2026-10");
    await page.click("#tab-paths");
    await page.fill("#paths-partner", "n1");
    await page.click("#paths-partner-orders");
    await page.waitForSelector("#paths-picks button");
    await page.click('#paths-picks button:text("O3")');
    await page.waitForSelector("#paths-svg");
    const data = load("samples/stage-speaker.data.json");
    const outcome = referenceEngine.runThrough(ir, data, { through: "2026-11" });
    if (!outcome.ok) throw new Error("stage-speaker refused");
    const october = outcome.result.periods.find((p) => p.period === "2026-10")!;
    const entries = october.ledger.filter((e) => e.order === "O3");
    expect(await page.locator(".portion-summary").count()).toBe(2);
    for (const portion of ["recruiter", "supporter"] as const) {
      const own = entries.filter((e) => (e.portion ?? "recruiter") === portion);
      const shown = await page.$$eval(`#paths-svg g.path-node.${portion}`, (gs) => gs.map((g) => [(g as SVGGElement).dataset.partner ?? "", g.querySelector(".amount-text")?.textContent ?? ""]));
      expect(shown.length).toBeGreaterThan(0);
      for (const [partner, text] of shown) {
        const received = own.filter((e) => e.recipient === partner).reduce((t, e) => t.plus(e.amount), new Decimal(0)).toFixed(2);
        expect(text).toMatch(new RegExp(`\\+${received.replace(".", "\\.")} EUR$`));
      }
      // Every paid recipient of the portion is on the drawn path.
      for (const e of own) expect(shown.map(([p]) => p)).toContain(e.recipient);
      const total = own.reduce((t, e) => t.plus(e.amount), new Decimal(0)).toFixed(2);
      expect(await page.textContent(`.portion-summary[data-portion="${portion}"]`)).toContain(`paid ${total} EUR`);
    }
    // The supporter's path starts at B2, the agreement's supporter.
    expect(await page.textContent(".portion-summary.supporter strong")).toBe("Supporter portion (via B2)");
    for (const [width, height] of [[1440, 900], [1024, 700], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(250);
      if (width < 700) await page.click("#show-results");
      await page.locator("#paths-svg").scrollIntoViewIfNeeded();
      await screenshot(page, `28-paths-split-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("shows what simple, previous-rank and exact take back for a cancelled order, side by side", async () => {
    const { page } = session;
    await chooseData(page, "scn:late-cancel");
    await run(page);
    await page.click("#tab-explain");
    await page.fill("#explain-partner", "U");
    await page.press("#explain-partner", "Enter");
    await page.selectOption("#period-select", "2026-10");
    await page.waitForSelector("table.entries .order-link", { timeout: 10_000 });
    const first = (await page.textContent("table.entries .order-link"))!;
    await page.click("table.entries .order-link");
    await page.waitForSelector("#paths-svg", { timeout: 10_000 });
    expect(await page.getAttribute("#tab-paths", "aria-selected")).toBe("true");
    expect(await page.inputValue("#paths-order")).toBe(first);
    await page.fill("#paths-order", "o6");
    await page.click("#paths-show");
    await page.waitForFunction(() => document.querySelector("#paths-svg")?.getAttribute("aria-label") === "credit paths of O6", undefined, { timeout: 10_000 });
    await page.click("#paths-clawbacks button", { timeout: 10_000 });
    await page.waitForSelector('#paths-clawbacks .policy-column[data-policy="exact"]', { timeout: 60_000 });
    await waitIdle(page);
    const data = load("samples/late-cancel.data.json");
    const replayed = replayPolicies(ir, data, "2026-11", undefined, referenceEngine);
    if (!replayed.ok) throw new Error("no replay");
    const policies = ["simple", "previous-rank", "exact"] as const;
    for (const [i, policy] of policies.entries()) {
      const sums = new Map<string, Decimal>();
      for (const p of replayed.runs.runs[i]!) for (const e of p.ledger) if (e.order === "O6" && e.cancellation !== undefined) sums.set(e.recipient, (sums.get(e.recipient) ?? new Decimal(0)).plus(e.amount));
      const expected = [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, a]) => [p, a.toFixed(2)]);
      const shown = await page.$$eval(`#paths-clawbacks .policy-column[data-policy="${policy}"] .figure`, (fs) => fs.map((f) => [f.querySelector(".figure-label")?.textContent, f.querySelector(".figure-value")?.textContent]));
      expect(shown).toEqual(expected);
    }
    await page.locator("#paths-clawbacks").scrollIntoViewIfNeeded();
    await screenshot(page, "29-paths-cancelled");
    expect(session.problems).toEqual([]);
  });

  it("says when an order paid nothing in the shown period and offers its month; every box's text stays inside the box", async () => {
    const { page } = session;
    await chooseData(page, "scn:late-cancel");
    await run(page);
    await page.selectOption("#period-select", "2026-11");
    await page.click("#tab-paths");
    await page.fill("#paths-order", "O7");
    await page.click("#paths-show");
    await page.waitForSelector("#paths-nothing");
    expect(await page.textContent("#paths-nothing")).toContain("Nothing was paid on O7 in 2026-11. It is dated 2026-10-28");
    // No "unpaid — nobody qualified" claims for a period the order is not counted in.
    expect(await page.locator(".breakage li").count()).toBe(0);
    const above = await page.textContent(".portion-summary");
    expect(above).not.toMatch(/\b1 more partners\b/);
    await page.click("#paths-show-month");
    await page.waitForFunction(() => (document.querySelector("#period-select") as HTMLSelectElement).value === "2026-10");
    await page.waitForFunction(() => document.querySelector("#paths-svg") !== null && document.querySelector("#paths-nothing") === null);
    expect(await page.textContent(".portion-summary")).toMatch(/paid [1-9][\d.]* EUR on 2026-10/);
    // The inactive partner's label ("U  Consultant (inactive)") ran out of its box before.
    const overflowing = await page.$$eval("#paths-svg g.path-node", (gs) =>
      gs.flatMap((g) => {
        const box = g.querySelector("rect")!.getBBox();
        return [...g.querySelectorAll("text")].filter((t) => t.getBBox().x + t.getBBox().width > box.width).map((t) => t.textContent);
      }),
    );
    expect(overflowing).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
