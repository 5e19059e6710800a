/**
 * Debian's Chromium driven by playwright-core, as toolchain.md prescribes: a persistent context
 * in a throw-away profile (Playwright refuses --user-data-dir in launch()), with the flags that
 * keep Chromium off the closed network. A missing Chromium fails the tests with a clear
 * message — it is not a reason to skip them.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export function requireChromium(executable = CHROMIUM): void {
  if (!existsSync(executable)) {
    throw new Error(
      `${executable} is missing: the browser tests need Debian's Chromium. ` +
        "Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this on CI).",
    );
  }
}

export async function openBrowser(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "comp-playground-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
