/**
 * The playground under a strict Content-Security-Policy (issue 13, item 2): served with
 * `script-src 'self'` (no 'unsafe-eval', so `new Function` and `eval` are refused in the page and
 * in its workers), it still loads, checks the plan, runs and compares policies — the schema
 * validators are generated ahead of time (core/generated/) and the compiled engine falls back to
 * its interpreter over the same columnar model. The figures must be those of the same page served
 * without the policy, where the engine runs generated code.
 *
 * The page does not say which engine ran, so the policy's violation reports (`report-uri`) tell:
 * the only code generation attempted is the engine's probe (`codegenAllowed` in
 * compiler/codegen/kernels.ts), it was refused, and so the kernels ran on the interpreter.
 * (Playwright's own `evaluate` cannot probe: DevTools evaluation is exempt from the policy.)
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preview, type PreviewServer } from "vite";
import { openBrowser, type BrowserSession } from "./support/browser.ts";
import { chooseData, playgroundUrl, run, screenshot, showStatements, statementRows, waitIdle } from "./support/playground.ts";
import { DIST, REPO } from "./support/server.ts";

const REPORTS = "/csp-report";
const POLICY = `script-src 'self'; report-uri ${REPORTS}`;

interface ViolationReport {
  "blocked-uri": string;
  "source-file": string;
  "line-number": number;
  "column-number": number;
}

/** The playground built by globalSetup, served a second time with the policy on every response. */
async function serveWithPolicy(): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    configFile: `${REPO}vite.config.ts`,
    logLevel: "warn",
    build: { outDir: DIST },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false, headers: { "Content-Security-Policy": POLICY } },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error("the preview server did not report its address");
  }
  return { url, server };
}

/** The source text a violation report points at (a built asset), from its column on. */
function codeAt(report: ViolationReport): string {
  const asset = new URL(report["source-file"]).pathname;
  const line = readFileSync(`${DIST}${asset}`, "utf8").split("\n")[report["line-number"] - 1] ?? "";
  return line.slice(report["column-number"] - 1, report["column-number"] + 40);
}

/** Open, load late-cancel, run, read the statements, then compare the three policies. */
async function runAndCompare(session: BrowserSession, url: string, shot: string) {
  const { page } = session;
  await page.goto(url);
  await page.waitForSelector(".problems-title");
  await waitIdle(page);
  const diagnostics = await page.textContent(".problems-title");
  await chooseData(page, "scn:late-cancel");
  await run(page);
  await showStatements(page);
  const statements = await statementRows(page);
  await page.click("#tab-compare");
  await page.waitForSelector(".policy-column[data-policy]");
  await waitIdle(page);
  const policies = await page.$$eval(".policy-column[data-policy]", (columns) =>
    columns.map((column) => [
      (column as HTMLElement).dataset.policy ?? "",
      [...column.querySelectorAll(".figure-value")].map((figure) => figure.textContent ?? ""),
    ]),
  );
  await screenshot(page, shot);
  return { diagnostics, statements, policies };
}

describe("the playground under script-src 'self' (no unsafe-eval)", () => {
  let strict: { url: string; server: PreviewServer };
  let session: BrowserSession;
  let open: BrowserSession;
  const reports: ViolationReport[] = [];

  beforeAll(async () => {
    strict = await serveWithPolicy();
    session = await openBrowser();
    await session.context.route(`**${REPORTS}`, async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as { "csp-report"?: ViolationReport };
      if (body["csp-report"]) reports.push(body["csp-report"]);
      await route.fulfill({ status: 204 });
    });
    open = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await open?.close();
    await strict?.server.close();
  });

  it("is served with the policy, the worker's script too", async () => {
    const workerScripts: (string | undefined)[] = [];
    session.page.on("response", (response) => {
      if (/Worker[^/]*\.js$/.test(response.url())) workerScripts.push(response.headers()["content-security-policy"]);
    });
    const response = await session.page.goto(strict.url);
    expect(response?.headers()["content-security-policy"]).toBe(POLICY);
    await waitIdle(session.page);
    expect(workerScripts.length).toBeGreaterThan(0);
    expect(workerScripts.every((policy) => policy === POLICY)).toBe(true);
  });

  it("checks, runs and compares on the interpreter with the figures of the unrestricted page", async () => {
    reports.length = 0;
    const restricted = await runAndCompare(session, strict.url, "csp-compare-policies");
    const unrestricted = await runAndCompare(open, playgroundUrl(), "csp-compare-policies-unrestricted");

    expect(restricted.statements.length).toBeGreaterThan(0);
    expect(restricted.policies.map(([policy]) => policy)).toEqual(["simple", "previous-rank", "exact"]);
    expect(restricted).toEqual(unrestricted);

    // Code generation was refused, and only the engine's probe tried it (ajv no longer compiles).
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      expect(report["blocked-uri"]).toBe("eval");
      expect(codeAt(report)).toMatch(/^Function\(`return 1`\)|^new Function\("return 1"\)/);
    }
    // Nothing else failed on the way: no page error, no refused script, no failed request
    // (requests a navigation cancelled, net::ERR_ABORTED, are not failures of the page).
    const real = (problems: string[]) => problems.filter((problem) => !problem.includes("(net::ERR_ABORTED)"));
    expect(real(session.problems).filter((problem) => !problem.includes("unsafe-eval"))).toEqual([]);
    expect(real(open.problems)).toEqual([]);
  });
});
