/**
 * Orders with the same lines share one lines array and line objects (fastRecords.ts
 * orderLines). That is only safe if nothing mutates a Dataset's lines or tells them apart by
 * identity: here both engines run on a read Dataset whose shared lines are frozen (a write to a
 * frozen object throws in a module) and must give the document of the unshared Dataset.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../../compiler/compile.ts";
import type { Dataset, Order } from "../../../core/dataModel.ts";
import type { PlanIR, Policy } from "../../../core/ir.ts";
import { compiledEngine } from "../../../runtime/compiled/engine.ts";
import { DataFileReader } from "../../../runtime/data/stream/dataFileReader.ts";
import { fastOrder, RecordMemo } from "../../../runtime/data/stream/fastRecords.ts";
import { validateData } from "../../../runtime/data/validate.ts";
import { referenceEngine } from "../../../runtime/reference/engine.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const TYPES = { partners: "partner", customers: "customer", splits: "split", orders: "order", cancellations: "cancellation" } as const;

function sample(name: string): Record<string, unknown[]> {
  return JSON.parse(readFileSync(`${root}samples/${name}`, "utf8")) as Record<string, unknown[]>;
}

/** The document read as JSON Lines, the way comp run reads a .jsonl file. */
function readAsJsonLines(doc: Record<string, unknown[]>): Dataset {
  const reader = new DataFileReader("lines");
  for (const [section, type] of Object.entries(TYPES)) {
    for (const record of doc[section] ?? []) reader.feed(JSON.stringify({ type, ...(record as object) }) + "\n");
  }
  reader.end();
  const built = reader.builder.finish();
  if (!built.ok || reader.located.length > 0) throw new Error("sample does not read");
  return built.data;
}

function freezeLines(orders: readonly Order[]): void {
  for (const order of orders) {
    for (const line of order.lines) {
      Object.freeze(line.figures);
      Object.freeze(line);
    }
    Object.freeze(order.lines);
  }
}

describe("shared order lines", () => {
  it("orders with equal lines share them; the lines equal the general path's", () => {
    const memo = new RecordMemo();
    const a = { id: "O1", buyer: "P1", date: "2026-07-01", lines: [{ sku: "A", qty: 1, net: "19.90", points: "15" }, { sku: "B", qty: "2.0", points: "3", net: "5" }] };
    // The same lines with other raw text (key order, "2.0" vs 2, 15 vs "15"): the same normalized form.
    const b = { id: "O2", buyer: "P2", date: "2026-07-02", lines: [{ qty: "1", sku: "A", points: 15, net: "19.90" }, { sku: "B", qty: 2, net: "5", points: "3" }] };
    const c = { id: "O3", buyer: "P1", date: "2026-07-03", lines: [{ sku: "A", qty: 1, net: "19.90", points: "15" }] };
    const [oa, ob, oc] = [fastOrder(a, memo, false), fastOrder(b, memo, false), fastOrder(c, memo, false)];
    if (oa === null || ob === null || oc === null) throw new Error("valid orders not taken by the fast path");
    expect(ob.lines).toBe(oa.lines);
    expect(oc.lines).not.toBe(oa.lines);
    expect(oc.lines[0]).toBe(oa.lines[0]);
    expect(oa.lines).toEqual([
      { sku: "A", qty: "1", figures: { net: "19.9", points: "15" } },
      { sku: "B", qty: "2", figures: { net: "5", points: "3" } },
    ]);
    // A SKU that ends like another line's start cannot make two different lists one key.
    const d = fastOrder({ id: "O4", buyer: "P1", date: "2026-07-01", lines: [{ sku: "A1~B", qty: 1 }] }, memo, false);
    const e = fastOrder({ id: "O5", buyer: "P1", date: "2026-07-01", lines: [{ sku: "A", qty: 1 }, { sku: "B", qty: 1 }] }, memo, false);
    expect(d?.lines).toEqual([{ sku: "A1~B", qty: "1", figures: {} }]);
    expect(e?.lines).toEqual([{ sku: "A", qty: "1", figures: {} }, { sku: "B", qty: "1", figures: {} }]);
  });

  for (const name of ["small.data.json", "stage-speaker.data.json", "late-cancel.data.json"]) {
    it(`both engines on frozen shared lines give the unshared result: samples/${name}`, () => {
      const doc = sample(name);
      const shared = readAsJsonLines(doc);
      const plain = validateData(sample(name));
      if (!plain.ok) throw new Error("sample does not load");
      expect(shared).toEqual(plain.data);
      const distinct = new Set(shared.orders.map((o) => o.lines));
      expect(distinct.size).toBeLessThan(shared.orders.length);
      freezeLines(shared.orders);
      const ir = compilePlan(readFileSync(`${root}plans/vitalis-classic.plan`, "utf8")).ir as PlanIR;
      const through = shared.orders.map((o) => o.date.slice(0, 7)).sort().at(-1)!;
      for (const policy of ["simple", "previous-rank", "exact"] as Policy[]) {
        for (const splitMode of ["volume", "commission"] as const) {
          const options = { through, policy, splitMode };
          const expected = JSON.stringify(referenceEngine.runThrough(ir, plain.data, options));
          expect(JSON.stringify(referenceEngine.runThrough(ir, shared, options))).toBe(expected);
          expect(JSON.stringify(compiledEngine.runThrough(ir, shared, options))).toBe(expected);
        }
      }
    });
  }
});
