/** The data browser's queries (playground/src/worker/records.ts) over the tiny sample. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateData } from "../../../runtime/data/validate.ts";
import { RecordBrowser } from "../../../playground/src/worker/records.ts";

const doc = JSON.parse(readFileSync(new URL("../../../samples/tiny.data.json", import.meta.url), "utf8"));
const validation = validateData(doc);
if (!validation.ok) throw new Error("tiny does not load");
const data = validation.data;

describe("the data browser's records", () => {
  it("pages a section in data order, each record as JSON with its ids", () => {
    const browser = new RecordBrowser(data);
    const page = browser.page("partners", "", 0, 3);
    expect([page.total, page.all, page.offset]).toEqual([12, 12, 0]);
    expect(page.rows.map((r) => [r.index, r.keys])).toEqual([[0, ["P1"]], [1, ["P2", "P1"]], [2, ["P3", "P1"]]]);
    expect(JSON.parse(page.rows[1]!.text)).toEqual(data.partners[1]);
    const later = browser.page("orders", "", 10, 5);
    expect(later.rows.map((r) => r.keys)).toEqual(data.orders.slice(10, 15).map((o) => [o.id, o.buyer]));
  });

  it("searches the ids case-insensitively (a partner's id and sponsor, an order's id and buyer)", () => {
    const browser = new RecordBrowser(data);
    const page = browser.page("partners", " p1", 0, 100);
    const expected = data.partners.map((p, i) => [i, p] as const).filter(([, p]) => p.id.toLowerCase().includes("p1") || (p.sponsor ?? "").toLowerCase().includes("p1"));
    expect(page.rows.map((r) => r.index)).toEqual(expected.map(([i]) => i));
    expect([page.total, page.all]).toEqual([expected.length, 12]);
    const orders = browser.page("orders", "P7", 0, 100);
    expect(orders.rows.every((r) => r.keys[1] === "P7" || r.keys[0]!.includes("P7"))).toBe(true);
    expect(orders.total).toBe(data.orders.filter((o) => o.buyer === "P7" || o.id.includes("P7")).length);
    expect(browser.page("cancellations", "", 0, 10)).toEqual({ section: "cancellations", total: 0, all: 0, offset: 0, rows: [] });
  });
});
