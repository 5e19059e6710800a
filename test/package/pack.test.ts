/**
 * The installable package, as a user gets it: `npm pack` (which builds lib/ with tsc through the
 * prepack script), a separate project that installs the .tgz from disk (its dependencies come from
 * the registry), then
 * - examples/node/index.mjs runs through the documented API and prints the expected payouts, and
 *   examples/typescript/index.ts compiles against the installed .d.ts types (strict, nodenext, no
 *   skipLibCheck) and prints the same;
 * - the library is bundled (scripts/buildPackage.ts): a few JavaScript files, and no run-time
 *   dependency but decimal.js (chevrotain is inside the bundles, ajv only generated the validators);
 * - `comp demo` in the installed package prints exactly what `npm start` prints in the repository;
 * - the `comp` bin runs without any TypeScript loader (tsx is not installed there), as one bundled
 *   file (scripts/buildPackage.ts) that loads no other module of the package and no dependency;
 * - examples/browser is bundled by vite for the browser (a Node import anywhere in the core would
 *   fail the build), served by vite's preview server in this process and opened in a real
 *   headless Chromium (the browser tests' choice: CHROMIUM_PATH, /usr/bin/chromium or the npm
 *   package @sparticuz/chromium), where the page writes the same payouts;
 * - the tarball holds compiled JavaScript and .d.ts files, no TypeScript sources.
 * In the slow project (vitest.config.ts): npm pack, an install and a Chromium take a while.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser } from "../browser/support/browser.ts";
import { root } from "../store/fixtures.ts";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// The spec's example c (c_differential.md): P5 100.00, P3 50.00, P1 200.00.
const PAYOUTS = ["2026-10 P1 200.00", "2026-10 P3 50.00", "2026-10 P5 100.00"];

let project = "";
let tarball = "";

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "comp-pack-"));
  const { stdout } = await run(npm, ["pack", "--pack-destination", project, "--json"], { cwd: root, maxBuffer: 64 << 20 });
  const packed = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  tarball = join(project, packed[0]!.filename);
  writeFileSync(join(project, "files.json"), JSON.stringify(packed[0]!.files.map((f) => f.path)));
  cpSync(join(root, "examples"), project, { recursive: true });
  await run(npm, ["install", tarball, "--no-audit", "--no-fund", "--no-package-lock"], { cwd: project });
}, 600_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packed package, installed into a separate project", () => {
  it("holds compiled JavaScript, .d.ts types, the bin, the license and the API docs, and no TypeScript sources", () => {
    const files = JSON.parse(readFileSync(join(project, "files.json"), "utf8")) as string[];
    expect(files).toContain("lib/runtime/api.js");
    // the library as bundles: its two entries, their shared chunks, the CLI's two files
    const scripts = files.filter((f) => f.endsWith(".js") && f.startsWith("lib/"));
    expect(scripts.filter((f) => !f.startsWith("lib/chunks/")).sort()).toEqual(["lib/cli/compareWorker.js", "lib/cli/main.js", "lib/runtime/api.js", "lib/store/index.js"]);
    expect(scripts.length).toBeLessThan(12);
    // what `comp demo` runs on (cli/commands/demo.ts)
    for (const demoFile of ["plans/vitalis-classic.plan", "plans/unilevel-essentials.plan", "plans/stairstep-breakaway.plan", "samples/tiny.data.json", "samples/small.data.json", "samples/team-1k.data.json"]) {
      expect(files).toContain(demoFile);
    }
    expect(files).toContain("lib/runtime/api.d.ts");
    expect(files).toContain("lib/store/index.js");
    expect(files).toContain("lib/cli/main.js");
    expect(files).toContain("bin/comp.mjs");
    expect(files).toContain("LICENSE");
    expect(files).toContain("docs/API.md");
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    // the CLI is one bundled file (and the worker thread `comp compare` may start, another)
    expect(files.filter((f) => f.startsWith("lib/cli/")).sort()).toEqual(["lib/cli/compareWorker.js", "lib/cli/main.js"]);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/comp-plan/package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe("MIT");
    expect(Object.keys(manifest.exports)).toEqual([".", "./store", "./package.json"]);
    expect(Object.keys(manifest.dependencies)).toEqual(["decimal.js"]);
    for (const bundled of ["ajv", "chevrotain", "lodash-es"]) expect(existsSync(join(project, "node_modules", bundled))).toBe(false);
  });

  it("compiles the TypeScript example against the installed types, and it prints the same payouts", async () => {
    // The user's own TypeScript and @types/node: the repository's (the project installs only the tarball).
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const compiled = await run(process.execPath, [tsc, "-p", "typescript", "--typeRoots", join(root, "node_modules/@types")], { cwd: project }).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(compiled).toBe("");
    const { stdout } = await run(process.execPath, ["typescript/index.js"], { cwd: project });
    expect(stdout.trim().split("\n").sort()).toEqual(PAYOUTS);
  });

  it("runs `comp demo` exactly as `npm start` does in the repository", async () => {
    const [installed, repository] = await Promise.all([
      run(join(project, "node_modules/.bin/comp"), ["demo"], { cwd: project, maxBuffer: 16 << 20 }),
      run(npm, ["start", "--silent"], { cwd: root, maxBuffer: 16 << 20 }),
    ]);
    expect(repository.stdout).toContain("### Vitalis Classic (plans/vitalis-classic.plan) on samples/tiny.data.json");
    expect(installed.stdout).toBe(repository.stdout);
    expect(installed.stderr).toBe(repository.stderr);
  });

  it("runs the Node example through the documented API", async () => {
    const { stdout } = await run(process.execPath, ["node/index.mjs"], { cwd: project });
    expect(stdout.trim().split("\n").sort()).toEqual(PAYOUTS);
  });

  it("runs the comp bin without a TypeScript loader", async () => {
    expect(existsSync(join(project, "node_modules/tsx"))).toBe(false);
    const bin = join(project, "node_modules/.bin/comp");
    const { stdout } = await run(bin, ["run", "data/stairstep.plan", "--data", "data/stairstep.data.json", "--through", "2026-10", "--json"], { cwd: project });
    const statements = JSON.parse(stdout).periods[0].statements;
    expect(statements.P1.payout).toBe("200.00");
    // The installed CLI sits in lib/cli/, one folder deeper than the sources: --version once
    // crashed there looking for lib/package.json.
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/comp-plan/package.json"), "utf8")) as { version: string };
    expect((await run(bin, ["--version"], { cwd: project })).stdout).toBe(`comp ${manifest.version}\n`);
    const noDriver = await run(bin, ["close", "data/stairstep.plan", "--data", "data/stairstep.data.json", "--period", "2026-10", "--store", "x.db"], { cwd: project }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    // The store's drivers are optional peer dependencies: without them, a clear message.
    expect(noDriver?.code).toBe(2);
    expect(noDriver?.stderr).toBe("comp: the SQLite store needs the `better-sqlite3` package: npm install better-sqlite3\n");
  });

  it("bundles the browser example with vite, and the page computes the same payouts in Chromium", async () => {
    const { build, preview } = await import("vite");
    const outDir = join(project, "browser", "dist");
    await build({ root: join(project, "browser"), configFile: false, logLevel: "silent", build: { outDir, modulePreload: { polyfill: false } } });
    const assets = readdirSync(join(outDir, "assets")).filter((f) => f.endsWith(".js"));
    expect(assets.length).toBe(1);
    const bundle = readFileSync(join(outDir, "assets", assets[0]!), "utf8");
    expect(bundle).not.toMatch(/from\s*["']node:/);
    const server = await preview({
      root: join(project, "browser"),
      configFile: false,
      logLevel: "silent",
      build: { outDir },
      preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
    });
    const browser = await openBrowser().catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
    try {
      const url = server.resolvedUrls?.local[0];
      expect(url).toBeDefined();
      await browser.page.goto(url!);
      // the page says "running…" until the bundle has run the plan
      await browser.page.waitForFunction(() => document.querySelector("#out")?.textContent !== "running…", undefined, { timeout: 30_000 });
      const text = (await browser.page.textContent("#out")) ?? "";
      expect(text.split("\n").sort()).toEqual(PAYOUTS);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
