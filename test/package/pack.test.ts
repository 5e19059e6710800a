/**
 * The installable package, as a user gets it: `npm pack` (which builds lib/ with tsc through the
 * prepack script), a separate project that installs the .tgz from disk (its dependencies come from
 * the registry), then
 * - examples/node/index.mjs runs through the documented API and prints the expected payouts;
 * - the `comp` bin runs without any TypeScript loader (tsx is not installed there);
 * - examples/browser is bundled by vite for the browser (a Node import anywhere in the core would
 *   fail the build) and the bundle, run against a minimal page, writes the same payouts;
 * - the tarball holds compiled JavaScript and .d.ts files, no TypeScript sources.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    expect(files).toContain("lib/runtime/api.d.ts");
    expect(files).toContain("lib/store/index.js");
    expect(files).toContain("lib/cli/main.js");
    expect(files).toContain("bin/comp.mjs");
    expect(files).toContain("LICENSE");
    expect(files).toContain("docs/API.md");
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/comp-plan/package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe("MIT");
    expect(Object.keys(manifest.exports)).toEqual([".", "./store", "./package.json"]);
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
    const noDriver = await run(bin, ["close", "data/stairstep.plan", "--data", "data/stairstep.data.json", "--period", "2026-10", "--store", "x.db"], { cwd: project }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    // The store's drivers are optional peer dependencies: without them, a clear message.
    expect(noDriver?.code).toBe(2);
    expect(noDriver?.stderr).toBe("comp: the SQLite store needs the `better-sqlite3` package: npm install better-sqlite3\n");
  });

  it("bundles the browser example with vite and the bundle computes the same payouts", async () => {
    const { build } = await import("vite");
    const outDir = join(project, "browser", "dist");
    await build({ root: join(project, "browser"), configFile: false, logLevel: "silent", build: { outDir, modulePreload: { polyfill: false } } });
    const assets = readdirSync(join(outDir, "assets")).filter((f) => f.endsWith(".js"));
    expect(assets.length).toBe(1);
    const bundle = readFileSync(join(outDir, "assets", assets[0]!), "utf8");
    expect(bundle).not.toMatch(/from\s*["']node:/);
    const out = { textContent: "" };
    runInNewContext(bundle, { document: { querySelector: (q: string) => (q === "#out" ? out : null) } });
    expect(out.textContent.split("\n").sort()).toEqual(PAYOUTS);
  });
});
