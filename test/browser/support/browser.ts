/**
 * A headless Chromium driven by playwright-core, as toolchain.md prescribes: a persistent context
 * in a throw-away profile (Playwright refuses --user-data-dir in launch()), with the flags that
 * keep Chromium off the closed network.
 *
 * Which Chromium (resolveChromium): `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium
 * when present, else the binary shipped inside the npm package @sparticuz/chromium (a dev
 * dependency), so that on a machine with nothing but Node `npm install && npm test` is the whole
 * set-up. A Chromium that cannot be found or started fails the tests with a clear message — it
 * is not a reason to skip them.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for messages. */
  source: "CHROMIUM_PATH" | "system" | "npm";
  args: string[];
}

export function requireChromium(executable = CHROMIUM, source = "Debian's Chromium"): void {
  if (!existsSync(executable)) {
    throw new Error(
      `${executable} is missing: the browser tests need ${source}. ` +
        "Install it with `apt-get update && apt-get install -y chromium`, set CHROMIUM_PATH, or run `npm install` (it brings @sparticuz/chromium).",
    );
  }
}

let resolved: Promise<ChromiumChoice> | null = null;

/** The Chromium the browser tests drive (see the header); resolved once per process. */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  if (env === process.env && resolved !== null) return resolved;
  const choice = chooseChromium(env);
  if (env === process.env) resolved = choice;
  return choice;
}

async function chooseChromium(env: NodeJS.ProcessEnv): Promise<ChromiumChoice> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    requireChromium(fromEnv, "the Chromium named by CHROMIUM_PATH");
    return { executablePath: fromEnv, source: "CHROMIUM_PATH", args: FLAGS };
  }
  if (env.COMP_FORCE_NPM_CHROMIUM !== "1" && existsSync(CHROMIUM)) return { executablePath: CHROMIUM, source: "system", args: FLAGS };
  let executablePath: string;
  try {
    // The package unpacks its brotli-compressed binary into the temp folder on first use (~1 s).
    const sparticuz = (await import("@sparticuz/chromium")).default;
    executablePath = await sparticuz.executablePath();
  } catch (error) {
    throw new Error(
      `no Chromium for the browser tests: ${CHROMIUM} is missing, CHROMIUM_PATH is not set, and the npm package ` +
        `@sparticuz/chromium could not provide one (${error instanceof Error ? error.message : String(error)}). ` +
        "Run `npm install`, or install Debian's Chromium with `apt-get update && apt-get install -y chromium`.",
    );
  }
  return { executablePath, source: "npm", args: FLAGS };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  const browser = await resolveChromium();
  const profile = mkdtempSync(join(tmpdir(), "comp-playground-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless: true,
      viewport,
      args: browser.args,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`Chromium (${browser.source}: ${browser.executablePath}) could not start: ${why}`);
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
