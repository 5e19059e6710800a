/**
 * (e) A shared link restores the plan text, the data choice, the through period and the policy
 * in a fresh tab; a damaged link says so; hostile text in a link stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, playgroundUrl, run, screenshot, waitIdle } from "./support/playground.ts";

interface Hook {
  getText(): string;
  setText(text: string): void;
}

const hostile = "<img src=x onerror=document.title='pwned'>";

describe("share links", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("restore the plan, data, through and policy in a new tab", async () => {
    const { page, context } = session;
    const plan = (await page.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.getText()))
      .replace("payout minimum 10.00", "payout minimum 25.00")
      .replace('plan "Vitalis Classic"', `plan "Vitalis Shared ${hostile}"`);
    await page.evaluate((text) => (window as unknown as { compPlayground: Hook }).compPlayground.setText(text), plan);
    await chooseData(page, "scn:late-cancel");
    await page.selectOption("#through-select", "2026-11");
    await page.selectOption("#policy-select", "previous-rank");
    await page.click("#share-button");
    await page.waitForSelector("#share-url");
    const url = await page.inputValue("#share-url");
    expect(url.startsWith(`${playgroundUrl()}#s=`)).toBe(true);
    expect(page.url()).toBe(url);
    await screenshot(page, "10-share");

    const other = await context.newPage();
    const problems: string[] = [];
    other.on("console", (m) => (m.type() === "error" ? problems.push(m.text()) : undefined));
    await other.goto(url);
    await other.waitForSelector(".problems-title");
    await waitIdle(other);
    expect(await other.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.getText())).toBe(plan);
    expect(await other.inputValue("#data-select")).toBe("scn:late-cancel");
    expect(await other.inputValue("#through-select")).toBe("2026-11");
    expect(await other.inputValue("#policy-select")).toBe("previous-rank");
    expect(await other.inputValue("#plan-select")).toBe("(edited plan)");
    await run(other);
    expect(await other.locator("table.statements").count()).toBe(1);
    expect(await other.textContent("#run-info")).toContain(`Vitalis Shared ${hostile} · policy previous-rank · scenario late-cancel`);
    expect(await other.locator("img").count()).toBe(0);
    expect(await other.title()).not.toBe("pwned");
    expect(problems).toEqual([]);
    await other.close();
  });

  it("say when a link is damaged and keep the default plan", async () => {
    // The first page autosaved its edited plan; without it a damaged link leaves the default plan.
    await session.page.evaluate(() => localStorage.clear());
    const other = await session.context.newPage();
    await other.goto(`${playgroundUrl()}#s=AAAA-not-a-plan`);
    await other.waitForSelector(".notice-error");
    expect(await other.textContent(".notice-error")).toMatch(/^the shared link is damaged/);
    await other.waitForSelector(".problems-title.ok");
    expect(await other.inputValue("#plan-select")).toBe("vitalis-classic.plan");
    await other.close();
  });
});
