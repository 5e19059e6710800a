/**
 * The store commands end to end, in-process: close three months, refuse a fourth close of a
 * closed month (exit 3, saying how to look), history, explain from the stored ledger, and an
 * export whose CSV files equal `comp run --out` for the same period.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { runStoreCommand } from "../../cli/storeCommands.ts";
import { COMP_VERSION } from "../../store/version.ts";
import { root } from "./fixtures.ts";
import { postgresUnavailable, startPgServer, type PgServer } from "./pgServer.ts";

const plan = `${root}plans/vitalis-classic.plan`;
const data = `${root}samples/tiny.data.json`;
const store = (cmd: string[]) => runStoreCommand(cmd, "USAGE");

describe("comp close | history | explain --store | export (SQLite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "comp-cli-store-"));
  const db = join(dir, "comp.db");

  it("closes three months one at a time and refuses a second close of one, exit 3", async () => {
    for (const period of ["2026-10", "2026-11", "2026-12"]) {
      const out = await store(["close", plan, "--data", data, "--period", period, "--store", db]);
      expect(out.stderr).toBe("");
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toMatch(new RegExp(`^closed ${period}: final run as of \\d{4}-\\d\\d-\\d\\d, plan "Vitalis Classic"`));
    }
    const again = await store(["close", plan, "--data", data, "--period", "2026-11", "--store", db]);
    expect(again.exitCode).toBe(3);
    expect(again.stderr).toContain("2026-11 is already closed");
    expect(again.stderr).toContain(`comp explain --store ${db} --period 2026-11 --partner <id>`);
  });

  it("history lists the periods with plan, totals and engine; --plan prints the stored plan text", async () => {
    const out = await store(["history", "--store", db, "--json"]);
    const runs = JSON.parse(out.stdout);
    expect(runs.map((r: { period: string; earnedTotal: string }) => [r.period, r.earnedTotal])).toEqual([["2026-10", "211.73"], ["2026-11", "277.94"], ["2026-12", "43.97"]]);
    const text = await store(["history", "--store", db, "--plan", "2026-10"]);
    expect(text.stdout).toBe(readFileSync(plan, "utf8"));
  });

  it("explain --store --order answers who was paid what for an order, from the stored ledger", async () => {
    const out = await store(["explain", "--store", db, "--order", "O1", "--json"]);
    const doc = JSON.parse(out.stdout);
    expect(doc.entries.map((e: { id: string; recipient: string; amount: string }) => `${e.id} ${e.recipient} ${e.amount}`)).toEqual(
      JSON.parse(runCli(["run", plan, "--data", data, "--through", "2026-10", "--json"]).stdout).periods[0].ledger
        .filter((e: { order?: string }) => e.order === "O1")
        .map((e: { id: string; recipient: string; amount: string }) => `${e.id} ${e.recipient} ${e.amount}`),
    );
    expect(doc.entries.length).toBeGreaterThan(1);
    const partner = await store(["explain", "--store", db, "--period", "2026-10", "--partner", "P1"]);
    expect(partner.stdout).toContain("earned 47.53 + carried in 0.00 -> payout 47.53, carried out 0.00");
  });

  it("export writes the same CSV files as comp run --out for that period", async () => {
    const exported = join(dir, "export");
    const out = await store(["export", "--store", db, "--period", "2026-11", "--out", exported]);
    expect(out.exitCode).toBe(0);
    const ran = join(dir, "run");
    expect(runCli(["run", plan, "--data", data, "--through", "2026-11", "--out", ran]).exitCode).toBe(0);
    for (const file of ["statements.csv", "ledger.csv", "ranks.csv"]) {
      const runLines = readFileSync(join(ran, file), "utf8").split("\r\n");
      const expected = [runLines[0], ...runLines.filter((l) => l.startsWith("2026-11,")), ""].join("\r\n");
      expect(readFileSync(join(exported, file), "utf8")).toBe(expected);
    }
  });

  it("wrong command lines and missing stores are exit 2 with a message", async () => {
    expect((await store(["close", plan, "--data", data, "--period", "2026-10"])).stderr).toContain("missing `--store");
    const missing = await store(["history", "--store", join(dir, "nope.db")]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`comp: no store at ${join(dir, "nope.db")} (nothing has been closed there yet)\n`);
    const notClosed = await store(["export", "--store", db, "--period", "2027-05", "--out", join(dir, "x")]);
    expect(notClosed.exitCode).toBe(2);
    expect(notClosed.stderr).toContain("2027-05 is not closed");
  });
});

it("the engine version recorded with each closed period is the package's version", () => {
  expect(COMP_VERSION).toBe(JSON.parse(readFileSync(`${root}package.json`, "utf8")).version);
});

const pgReason = postgresUnavailable();
let pg: PgServer | null = null;
beforeAll(async () => {
  if (pgReason === null) pg = await startPgServer();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
});

describe.each(["sqlite", "postgres"] as const)("the README's monthly walk-through on %s: three months, a cancellation of October's O1, January under each policy", (backend) => {
  const dir = mkdtempSync(join(tmpdir(), "comp-readme-"));
  const cancelled = `${root}samples/tiny-cancelled.data.json`;
  const skip = backend === "postgres" && pgReason !== null;

  it("samples/tiny-cancelled.data.json is tiny plus the one cancellation X1 of O1", () => {
    const tiny = JSON.parse(readFileSync(data, "utf8"));
    expect(JSON.parse(readFileSync(cancelled, "utf8"))).toEqual({ ...tiny, cancellations: [{ id: "X1", order: "O1", date: "2027-01-12", goods: "returned" }] });
  });

  for (const [policy, entries, earned] of [["simple", 0, "0.00"], ["previous-rank", 3, "-10.96"], ["exact", 3, "-10.96"]] as const) {
    it.skipIf(skip)(`January under ${policy}: ${entries} clawback entries, earned ${earned}; O1 nets to what the policy reclaims`, async () => {
      const db = backend === "sqlite" ? join(dir, `${policy}.db`) : await pg!.createDatabase(`readme_${policy.replace("-", "_")}`);
      for (const period of ["2026-10", "2026-11", "2026-12"]) {
        expect((await store(["close", plan, "--data", data, "--period", period, "--store", db])).exitCode).toBe(0);
      }
      const january = await store(["close", plan, "--data", cancelled, "--period", "2027-01", "--store", db, "--policy", policy]);
      expect(january.stderr).toBe("");
      expect(january.stdout).toContain(`12 partners, ${entries} ledger entries, earned ${earned}`);
      const o1 = JSON.parse((await store(["explain", "--store", db, "--order", "O1", "--json"])).stdout);
      const amounts = o1.entries.map((e: { id: string; recipient: string; amount: string }) => `${e.id} ${e.recipient} ${e.amount}`);
      const october = ["2026-10#1 P4 2.74", "2026-10#2 P1 2.74", "2026-10#3 P4 5.48"];
      expect(amounts).toEqual(policy === "simple" ? october : [...october, "2027-01#1 P4 -2.74", "2027-01#2 P1 -2.74", "2027-01#3 P4 -5.48"]);
    });
  }
});
