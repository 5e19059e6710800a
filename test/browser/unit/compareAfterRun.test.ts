/**
 * A comparison asked of the worker that holds the shown run (the usual Compare after Run): it
 * takes the run's plan and data as they are and the run itself as the replay of the run's
 * policy (playground/src/worker/knownRun.ts). The reply must be the very one a fresh worker
 * gives, whatever the run's policy and period; and the run's own replay must not be computed
 * again when it is the same run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Engine, Policy, RunOptions } from "../../../runtime/surface.ts";
import { defaultEngine } from "../../../runtime/defaultEngine.ts";
import type { DataSource } from "../../../playground/src/worker/protocol.ts";
import { Session } from "../../../playground/src/worker/session.ts";

const vitalis = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");
const lateCancel: DataSource = { kind: "scenario", name: "late-cancel" };
const generated: DataSource = { kind: "generated", size: "1k", seed: 5 };

/** The engine with every runThroughView's options written down (the policy, or "without"). */
function countingEngine(): { engine: Engine; runs: string[] } {
  const runs: string[] = [];
  const label = (o: RunOptions) => `${o.ignoreAfterRunCancellations ? "without" : (o.policy ?? "plan")} ${o.through}`;
  return {
    runs,
    engine: {
      ...defaultEngine,
      runThroughView: (ir, data, options) => {
        runs.push(label(options));
        return defaultEngine.runThroughView(ir, data, options);
      },
    },
  };
}

async function freshComparison(source: DataSource, through: string) {
  return new Session().compare(vitalis, source, through, () => {});
}

describe("a comparison in the worker that holds the shown run", () => {
  const cases: { source: DataSource; runThrough: string | null; policy: Policy | null; compareThrough: string; reused: boolean }[] = [
    { source: lateCancel, runThrough: null, policy: null, compareThrough: "2026-11", reused: true },
    { source: lateCancel, runThrough: null, policy: "simple", compareThrough: "2026-11", reused: true },
    { source: lateCancel, runThrough: "2026-10", policy: null, compareThrough: "2026-11", reused: false },
    { source: generated, runThrough: null, policy: "previous-rank", compareThrough: "2026-12", reused: true },
  ];
  for (const c of cases) {
    it(`gives the fresh worker's reply: ${c.source.kind === "scenario" ? c.source.name : "generated 1k"}, run ${c.runThrough ?? "to the last order"} under ${c.policy ?? "the plan's policy"}, compared through ${c.compareThrough}`, async () => {
      const { engine, runs } = countingEngine();
      const session = new Session(engine);
      const run = await session.run(vitalis, c.source, c.runThrough, c.policy, () => {});
      expect(run.kind).toBe("done");
      const policy = run.kind === "done" ? run.run.policy : null;
      runs.length = 0;
      const reply = await session.compare(vitalis, c.source, c.compareThrough, () => {});
      expect(reply).toEqual(await freshComparison(c.source, c.compareThrough));
      expect(reply.policies.ok).toBe(true);
      // The replay of the run's policy through the same period is the run itself.
      const all = ["without", "simple", "previous-rank", "exact"].map((r) => `${r} ${c.compareThrough}`);
      expect(runs).toEqual(c.reused ? all.filter((r) => r !== `${policy} ${c.compareThrough}`) : all);
      // The shown run still answers its queries.
      expect(session.finished().statements(run.kind === "done" ? run.run.through : "", "partner", false, "", 0, 5).rows.length).toBeGreaterThan(0);
    });
  }

  it("compiles an edited plan again instead of taking the run's", async () => {
    const { engine, runs } = countingEngine();
    const session = new Session(engine);
    expect((await session.run(vitalis, lateCancel, null, null, () => {})).kind).toBe("done");
    runs.length = 0;
    const edited = `${vitalis}\n# an edit\n`;
    const reply = await session.compare(edited, lateCancel, "2026-11", () => {});
    expect(reply).toEqual(await freshComparison(lateCancel, "2026-11"));
    expect(runs).toHaveLength(4);
  });

  it("runs each split mode once with every agreement: the split comparison's runs are the agreement effects' baseline", async () => {
    const modes: string[] = [];
    const engine: Engine = {
      ...defaultEngine,
      runThrough: (ir, data, options) => {
        modes.push(`${options.splitMode ?? "plan"} ${data.splits.length}`);
        return defaultEngine.runThrough(ir, data, options);
      },
    };
    const reply = await new Session(engine).compare(vitalis, { kind: "scenario", name: "stage-speaker" }, "2026-11", () => {});
    expect(reply.agreementEffects?.effects).toHaveLength(8);
    // With all 8 agreements: one run per mode; then one per mode without each agreement.
    expect(modes.filter((m) => m.endsWith(" 8"))).toEqual(["volume 8", "commission 8"]);
    expect(modes.filter((m) => m.endsWith(" 7"))).toHaveLength(16);
  });
});
