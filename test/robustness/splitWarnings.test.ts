/** Issue 11, item 5: split agreements a plan cannot apply are ignored with a warning (semantics §3), so two plans run on the same data. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("split agreements under a plan without a split block", () => {
  it("comp run warns on standard error and runs (exit 0) instead of refusing", () => {
    const out = runCli(["run", `${root}plans/unilevel-essentials.plan`, "--data", `${root}samples/stage-speaker.data.json`, "--through", "2026-11", "--json"]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe(`${root}samples/stage-speaker.data.json: warning: splits: the plan has no \`split\` block, so the data's 8 split agreements are ignored\n`);
    expect(JSON.parse(out.stdout).periods.length).toBeGreaterThan(0);
  });

  it("the same data under a plan with a split block gives no warning", () => {
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", `${root}samples/stage-speaker.data.json`, "--through", "2026-11", "--json"]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe("");
  });
});
