/**
 * The worker gives a run's view back to the engine when a new run replaces it (Session.run,
 * core/engine.ts `release`), and only then: a comparison of the shown run (which reads the run's
 * own view as one of its replays, worker/knownRun.ts) and the shown run's queries leave it alone.
 * A released view is not read again, and the runs after it, on arrays the engine took back,
 * give the bytes a fresh worker gives.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Engine, ResultView } from "../../../runtime/surface.ts";
import { defaultEngine } from "../../../runtime/defaultEngine.ts";
import type { DataSource } from "../../../playground/src/worker/protocol.ts";
import { Session } from "../../../playground/src/worker/session.ts";

const vitalis = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");
const generated: DataSource = { kind: "generated", size: "1k", seed: 5 };
const lateCancel: DataSource = { kind: "scenario", name: "late-cancel" };

/** The default engine, with the views it handed out and those given back written down. */
function watchedEngine(): { engine: Engine; views: ResultView[]; released: ResultView[] } {
  const views: ResultView[] = [];
  const released: ResultView[] = [];
  const release = defaultEngine.release;
  if (release === undefined) throw new Error("the default engine takes no views back: nothing to test");
  const engine: Engine = {
    ...defaultEngine,
    runThroughView: (ir, data, options) => {
      const outcome = defaultEngine.runThroughView(ir, data, options);
      if (outcome.ok) views.push(outcome.view);
      return outcome;
    },
    release: (view) => {
      released.push(view);
      release(view);
    },
  };
  return { engine, views, released };
}

/** Everything the page can download of a period: statements and ledger, CSV and JSON. */
function downloads(session: Session, period: string): string {
  const run = session.finished();
  return (["statements", "ledger"] as const)
    .flatMap((what) => (["csv", "json"] as const).map((format) => run.export(what, format, period).parts.join("")))
    .join("\n---\n");
}

describe("the worker releases a run's view when a new run replaces it", () => {
  it("keeps the shown view through its queries and a comparison, releases it on the next run, and the next runs match a fresh worker's", async () => {
    const { engine, views, released } = watchedEngine();
    const session = new Session(engine);
    const first = await session.run(vitalis, generated, null, null, () => {});
    if (first.kind !== "done") throw new Error(`the run did not finish: ${first.kind}`);
    const shown = views[0]!;
    const last = first.run.through;
    const before = downloads(session, last);
    await session.compare(vitalis, generated, last, () => {});
    expect(released).toEqual([]);
    expect(downloads(session, last)).toBe(before);

    // Two more runs: each releases the one it replaces, and reuses its arrays.
    const shownViews = [shown];
    for (const policy of ["simple", "exact"] as const) {
      const again = await session.run(vitalis, generated, null, policy, () => {});
      expect(again.kind).toBe("done");
      shownViews.push(views[views.length - 1]!);
      const fresh = new Session();
      await fresh.run(vitalis, generated, null, policy, () => {});
      expect(downloads(session, last)).toBe(downloads(fresh, last));
    }
    // Only the shown runs' views, each once: the comparison's replays are runtime/compare's business.
    expect(released).toEqual(shownViews.slice(0, 2));
    // A released view is not read again: the engine refuses, rather than showing another run's numbers.
    // (Its last period: a leading period the comparison's replays shared stays while they hold it, periodRelease.ts.)
    const lastPeriod = shown.periods[shown.periods.length - 1]!;
    expect(lastPeriod.period).toBe(last);
    expect(() => lastPeriod.ledgerEntry(0)).toThrow(/read after its view was released/);
  });

  it("releases the shown view when the next run fails, and then answers no query", async () => {
    const { engine, views, released } = watchedEngine();
    const session = new Session(engine);
    expect((await session.run(vitalis, lateCancel, null, null, () => {})).kind).toBe("done");
    const failed = await session.run("plan broken", lateCancel, null, null, () => {});
    expect(failed.kind).toBe("plan-errors");
    expect(released).toEqual([views[0]]);
    expect(() => session.finished()).toThrow("there is no finished run: press Run first");
  });
});
