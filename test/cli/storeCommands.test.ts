/**
 * Issue 9 leftovers: `comp close --engine compiled|reference` (like `comp run`), help for the
 * store commands, and their command-line mistakes answered like every other command's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, USAGE } from "../../cli/main.ts";
import { runStoreCommand } from "../../cli/storeCommands.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const plan = `${root}plans/vitalis-classic.plan`;
const data = `${root}samples/tiny.data.json`;
const dir = mkdtempSync(join(tmpdir(), "comp-store-cli-"));
const store = (argv: string[]) => runStoreCommand(argv, USAGE);

describe("comp close --engine", () => {
  it("closes with either engine; the store records which, and the stored periods are the same", async () => {
    const exported: Record<string, string[]> = {};
    for (const engine of ["reference", "compiled"]) {
      const db = join(dir, `${engine}.db`);
      for (const period of ["2026-10", "2026-11"]) {
        const out = await store(["close", plan, "--data", data, "--period", period, "--store", db, "--engine", engine]);
        expect(out.stderr).toBe("");
        expect(out.exitCode).toBe(0);
      }
      const runs = JSON.parse((await store(["history", "--store", db, "--json"])).stdout) as { period: string; engine: string; earnedTotal: string }[];
      expect(runs.map((r) => [r.period, r.engine, r.earnedTotal])).toEqual([["2026-10", engine, "211.73"], ["2026-11", engine, "277.94"]]);
      const out = join(dir, `${engine}-export`);
      expect((await store(["export", "--store", db, "--period", "2026-11", "--out", out])).exitCode).toBe(0);
      exported[engine] = ["statements.csv", "ledger.csv", "ranks.csv"].map((f) => readFileSync(join(out, f), "utf8"));
    }
    expect(exported["compiled"]).toEqual(exported["reference"]);
  });

  it("an unknown engine is a command-line mistake (exit 2) with the usage line, and nothing is stored", async () => {
    const db = join(dir, "bogus.db");
    const out = await store(["close", plan, "--data", data, "--period", "2026-10", "--store", db, "--engine", "fast"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(
      "comp: `--engine` must be compiled or reference, got `fast`\n" +
        "usage: comp close <plan> --data <file> --period <YYYY-MM> --store <db> [options]\n" +
        "`comp close --help` explains its options\n",
    );
    const history = await store(["history", "--store", db]);
    expect(history.exitCode).toBe(2);
  });

  it("a wrong option of explain --store names its options and the store form's usage", async () => {
    const out = await store(["explain", "--store", join(dir, "x.db"), "--bogus"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(
      "comp: `comp explain` has no option `--bogus` (options: --store, --period, --partner, --order, --json)\n" +
        "usage: comp explain --store <db> --period <YYYY-MM> --partner <id> | --order <id>\n" +
        "`comp explain --help` explains its options\n",
    );
  });
});

describe("comp history --plan", () => {
  it("prints the stored plan text byte for byte, a byte order mark included (not escaped like listings)", async () => {
    const withBom = join(dir, "bom.plan");
    writeFileSync(withBom, "\ufeff" + readFileSync(plan, "utf8"));
    const db = join(dir, "bom.db");
    expect((await store(["close", withBom, "--data", data, "--period", "2026-10", "--store", db])).exitCode).toBe(0);
    const out = await store(["history", "--store", db, "--plan", "2026-10"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(readFileSync(withBom, "utf8"));
  });
});

describe("help for the store commands", () => {
  it("comp close|history|export --help explain the command and each option", () => {
    const close = runCli(["close", "--help"]);
    expect(close.exitCode).toBe(0);
    expect(close.stdout).toMatch(/^usage: comp close <plan> --data <file> --period <YYYY-MM> --store <db> \[options\]\n/);
    for (const option of ["--data", "--period", "--store", "--as-of", "--policy", "--engine"]) expect(close.stdout).toContain(`\n  ${option} `);
    const history = runCli(["history", "--help"]);
    expect(history.stdout).toMatch(/^usage: comp history --store <db> \[--json\] \[--plan <YYYY-MM>\]\n/);
    for (const option of ["--store", "--json", "--plan"]) expect(history.stdout).toContain(`\n  ${option} `);
    const exp = runCli(["help", "export"]);
    expect(exp.stdout).toMatch(/^usage: comp export --store <db> --period <YYYY-MM> --out <dir>\n/);
    for (const option of ["--store", "--period", "--out"]) expect(exp.stdout).toContain(`\n  ${option} `);
  });

  it("comp explain --help covers the --store forms", () => {
    const out = runCli(["explain", "--store", "comp.db", "--help"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("comp explain --store <db> --order <id> [--period <YYYY-MM>] [--json]");
    expect(out.stdout).toContain("\n  --order <id>  ");
  });
});
