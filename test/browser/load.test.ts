/**
 * (a) The page loads cleanly — no console errors, no failed or outside requests — and the
 * editor is the real thing: Monaco's own tokenizer colours every keyword of the language as a
 * keyword, completion offers the bonus kinds after `bonus`, hover explains keywords.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BONUS_KINDS, KEYWORDS, TOKEN_INFO } from "../../grammar/tokenInfo.ts";
import type { BrowserSession } from "./support/browser.ts";
import { openPlayground, playgroundUrl, screenshot } from "./support/playground.ts";

describe("the playground page", () => {
  let session: BrowserSession;
  const requests: string[] = [];

  beforeAll(async () => {
    session = await openPlayground();
    session.page.on("request", (r) => requests.push(r.url()));
    await session.page.reload();
    await session.page.waitForSelector(".problems-title");
    await session.page.waitForFunction(() => document.querySelector("#run-status")?.getAttribute("data-state") === "idle");
  });

  afterAll(async () => {
    await session?.close();
  });

  it("loads without console errors or failed requests, from its own origin only", async () => {
    const { page, problems } = session;
    await screenshot(page, "01-loaded");
    expect(problems).toEqual([]);
    const origin = new URL(playgroundUrl()).origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(await page.textContent(".problems-title")).toBe("✓ No problems: the plan compiles.");
    expect(await page.textContent("#notices")).toContain("generated tiny (seed 192) — 12 partners");
    expect(await page.inputValue("#plan-select")).toBe("vitalis-classic.plan");
  });

  it("fits 1280×800: nothing in the top bar or the page overflows sideways", async () => {
    const { page } = session;
    const widths = await page.evaluate(() => {
      const bar = document.querySelector(".topbar") as HTMLElement;
      const share = (document.querySelector("#share-button") as HTMLElement).getBoundingClientRect();
      return { bar: [bar.scrollWidth, bar.clientWidth], page: [document.documentElement.scrollWidth, window.innerWidth], shareRight: share.right };
    });
    expect(widths.bar[0]).toBeLessThanOrEqual(widths.bar[1]!);
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
    expect(widths.shareRight).toBeLessThanOrEqual(1280);
  });

  it("colours every keyword as a keyword with Monaco's own tokenizer", async () => {
    const text = KEYWORDS.join(" ");
    const lines = await session.page.evaluate(
      (t) => (window as unknown as { compPlayground: { tokenize(s: string): { offset: number; type: string }[][] } }).compPlayground.tokenize(t),
      text,
    );
    const line = lines[0]!;
    const words = line
      .map((t, i) => ({ text: text.slice(t.offset, line[i + 1]?.offset ?? text.length), type: t.type }))
      .filter((w) => w.text.trim() !== "");
    expect(words.map((w) => w.text)).toEqual([...KEYWORDS]);
    expect(words.filter((w) => w.type !== "keyword.plan")).toEqual([]);
    const plain = await session.page.evaluate(
      () => (window as unknown as { compPlayground: { tokenize(s: string): { offset: number; type: string }[][] } }).compPlayground.tokenize("levels Senior"),
    );
    expect(plain[0]!.map((t) => t.type)).toEqual(["identifier.plan", "white.plan", "identifier.plan"]);
  });

  it("offers the bonus kinds after `bonus`", async () => {
    const { page } = session;
    await page.evaluate(() => (window as unknown as { compPlayground: { setText(s: string): void } }).compPlayground.setText('plan "Completion"\n'));
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("bonus ");
    await page.waitForSelector(".suggest-widget.visible .monaco-list-row");
    const labels = await page.$$eval(".suggest-widget.visible .monaco-list-row .label-name", (nodes) => nodes.map((n) => n.textContent));
    expect(labels).toEqual([...BONUS_KINDS]);
    await screenshot(page, "02-completion");
    await page.keyboard.press("Escape");
  });

  it("explains a keyword on hover", async () => {
    const { page } = session;
    await page.evaluate(() => (window as unknown as { compPlayground: { setText(s: string): void } }).compPlayground.setText("breakaway at Manager\n"));
    await page.locator(".view-line span span", { hasText: /^breakaway$/ }).hover();
    const hover = TOKEN_INFO.find((t) => t.pattern === "breakaway")?.hover ?? "";
    await page.waitForSelector(`.monaco-hover:has-text("${hover.slice(0, 40)}")`);
    expect(await page.textContent(".monaco-hover")).toContain(hover);
    expect(session.problems).toEqual([]);
  });
});
