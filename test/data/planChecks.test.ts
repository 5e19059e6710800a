/** checkDataAgainstPlan: line figures the measures need, split shares against the plan's split block. */
import { describe, expect, it } from "vitest";
import { IR_VERSION, type PlanIR } from "../../core/ir.ts";
import type { DataDocument } from "../../runtime/data/document.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { checkDataAgainstPlan, dataWarningsAgainstPlan } from "../../runtime/data/planChecks.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { smallDocument } from "./fixtures.ts";

/** A minimal plan: PV = points, CV = net, XV = points (two measures on one figure), split PV and CV. */
function plan(split: PlanIR["split"]): PlanIR {
  return {
    irVersion: IR_VERSION,
    name: "Test plan",
    version: null,
    currency: "EUR",
    rounding: { mode: "half-up", unit: "0.01" },
    period: "monthly",
    measures: [
      { name: "PV", figure: "points" },
      { name: "CV", figure: "net" },
      { name: "XV", figure: "points" },
    ],
    activity: null,
    ranks: [{ name: "Consultant", condition: null }],
    breakaway: null,
    bonuses: [{ kind: "level", name: "Ebenenbonus", measure: 1, levels: [{ rate: "0.05", requires: null }], compression: false }],
    split,
    cancellation: { withdrawalDays: 14, policy: "exact", lateCanceller: null },
    payoutMinimum: "0",
  };
}

const splitPvCv: PlanIR["split"] = { title: "Mentorenbonus", mode: "volume", measures: [0, 1], defaultShare: "0.5" };

function dataset(doc: DataDocument): Dataset {
  const result = validateData(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.data;
}

describe("checkDataAgainstPlan", () => {
  it("accepts data that carries every figure and splits only split measures", () => {
    const doc = smallDocument();
    doc.splits = [{ member: "P3", supporter: "P1", share: { PV: "50%", CV: "30%" } }, { member: "K1", supporter: "P1" }];
    expect(checkDataAgainstPlan(plan(splitPvCv), dataset(doc))).toEqual([]);
  });

  it("names every line without a figure a measure needs, and the measures", () => {
    const doc = smallDocument();
    doc.orders[0] = { id: "O1", buyer: "P3", date: "2026-10-05", lines: [{ sku: "A", qty: 1, net: "1" }, { sku: "B", qty: 1 }] };
    doc.orders[1] = { id: "O2", buyer: "K1", date: "2026-10-12", lines: [{ sku: "C", qty: 1, points: "5", pts: "5" }] };
    expect(checkDataAgainstPlan(plan(null), dataset(doc))).toEqual([
      { path: "orders[0].lines[0]", id: "O1", message: "line 0 (`A`) has no `points` figure, which measures `PV` and `XV` need" },
      { path: "orders[0].lines[1]", id: "O1", message: "line 1 (`B`) has no `net` figure, which measure `CV` needs" },
      { path: "orders[0].lines[1]", id: "O1", message: "line 1 (`B`) has no `points` figure, which measures `PV` and `XV` need" },
      { path: "orders[1].lines[0]", id: "O2", message: "line 0 (`C`) has no `net` figure, which measure `CV` needs" },
    ]);
  });

  it("reports a missing figure for every order that shares one lines array, and none for a shared complete one", () => {
    const doc = smallDocument();
    const data = dataset(doc);
    const complete = data.orders[0]!.lines;
    const missing = [{ sku: "B", qty: "1", figures: { net: "1" } }];
    // Read from a file, orders with equal lines share one array (fastRecords.ts orderLines).
    const orders = [0, 1, 2, 3].map((k) => ({ ...data.orders[0]!, id: `S${k}`, lines: k % 2 === 0 ? complete : missing }));
    const shared: Dataset = { ...data, orders: [...orders, ...data.orders] };
    expect(checkDataAgainstPlan(plan(null), shared)).toEqual([
      { path: "orders[1].lines[0]", id: "S1", message: "line 0 (`B`) has no `points` figure, which measures `PV` and `XV` need" },
      { path: "orders[3].lines[0]", id: "S3", message: "line 0 (`B`) has no `points` figure, which measures `PV` and `XV` need" },
    ]);
  });

  it("ignores split agreements with a warning when the plan has no split block (semantics §3)", () => {
    const doc = smallDocument();
    doc.splits = [{ member: "K1", supporter: "P1" }, { member: "P3", supporter: "P1" }];
    expect(checkDataAgainstPlan(plan(null), dataset(doc))).toEqual([]);
    expect(dataWarningsAgainstPlan(plan(null), dataset(doc))).toEqual([
      { path: "splits", message: "the plan has no `split` block, so the data's 2 split agreements are ignored" },
    ]);
  });

  it("ignores per-measure shares for unknown measures and for measures the plan does not split, with a warning", () => {
    const doc = smallDocument();
    doc.splits = [
      { member: "K1", supporter: "P1", share: { PV: "50%", XV: "20%" } },
      { member: "P3", supporter: "P1", share: { QV: "10%" } },
    ];
    expect(checkDataAgainstPlan(plan(splitPvCv), dataset(doc))).toEqual([]);
    expect(dataWarningsAgainstPlan(plan(splitPvCv), dataset(doc))).toEqual([
      { path: "splits[0].share.XV", message: "measure `XV` is not split by the plan, which splits only `PV` and `CV`: this share is ignored" },
      { path: "splits[1].share.QV", message: "unknown measure `QV` (the plan's measures are `PV`, `CV` and `XV`): this share is ignored" },
    ]);
  });
});
