import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";

const ex = fileURLToPath(new URL("../../docs/spec/examples/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
const f = ["compare", `${ex}f_late_cancel.plan`, "--data", `${ex}f_late_cancel.data.json`, "--through", "2026-11"];

describe("comp compare", () => {
  it("shows example f's reclaimed amounts side by side: 15.00 / 25.00 / 45.00 of 45.00 (f_late_cancel.md)", () => {
    const out = runCli(f);
    expect(out.exitCode).toBe(0);
    const row = (label: string) => out.stdout.split("\n").find((l) => l.trimStart().startsWith(label))!.trim().split(/\s{2,}/);
    expect(row("total clawback")).toEqual(["total clawback", "15.00", "25.00", "45.00"]);
    expect(row("from partners paid on the order")).toEqual(["from partners paid on the order", "15.00", "25.00", "45.00"]);
    // carried: simple S1 -12.00; previous-rank S1 -17.00 + N -5.00; exact S1 -37.00 + N -5.00
    expect(row("negative balances carried")).toEqual(["negative balances carried", "12.00", "22.00", "42.00"]);
  });

  it("--json gives the comparison document", () => {
    const doc = JSON.parse(runCli([...f, "--json"]).stdout);
    expect(doc.policies.map((p: { policy: string; totalClawback: string }) => [p.policy, p.totalClawback])).toEqual([
      ["simple", "15.00"],
      ["previous-rank", "25.00"],
      ["exact", "45.00"],
    ]);
  });

  it("--splits compares volume and commission mode on the stage-speaker scenario", () => {
    const out = runCli(["compare", `${root}plans/vitalis-classic.plan`, "--data", `${root}samples/stage-speaker.data.json`, "--through", "2026-11", "--splits", "--json"]);
    expect(out.exitCode).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.modes.map((m: { mode: string }) => m.mode)).toEqual(["volume", "commission"]);
  });

  it("--splits on a plan without a split block says so", () => {
    const out = runCli([...f, "--splits"]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/has no `split` block/);
  });
});
