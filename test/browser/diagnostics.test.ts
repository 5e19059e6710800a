/**
 * (b) Typing a typo shows the checker's diagnostic at once: a marker on the misspelt word with
 * the checker's exact message (and suggestion), the same line in the problems list, and a run
 * that refuses with the plan's errors.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import type { BrowserSession } from "./support/browser.ts";
import { openPlayground, run, screenshot } from "./support/playground.ts";

const vitalis = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");
const misspelt = vitalis.replace("level 3: 5% requires Senior", "level 3: 5% requires Senoir");

interface Hook {
  getText(): string;
  markers(): { message: string; severity: string; code: string; startLineNumber: number; startColumn: number }[];
}

describe("live diagnostics", () => {
  let session: BrowserSession;
  const expected = compilePlan(misspelt).diagnostics;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("the node-side checker finds exactly one error for the typo", () => {
    expect(expected.map((d) => [d.code, d.span.line])).toEqual([["E100", 24]]);
  });

  it("marks a typed typo with the checker's exact message", async () => {
    const { page } = session;
    const word = page.locator(".view-line", { hasText: "level 3: 5% requires Senior" }).locator("span span", { hasText: /^Senior$/ });
    await word.dblclick();
    await page.keyboard.type("Senoir");
    const d = expected[0]!;
    await page.waitForSelector(".problem.error");
    expect(await page.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.getText())).toBe(misspelt);
    const markers = await page.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.markers());
    expect(markers).toEqual([
      { message: `${d.message}\n${d.suggestion}`, severity: "error", code: "E100", startLineNumber: d.span.line, startColumn: d.span.column },
    ]);
    expect(d.message).toBe("unknown rank `Senoir`");
    expect(await page.textContent(".problem.error .message")).toBe(d.message);
    expect(await page.textContent(".problem.error .suggestion")).toBe(d.suggestion);
    expect(await page.textContent(".problem.error .where")).toBe(`${d.span.line}:${d.span.column}`);
    expect(await page.locator(".squiggly-error").count()).toBeGreaterThan(0);
    await page.locator(".view-line span span", { hasText: /^Senoir$/ }).hover();
    await page.waitForSelector(`.monaco-hover:has-text("${d.message}")`);
    await screenshot(page, "03-diagnostic");
  });

  it("refuses to run a plan with errors and lists them", async () => {
    const { page } = session;
    await run(page);
    expect(await page.textContent(".plan-errors .notice-title")).toBe("The plan has 1 error; fix it in the editor (listed under it) and run again.");
    expect(await page.textContent(".plan-errors li")).toBe(`24:24 E100: ${expected[0]!.message}`);
  });

  it("clears the marker when the typo is fixed", async () => {
    const { page } = session;
    await page.locator(".view-line span span", { hasText: /^Senoir$/ }).click();
    await page.keyboard.press("Control+z");
    await page.waitForSelector(".problems-title.ok");
    const markers = await page.evaluate(() => (window as unknown as { compPlayground: Hook }).compPlayground.markers());
    expect(markers).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
