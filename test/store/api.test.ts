/**
 * The store's embedding API (`comp-plan/store`, store/index.ts): wrong arguments are an
 * InvalidArgumentError naming the function and the argument, and a close never stores a plan
 * text that is not the plan it ran.
 */
import { describe, expect, it } from "vitest";
import { referenceEngine } from "../../runtime/api.ts";
import { closePeriod, InvalidArgumentError, openStore } from "../../store/index.ts";
import { dataFile, examples, freshStore, planFile } from "./fixtures.ts";

async function thrown(promise: Promise<unknown>): Promise<InvalidArgumentError> {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(InvalidArgumentError);
  return e as InvalidArgumentError;
}

describe("comp-plan/store argument checks", () => {
  const p = planFile(`${examples}f_late_cancel.plan`);
  const other = planFile(`${examples}c_differential.plan`);
  const data = dataFile(`${examples}f_late_cancel.data.json`);

  it("closePeriod names the argument at fault; nothing is stored", async () => {
    const { store } = await freshStore("sqlite", null);
    const base = { store, engine: referenceEngine, ...p, data, period: "2026-10" };
    expect((await thrown(closePeriod({ ...base, period: "2026-13" }))).message).toBe('closePeriod: `input.period` must be a period "YYYY-MM" (years 0001 to 9999), got the text "2026-13"');
    expect((await thrown(closePeriod({ ...base, planText: other.planText }))).argument).toBe("input.planText");
    expect((await thrown(closePeriod({ ...base, policy: "bogus" as "exact" }))).argument).toBe("input.policy");
    expect((await thrown(closePeriod({ ...base, store: {} as typeof store }))).argument).toBe("input.store");
    expect((await thrown(closePeriod({ ...base, data: { partners: [] } as unknown as typeof data }))).argument).toMatch(/^input\.data/);
    expect(await store.runs()).toEqual([]);
    const done = await closePeriod(base);
    expect(done.run.period).toBe("2026-10");
    await store.close();
  });

  it("openStore refuses what is not a place", async () => {
    expect((await thrown(openStore(""))).argument).toBe("where");
    expect((await thrown(openStore(42 as unknown as string))).argument).toBe("where");
  });
});
