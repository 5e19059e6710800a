/**
 * Monthly operation on both databases: round trips, three closes = one --through run, refusal of
 * a second close, atomicity under a failure mid-write, data contradicting the stored history.
 * PostgreSQL tests run against a throw-away server (pgServer.ts) or are skipped, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../core/engine.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import type { PeriodResult } from "../../core/result.ts";
import { closePeriod } from "../../store/close.ts";
import { openStore } from "../../store/open.ts";
import { StoreError, type HistoryStore } from "../../store/types.ts";
import { COMP_VERSION } from "../../store/version.ts";
import { dataDoc, dataFile, examples, freshStore, planFile, root, type Backend } from "./fixtures.ts";
import { postgresUnavailable, startPgServer, type PgServer } from "./pgServer.ts";

const pgReason = postgresUnavailable();
if (pgReason !== null) console.warn(`PostgreSQL store tests skipped: ${pgReason}`);
let pg: PgServer | null = null;
beforeAll(async () => {
  if (pgReason === null) pg = await startPgServer();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
});

it.runIf(pgReason !== null && process.env["COMP_REQUIRE_POSTGRES"] === "1")("PostgreSQL is available where it is required (CI)", () => {
  throw new Error(`COMP_REQUIRE_POSTGRES=1 but ${pgReason}`);
});

const CLOSED_AT = "2026-12-01T00:00:00.000Z";

async function closeAll(store: HistoryStore, p: ReturnType<typeof planFile>, data: ReturnType<typeof dataFile>, periods: string[], policy?: "simple" | "previous-rank" | "exact", engine: Engine = referenceEngine) {
  for (const period of periods) {
    await closePeriod({ store, engine, ...p, data, period, closedAt: CLOSED_AT, ...(policy ? { policy } : {}) });
  }
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function countRows(store: HistoryStore): Promise<{ runs: number; ledger: number; partners: number }> {
  const runs = await store.runs();
  let ledger = 0;
  for await (const _ of store.ledger({})) ledger++;
  let partners = 0;
  for (const r of runs) for await (const _ of store.partners(r.period)) partners++;
  return { runs: runs.length, ledger, partners };
}

describe.each<Backend>(["sqlite", "postgres"])("%s store", (backend) => {
  const skip = backend === "postgres" && pgReason !== null;

  it.skipIf(skip)("three single closes equal one --through run, read back key for key (vitalis, tiny sample)", async () => {
    const { store } = await freshStore(backend, pg);
    const p = planFile(`${root}plans/vitalis-classic.plan`);
    const data = dataFile(`${root}samples/tiny.data.json`);
    await closeAll(store, p, data, ["2026-10", "2026-11", "2026-12"]);
    const through = runThrough(p.ir, data, { through: "2026-12" });
    if (!through.ok) throw new Error(through.error.message);
    for (const expected of through.result.periods) {
      const stored: PeriodResult = await store.readPeriod(expected.period);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(expected));
    }
    const runs = await store.runs();
    expect(runs.map((r) => [r.period, r.asOf, r.planName, r.policy, r.engine, r.engineVersion])).toEqual(
      through.result.periods.map((x) => [x.period, x.asOf, "Vitalis Classic", "exact", "reference", COMP_VERSION]),
    );
    expect(runs[0]!.ledgerCount).toBe(through.result.periods[0]!.ledger.length);
    await store.close();
  });

  for (const [policy, engine] of [["simple", referenceEngine], ["previous-rank", referenceEngine], ["exact", referenceEngine], ["simple", compiledEngine], ["previous-rank", compiledEngine], ["exact", compiledEngine]] as const) {
    it.skipIf(skip)(`four ${engine.name} closes equal the reference's --through 2027-01 under ${policy}: a late cancellation reaches back into a closed month (example f)`, async () => {
      const { store } = await freshStore(backend, pg);
      const p = planFile(`${examples}f_late_cancel.plan`);
      const data = dataFile(`${examples}f_late_cancel.data.json`);
      await closeAll(store, p, data, ["2026-10", "2026-11", "2026-12", "2027-01"], policy, engine);
      const through = runThrough(p.ir, data, { through: "2027-01", policy });
      if (!through.ok) throw new Error(through.error.message);
      for (const expected of through.result.periods) expect(JSON.stringify(await store.readPeriod(expected.period))).toBe(JSON.stringify(expected));
      // The November statement of S1 from f_late_cancel.md, per policy.
      const november = await store.readPeriod("2026-11");
      expect(november.statements["S1"]!.earned).toBe({ simple: "-12.00", "previous-rank": "-17.00", exact: "-37.00" }[policy]);
      await store.close();
    });
  }

  it.skipIf(skip)("carried balances cross closes exactly (example h)", async () => {
    const { store } = await freshStore(backend, pg);
    const p = planFile(`${examples}h_balances.plan`);
    const data = dataFile(`${examples}h_balances.data.json`);
    const through = runThrough(p.ir, data, { through: "2027-01" });
    if (!through.ok) throw new Error(through.error.message);
    await closeAll(store, p, data, through.result.periods.map((x) => x.period));
    for (const expected of through.result.periods) expect(JSON.stringify(await store.readPeriod(expected.period))).toBe(JSON.stringify(expected));
    await store.close();
  });

  it.skipIf(skip)("a second close of a period is refused, saying how to look at it; a gap is refused too", async () => {
    const { store, where } = await freshStore(backend, pg);
    const p = planFile(`${root}plans/vitalis-classic.plan`);
    const data = dataFile(`${root}samples/tiny.data.json`);
    await closeAll(store, p, data, ["2026-10"]);
    const again = await refusal(closePeriod({ store, engine: referenceEngine, ...p, data, period: "2026-10" }));
    expect(again.code).toBe("already-closed");
    expect(again.message).toMatch(/^2026-10 is already closed \(final run as of 2026-11-/);
    expect(again.details[0]).toBe(`comp history --store ${where}`);
    const gap = await refusal(closePeriod({ store, engine: referenceEngine, ...p, data, period: "2026-12" }));
    expect(gap.code).toBe("not-next");
    expect(gap.message).toContain("the next one to close is 2026-11");
    expect((await store.runs()).length).toBe(1);
    await store.close();
  });

  it.skipIf(skip)("two closes of the same period at once, through two connections: one stores it, the other is refused", async () => {
    const { store, where } = await freshStore(backend, pg);
    const second = await openStore(where);
    const p = planFile(`${root}plans/vitalis-classic.plan`);
    const data = dataFile(`${root}samples/tiny.data.json`);
    const close = (s: HistoryStore) => closePeriod({ store: s, engine: referenceEngine, ...p, data, period: "2026-10", closedAt: CLOSED_AT });
    const outcomes = await Promise.allSettled([close(store), close(second)]);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBe(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(StoreError);
    expect((refused.reason as StoreError).code).toBe("already-closed");
    expect((refused.reason as StoreError).message).toBe("2026-10 was closed by another run meanwhile; a closed period never changes. Look at it with:");
    expect((await store.runs()).length).toBe(1);
    await second.close();
    await store.close();
  });

  it.skipIf(skip)("a failure in the middle of writing a period leaves the store as it was", async () => {
    const { store } = await freshStore(backend, pg);
    const p = planFile(`${root}plans/vitalis-classic.plan`);
    const data = dataFile(`${root}samples/tiny.data.json`);
    await closeAll(store, p, data, ["2026-10"]);
    const before = await countRows(store);
    const through = runThrough(p.ir, data, { through: "2026-11" });
    if (!through.ok) throw new Error(through.error.message);
    const november = through.result.periods[1]!;
    expect(november.ledger.length).toBeGreaterThan(4);
    // The ledger fails half-way: partners, the run row and half the entries are already written.
    const ledger = [...november.ledger];
    const half = Math.floor(ledger.length / 2);
    Object.defineProperty(ledger, half, { get: () => { throw new Error("disk full (injected)"); } });
    const failing = { ...november, ledger };
    const error = await refusal(store.write({
      meta: { period: "2026-11", asOf: november.asOf, planName: p.ir.name, planHash: "h", policy: "exact", splitMode: "volume", engine: "reference", engineVersion: COMP_VERSION, closedAt: CLOSED_AT },
      planText: p.planText, result: failing, earnedTotal: "0.00", payoutTotal: "0.00", orders: [{ id: "x", period: "2026-11", fingerprint: "f" }], cancellations: [],
    }));
    expect(error.code).toBe("write-failed");
    expect(error.message).toMatch(/^nothing was stored: .*disk full \(injected\)/);
    expect(await countRows(store)).toEqual(before);
    expect((await store.fingerprints("orders")).has("x")).toBe(false);
    // And the period closes normally afterwards.
    await closeAll(store, p, data, ["2026-11"]);
    expect(JSON.stringify(await store.readPeriod("2026-11"))).toBe(JSON.stringify(november));
    await store.close();
  });

  it.skipIf(skip)("data that contradicts a closed period is refused, naming the order or cancellation", async () => {
    const { store } = await freshStore(backend, pg);
    const p = planFile(`${examples}f_late_cancel.plan`);
    const doc = JSON.parse(JSON.stringify(await import(`${examples}f_late_cancel.data.json`, { with: { type: "json" } }).then((m) => m.default)));
    await closeAll(store, p, dataDoc(doc), ["2026-10"]);
    const changed = structuredClone(doc);
    changed.orders[1].lines[0].net = "120.00";
    const e1 = await refusal(closePeriod({ store, engine: referenceEngine, ...p, data: dataDoc(changed), period: "2026-11" }));
    expect(e1.code).toBe("contradiction");
    expect(e1.details).toEqual(["order O2 was changed after 2026-10, the period that commissioned it, was closed; record a cancellation instead"]);
    const backdated = structuredClone(doc);
    backdated.orders.push({ id: "O9", buyer: "S1", date: "2026-10-20", paid: "2026-10-20", delivered: "2026-10-21", lines: [{ sku: "SKU-1", qty: 1, net: "10.00", points: "10" }] });
    backdated.cancellations.push({ id: "C0", order: "O2", date: "2026-10-30", goods: "returned" });
    const e2 = await refusal(closePeriod({ store, engine: referenceEngine, ...p, data: dataDoc(backdated), period: "2026-11" }));
    expect(e2.details).toEqual([
      "order O9 (dated 2026-10-20) would count in 2026-10, which is already closed: it was added or changed after that close",
      "cancellation C0 of order O2 (dated 2026-10-30) belongs to the closed history but was not in the data when it was closed",
    ]);
    const removed = structuredClone(doc);
    removed.orders.splice(0, 1);
    removed.cancellations = [];
    const e3 = await refusal(closePeriod({ store, engine: referenceEngine, ...p, data: dataDoc(removed), period: "2026-11" }));
    expect(e3.details).toEqual(["order O1 was commissioned in 2026-10, which is closed, and is missing from the data"]);
    expect((await store.runs()).length).toBe(1);
    await store.close();
  });
});
