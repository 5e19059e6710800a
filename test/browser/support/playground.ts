/**
 * Driving the playground page in the browser tests: open it (served by globalSetup), wait for
 * the worker to be idle, run, read the statements table, take screenshots.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.ts";
import { REPO } from "./server.ts";

export const SCREENSHOTS = `${REPO}test-output/screenshots`;

export function playgroundUrl(): string {
  return inject("playgroundUrl");
}

/** A fresh browser on the playground, after its first check and data load. */
export async function openPlayground(hash = ""): Promise<BrowserSession> {
  const session = await openBrowser();
  try {
    await session.page.goto(playgroundUrl() + hash);
    await session.page.waitForSelector(".problems-title");
    await waitIdle(session.page);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/** Wait until no job (data load, run, comparison) is running in the worker. */
export async function waitIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector("#run-status")?.getAttribute("data-state") === "idle", undefined, { timeout });
}

/** Press Run and wait for its outcome (a finished run, or a notice saying why not). */
export async function run(page: Page, timeout = 60_000): Promise<void> {
  await page.click("#run-button");
  await waitIdle(page, timeout);
  await page.waitForFunction(() => document.querySelector("#run-info")?.textContent !== "Running…", undefined, { timeout });
}

/** The statements tab, shown and filled. */
export async function showStatements(page: Page): Promise<void> {
  await page.click("#tab-statements");
  await page.waitForSelector("table.statements");
}

export async function chooseData(page: Page, value: string): Promise<void> {
  await page.selectOption("#data-select", value);
  await waitIdle(page);
}

export interface StatementCells {
  rank: string;
  active: string;
  personal: string;
  group: string;
  entries: string;
  earned: string;
  carriedIn: string;
  payout: string;
  carriedOut: string;
}

/** The statements table as partner -> cells, in table order. */
export async function statementRows(page: Page): Promise<[string, StatementCells][]> {
  return page.$$eval("table.statements tbody tr", (rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
      const [partner = "", rank = "", active = "", personal = "", group = "", entries = "", earned = "", carriedIn = "", payout = "", carriedOut = ""] = cells;
      return [partner, { rank, active, personal, group, entries, earned, carriedIn, payout, carriedOut }] as [string, StatementCells];
    }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/**
 * The figures inside `panel` that say nothing when pointed at: leaf elements whose whole text is
 * a number (an amount, a count, a percentage, "3 (50.00%)", "2 of 3") or a dash, with no
 * tooltip on them or around them. Headers, charts and buttons are not figures.
 */
export function untitledFigures(page: Page, panel: string): Promise<string[]> {
  return page.$$eval(`${panel} *`, (nodes) =>
    nodes
      .filter((e) => {
        const text = (e.textContent ?? "").trim();
        const figure = /^[−+-]?[\d,]+(\.\d+)?%?( EUR)?$|^—$|^[\d,]+ \([\d.]+%\)$|^[\d.]+ of [\d.]+$/.test(text);
        return e.children.length === 0 && figure && e.closest("[title]") === null && e.closest("thead, .chart, canvas, svg, button, select, option") === null;
      })
      .map((e) => `${e.closest("table")?.className ?? e.parentElement?.className}: ${e.textContent}`),
  );
}
