/**
 * Issue 14 items 9 and 10, checked as a user sees them: a hover near the editor's edge is shown
 * whole (Monaco's overflow widgets live outside the editor's clipping box), and the page follows
 * the system's colour scheme — dark when the system is dark, light again when it switches —
 * editor included. Screenshots in dark mode at 1440x900, 1024x700 and a phone.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, showStatements, waitIdle } from "./support/playground.ts";

/** Relative luminance (0 black .. 1 white) of a computed CSS colour `rgb(r, g, b)`. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function colours(page: Page): Promise<{ body: string; editor: string; text: string; button: string; bound: string }> {
  return page.evaluate(() => {
    const bg = (selector: string) => getComputedStyle(document.querySelector(selector)!).backgroundColor;
    return { body: bg("html"), editor: bg(".monaco-editor .monaco-editor-background"), text: getComputedStyle(document.body).color, button: bg("#open-file-button"), bound: bg("#payout-bound") };
  });
}

describe("comfort: hovers and the system's colour scheme", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows a hover on the editor's first line and at its right edge whole, inside the window", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 700 });
    // `plan` on line 1: the hover opens above a word only when there is room, else below it.
    await page.evaluate(() => (window as unknown as { compPlayground: { setText(s: string): void } }).compPlayground.setText('plan "Hover" version "1"\ncurrency EUR\nrounding half-up to 0.01                                        breakaway at Manager\n'));
    for (const word of [/^plan$/, /^breakaway$/]) {
      await page.mouse.move(0, 0);
      await page.locator(".view-line span span", { hasText: word }).first().hover();
      await page.waitForSelector(".monaco-hover:not(.hidden) .hover-contents", { state: "visible" });
      await page.waitForTimeout(150);
      const box = await page.evaluate(() => {
        const hover = [...document.querySelectorAll<HTMLElement>(".monaco-hover")].find((h) => h.offsetParent !== null && !h.classList.contains("hidden"))!;
        const r = hover.getBoundingClientRect();
        // The topmost element at each corner of the hover belongs to the hover: nothing clips or covers it.
        const corners = [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]];
        const root = hover.closest(".monaco-resizable-hover") ?? hover;
        const inside = corners.every(([x, y]) => root.contains(document.elementFromPoint(x!, y!)));
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight, inside, scrolls: hover.scrollHeight > hover.clientHeight + 1 && getComputedStyle(hover).overflowY === "hidden" };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(box.width);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      expect(box.inside).toBe(true);
      expect(box.scrolls).toBe(false);
    }
    await screenshot(page, "30-hover-edge-1024x700");
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("follows the system's dark and light colour scheme, editor included", async () => {
    const { page } = session;
    const plan = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");
    await page.evaluate((text) => (window as unknown as { compPlayground: { setText(s: string): void } }).compPlayground.setText(text), plan);
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+Home");
    await waitIdle(page);
    const light = await colours(page);
    expect(luminance(light.body)).toBeGreaterThan(0.8);
    expect(luminance(light.editor)).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => {
      const bg = getComputedStyle(document.querySelector(".monaco-editor .monaco-editor-background")!).backgroundColor;
      const [r = 255] = (bg.match(/[\d.]+/g) ?? []).map(Number);
      return r < 80;
    });
    const dark = await colours(page);
    expect(luminance(dark.body)).toBeLessThan(0.3);
    expect(luminance(dark.editor)).toBeLessThan(0.3);
    expect(luminance(dark.button)).toBeLessThan(0.3);
    expect(luminance(dark.bound)).toBeLessThan(0.3);
    expect(luminance(dark.text)).toBeGreaterThan(0.7);
    await run(page);
    await showStatements(page);
    for (const [width, height] of [[1440, 900], [1024, 700], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      await screenshot(page, `31-dark-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // Back to light when the system switches, without a reload.
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => {
      const bg = getComputedStyle(document.querySelector(".monaco-editor .monaco-editor-background")!).backgroundColor;
      const [r = 0] = (bg.match(/[\d.]+/g) ?? []).map(Number);
      return r > 200;
    });
    expect(luminance((await colours(page)).body)).toBeGreaterThan(0.8);
    expect(session.problems).toEqual([]);
  });

  it("shows no light line, light background or dark text in any result tab in dark mode", async () => {
    // The policy cards' figure lines and the genealogy's row lines kept their light-mode colour
    // (near-white hairlines on the dark panels) until they took a variable of the scheme.
    const { page } = session;
    await page.emulateMedia({ colorScheme: "dark" });
    await chooseData(page, "scn:late-cancel");
    await run(page);
    await showStatements(page);
    await page.click('tr[data-partner="U"]');
    await page.waitForSelector("table.entries");
    const glaring: string[] = [];
    for (const tab of ["statements", "explain", "genealogy", "data", "paths", "kpis", "compare", "diff", "disclosure"]) {
      await page.click(`#tab-${tab}`);
      if (tab === "compare") await page.waitForSelector('#panel-compare[data-state="shown"]');
      if (tab === "genealogy") await page.waitForSelector(".tree-row");
      await waitIdle(page);
      const found = await page.evaluate(() => {
        const out = new Set<string>();
        const channels = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        // Near-white or light grey (every channel high): accents and warnings keep a low channel.
        const light = (c: string) => {
          const [r = 0, g = 0, b = 0, a = 1] = channels(c);
          return a > 0.05 && Math.min(r, g, b) > 190;
        };
        const dark = (c: string) => {
          const [r = 0, g = 0, b = 0] = channels(c);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.35;
        };
        for (const e of document.querySelectorAll<HTMLElement>(".results-pane *")) {
          if (e.offsetParent === null) continue;
          const style = getComputedStyle(e);
          const name = `${e.tagName.toLowerCase()}.${String(e.className).split(" ").join(".")}`;
          for (const side of ["Top", "Bottom", "Left", "Right"] as const) {
            if (parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none" && light(style[`border${side}Color`])) out.add(`${side.toLowerCase()} line of ${name}: ${style[`border${side}Color`]}`);
          }
          if (light(style.backgroundColor)) out.add(`background of ${name}: ${style.backgroundColor}`);
          const ownText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
          if (ownText && dark(style.color)) out.add(`dark text in ${name}: ${style.color}`);
        }
        return [...out];
      });
      glaring.push(...found.map((f) => `${tab}: ${f}`));
    }
    expect(glaring).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    expect(session.problems).toEqual([]);
  });
});
