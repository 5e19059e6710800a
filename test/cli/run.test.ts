import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { validateResult } from "../../core/validateResult.ts";

const ex = fileURLToPath(new URL("../../docs/spec/examples/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

describe("comp run", () => {
  it("prints example c's statements: P5 100.00, P3 50.00, P1 200.00 (c_differential.md)", () => {
    const out = runCli(["run", `${ex}c_differential.plan`, "--data", `${ex}c_differential.data.json`, "--through", "2026-10"]);
    expect(out.stderr).toBe("");
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("== 2026-10 (final run as of 2026-11-01) ==");
    const row = (id: string) => out.stdout.split("\n").find((l) => l.startsWith(id + " "))!.split(/\s+/);
    expect(row("P5").slice(3, 7)).toEqual(["100.00", "0.00", "100.00", "0.00"]);
    expect(row("P3").slice(3, 7)).toEqual(["50.00", "0.00", "50.00", "0.00"]);
    expect(row("P1").slice(3, 7)).toEqual(["200.00", "0.00", "200.00", "0.00"]);
  });

  it("--json writes a result document that passes its schema", () => {
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", `${root}samples/tiny.data.json`, "--through", "2026-12", "--json"]);
    expect(out.exitCode).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(validateResult(doc)).toEqual([]);
    expect(doc.plan).toBe("Vitalis Classic");
    expect(doc.periods.map((p: { period: string }) => p.period)).toEqual(["2026-10", "2026-11", "2026-12"]);
  });

  it("--policy overrides the plan: example f under simple leaves S1 carrying -12.00 (f_late_cancel.md)", () => {
    const out = runCli(["run", `${ex}f_late_cancel.plan`, "--data", `${ex}f_late_cancel.data.json`, "--through", "2026-11", "--policy", "simple", "--json"]);
    expect(out.exitCode).toBe(0);
    const nov = JSON.parse(out.stdout).periods.find((p: { period: string }) => p.period === "2026-11");
    expect(nov.statements.S1).toEqual({ earned: "-12.00", carriedIn: "0.00", payout: "0.00", carriedOut: "-12.00" });
  });

  it("is the same bytes twice (a run is a pure function of its inputs)", () => {
    const argv = ["run", `${ex}h_balances.plan`, "--data", `${ex}h_balances.data.json`, "--through", "2027-01", "--json"];
    expect(runCli(argv).stdout).toBe(runCli(argv).stdout);
  });

  it("a through period before any order is refused with exit 3", () => {
    const out = runCli(["run", `${ex}a_seed_levels.plan`, "--data", `${ex}a_seed_levels.data.json`, "--through", "2020-01"]);
    expect(out.exitCode).toBe(3);
    expect(out.stderr).toMatch(/^run refused/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("bad files give every problem and exit 1, never a stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "comp-cli-"));
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it("a data file with a cycle, an unknown buyer and an unknown cancelled order", () => {
    const f = write("bad.json", JSON.stringify({
      partners: [{ id: "A", sponsor: "B", joined: "2025-01-01" }, { id: "B", sponsor: "A", joined: "2025-01-01" }],
      orders: [{ id: "O1", buyer: "X", date: "2026-10-05", paid: "2026-10-05", delivered: "2026-10-07", lines: [{ sku: "S", qty: 1, net: "1", points: "1" }] }],
      cancellations: [{ id: "C1", order: "O9", date: "2026-10-09", goods: "lost" }],
    }));
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", f, "--through", "2026-10"]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("sponsor cycle of 2 partners");
    expect(out.stderr).toContain("orders[0].buyer (O1): unknown buyer `X`");
    expect(out.stderr).toContain("cancellations[0].order (C1): unknown order `O9`");
    expect(out.stderr).toMatch(/3 problems in the data; nothing was computed\n$/);
  });

  it("a data file that is not JSON names line and column", () => {
    const f = write("broken.json", '{"partners": [\n  {"id": "A",}\n]}');
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", f, "--through", "2026-10"]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/not valid JSON: .* at line 2, column \d+/);
  });

  it("a broken plan stops the run with its diagnostics", () => {
    const f = write("broken.plan", 'plan "X"\ncurrency EUR\nvolume PV = points\nranks { A }\nbonus levle "L" on PV { level 1: 5% }\n');
    const out = runCli(["run", f, "--data", `${ex}a_seed_levels.data.json`, "--through", "2026-10"]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain("unknown bonus kind `levle`");
    expect(out.stderr).toMatch(/nothing was run\n$/);
  });
});

describe("comp explain", () => {
  it("traces P1's differential in example c to order O1, step 4, base 1000.00, rate 20%", () => {
    const out = runCli(["explain", `${ex}c_differential.plan`, "--data", `${ex}c_differential.data.json`, "--period", "2026-10", "--partner", "P1"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("paid-as rank: Director; active: yes");
    const line = out.stdout.split("\n").find((l) => l.includes("O1 (K)"))!;
    expect(line.split(/\s{2,}/).slice(1, 7)).toEqual(["O1 (K)", "recruiter", "4", "1000.00", "20%", "200.00"]);
    expect(out.stdout).toContain("earned 200.00 + carried in 0.00 -> payout 200.00, carried out 0.00");
  });

  it("an unknown partner and a customer are named", () => {
    const base = ["explain", `${ex}c_differential.plan`, "--data", `${ex}c_differential.data.json`, "--period", "2026-10", "--partner"];
    expect(runCli([...base, "NOPE"]).stderr).toMatch(/no partner `NOPE`/);
    expect(runCli([...base, "K"]).stderr).toMatch(/`K` is a customer/);
  });
});

describe("comp run --as-of: closing a period on a given date", () => {
  // i_release.md: October counts O1 only (delivered 10-25, deadline 11-08), so October can be
  // closed as of 2026-11-08 at the earliest.
  const base = ["run", `${ex}i_release.plan`, "--data", `${ex}i_release.data.json`, "--through", "2026-10"];

  it("a final run before the withdrawal deadline is refused, naming the blocking order and the earliest date", () => {
    const out = runCli([...base, "--as-of", "2026-11-05"]);
    expect(out.exitCode).toBe(3);
    expect(out.stderr).toContain("order O1: delivered 2026-10-25, withdrawal deadline 2026-11-08");
    expect(out.stderr).toContain("earliest allowed as-of date: 2026-11-08");
  });

  it("on the earliest allowed date the final run goes through: T earns 10.00", () => {
    const out = runCli([...base, "--as-of", "2026-11-08", "--json"]);
    expect(out.exitCode).toBe(0);
    const oct = JSON.parse(out.stdout).periods[0];
    expect([oct.asOf, oct.final, oct.statements.T.earned]).toEqual(["2026-11-08", true, "10.00"]);
  });

  it("a preliminary run may be made any time and is labelled as such: before O1 is commissionable it pays nothing", () => {
    const out = runCli([...base, "--as-of", "2026-10-20", "--preliminary", "--json"]);
    expect(out.exitCode).toBe(0);
    const oct = JSON.parse(out.stdout).periods[0];
    expect([oct.asOf, oct.final, oct.ledger.length]).toEqual(["2026-10-20", false, 0]);
  });

  it("--preliminary without --as-of and a malformed date are usage errors", () => {
    expect(runCli([...base, "--preliminary"]).stderr).toMatch(/`--preliminary` needs `--as-of/);
    expect(runCli([...base, "--as-of", "2026-02-30"]).exitCode).toBe(2);
  });
});
