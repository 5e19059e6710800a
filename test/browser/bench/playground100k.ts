/**
 * Measures the playground at 100k partners in Chromium, as a user would use it: build and serve
 * the site, pick "100k partners", press Run, then Compare policies; prints the wall time of each
 * step and every progress line the page showed (with its time), so slow stages are visible.
 *
 * With --paths ORDER it also times the credit-path picture of that order (from Show paths to the
 * drawn picture); --no-compare skips the comparison.
 *
 *   npx tsx test/browser/bench/playground100k.ts [--size 100k|10k] [--skip-build] [--paths O123] [--no-compare]
 */
import { openBrowser } from "../support/browser.ts";
import { buildPlayground, servePlayground } from "../support/server.ts";

const args = process.argv.slice(2);
const size = args.includes("--size") ? args[args.indexOf("--size") + 1]! : "100k";
const skipBuild = args.includes("--skip-build");
const pathsOrder = args.includes("--paths") ? args[args.indexOf("--paths") + 1]! : null;
const skipCompare = args.includes("--no-compare");

async function main(): Promise<void> {
  if (!skipBuild) await buildPlayground();
  const served = await servePlayground();
  const session = await openBrowser({ width: 1440, height: 900 });
  const { page } = session;
  const log: string[] = [];
  try {
    await page.goto(served.url);
    await page.waitForSelector(".problems-title");
    await page.waitForFunction(() => document.querySelector("#run-status")?.getAttribute("data-state") === "idle");
    await page.exposeFunction("__stage", (t: number, text: string) => log.push(`${(t / 1000).toFixed(2)} s  ${text}`));
    await page.evaluate(() => {
      const started = performance.now();
      const target = document.querySelector("#run-status .status-text")!;
      new MutationObserver(() => (window as unknown as { __stage: (t: number, s: string) => void }).__stage(performance.now() - started, target.textContent ?? "")).observe(target, { childList: true, characterData: true, subtree: true });
    });
    const idle = () => page.waitForFunction(() => document.querySelector("#run-status")?.getAttribute("data-state") === "idle", undefined, { timeout: 900_000, polling: 100 });
    const cpu0 = process.cpuUsage();
    let t = Date.now();
    await page.selectOption("#data-select", `gen:${size}`);
    await idle();
    const load = Date.now() - t;
    t = Date.now();
    await page.click("#run-button");
    await idle();
    await page.waitForFunction(() => document.querySelector("#run-info")?.textContent !== "Running…", undefined, { timeout: 900_000 });
    const runMs = Date.now() - t;
    const info = await page.textContent("#run-info");
    let pathsMs: number | null = null;
    if (pathsOrder !== null) {
      await page.click("#tab-paths");
      await page.fill("#paths-order", pathsOrder);
      t = Date.now();
      await page.click("#paths-show");
      await page.waitForSelector("#paths-svg", { timeout: 300_000 });
      pathsMs = Date.now() - t;
      console.log(`credit paths of ${pathsOrder}: ${await page.locator("#paths-svg .path-node").count()} boxes, ${pathsMs} ms (the first query waits for the period's ledger)`);
      // A second order: the picture alone, the period's entries already in the worker.
      const next = `O${Number(pathsOrder.slice(1)) + 1}`;
      await page.fill("#paths-order", next);
      t = Date.now();
      await page.click("#paths-show");
      await page.waitForSelector(`#paths-svg[aria-label="credit paths of ${next}"]`, { timeout: 300_000 });
      console.log(`credit paths of ${next}: ${Date.now() - t} ms`);
    }
    let compareMs: number | null = null;
    if (!skipCompare) {
      t = Date.now();
      await page.click("#tab-compare");
      await page.click("#compare-button");
      await page.waitForSelector(".policy-column[data-policy]", { timeout: 900_000 });
      await idle();
      compareMs = Date.now() - t;
    }
    console.log(log.join("\n"));
    console.log(`run info: ${info}`);
    console.log(JSON.stringify({ size, loadMs: load, runMs, pathsMs, compareMs, hostCpuMs: Math.round((process.cpuUsage(cpu0).user) / 1000) }));
    console.log(`problems: ${session.problems.join("; ") || "none"}`);
  } finally {
    await session.close();
    await served.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
