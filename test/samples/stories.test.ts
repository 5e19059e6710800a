/**
 * The stories samples/README.md tells about the hand-written sets, checked on the data itself
 * and, for the October figures the README quotes, on the reference runtime's October run.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import type { PeriodResult } from "../../core/result.ts";
import type { DataDocument, RawOrder } from "../../tools/samples/document.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const load = (name: string): DataDocument => JSON.parse(readFileSync(`${root}samples/${name}.data.json`, "utf8")) as DataDocument;

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY;
const plusDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);
const WITHDRAWAL_DAYS = 14;
const FAST_START_DAYS = 60;

/** October's final run date: the day after October, and no earlier than every delivery + 14 days. */
function octoberAsOf(doc: DataDocument): string {
  return doc.orders
    .filter((o) => o.date < "2026-11-01" && o.delivered !== null && o.delivered < "2026-11-01")
    .reduce((latest, o) => {
      const deadline = plusDays(o.delivered ?? o.date, WITHDRAWAL_DAYS);
      return deadline > latest ? deadline : latest;
    }, "2026-11-01");
}

function rootOf(doc: DataDocument, id: string): string {
  const sponsor = new Map(doc.partners.map((p) => [p.id, p.sponsor]));
  let current = id;
  for (let s = sponsor.get(current); s !== null && s !== undefined; s = sponsor.get(current)) current = s;
  return current;
}

function inSubtree(doc: DataDocument, id: string, top: string): boolean {
  const sponsor = new Map(doc.partners.map((p) => [p.id, p.sponsor]));
  for (let p: string | null | undefined = id; p !== null && p !== undefined; p = sponsor.get(p)) if (p === top) return true;
  return false;
}

const points = (o: RawOrder): number => o.lines.reduce((sum, l) => sum + l.qty * Number(l.points), 0);

function octoberRun(name: string): PeriodResult {
  const plan = compilePlan(readFileSync(`${root}plans/vitalis-classic.plan`, "utf8"));
  const data = validateData(load(name));
  if (!plan.ir || !data.ok) throw new Error(`${name}: plan or data invalid`);
  const outcome = runThrough(plan.ir, data.data, { through: "2026-10" });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  const october = outcome.result.periods[0];
  if (!october) throw new Error(`${name}: no October period`);
  return october;
}

describe("stage-speaker.data.json", () => {
  const doc = load("stage-speaker");
  const splitOf = new Map(doc.splits.map((s) => [s.member, s]));

  it("is small enough to follow: about 30 partners, October and November 2026 only", () => {
    expect(doc.partners.length).toBeGreaterThanOrEqual(25);
    expect(doc.partners.length).toBeLessThanOrEqual(35);
    const months = new Set([...doc.orders.map((o) => o.date), ...doc.cancellations.map((c) => c.date)].map((d) => d.slice(0, 7)));
    expect(months).toEqual(new Set(["2026-10", "2026-11"]));
  });

  it("has a stage speaker who recruited about ten partners and customers in October, most of them split", () => {
    const recruits = [
      ...doc.partners.filter((p) => p.sponsor === "SPK" && p.joined.startsWith("2026-10")).map((p) => p.id),
      ...doc.customers.filter((c) => c.partner === "SPK" && c.joined.startsWith("2026-10")).map((c) => c.id),
    ];
    expect(recruits.length).toBeGreaterThanOrEqual(10);
    const split = recruits.filter((id) => splitOf.has(id));
    expect(split.length / recruits.length).toBeGreaterThan(0.6);
    expect(split.length).toBeLessThan(recruits.length);
    expect(doc.splits.every((s) => recruits.includes(s.member))).toBe(true);
  });

  it("splits to supporters in two other teams, 50% or PV 50% / CV 30%", () => {
    const supporters = [...new Set(doc.splits.map((s) => s.supporter))];
    expect(supporters).toHaveLength(2);
    const teams = new Set(supporters.map((s) => rootOf(doc, s)));
    expect(teams.size).toBe(2);
    expect(teams.has(rootOf(doc, "SPK"))).toBe(false);
    const shapes = new Set(doc.splits.map((s) => JSON.stringify(s.share)));
    expect(shapes).toEqual(new Set(['"50%"', '{"PV":"50%","CV":"30%"}']));
  });

  it("has ordinary orders in both months", () => {
    const reorderers = (month: string) => new Set(doc.orders.filter((o) => o.date.startsWith(month) && o.lines[0]?.sku !== "STARTER-KIT").map((o) => o.buyer));
    expect(reorderers("2026-10").size).toBeGreaterThan(20);
    expect(reorderers("2026-11").size).toBeGreaterThan(20);
  });

  it("has late cancellations in November: a split member's whole order weeks later, a partial one, a fast-start buyer's", () => {
    const asOf = octoberAsOf(doc);
    const order = new Map(doc.orders.map((o) => [o.id, o]));
    const joined = new Map(doc.partners.map((p) => [p.id, p.joined]));
    for (const c of doc.cancellations) {
      expect(c.date > asOf).toBe(true);
      expect(order.get(c.order)?.date.startsWith("2026-10")).toBe(true);
    }
    const wholeOfSplitMember = doc.cancellations.filter((c) => {
      const o = order.get(c.order);
      return c.lines === undefined && o && splitOf.has(o.buyer) && daysBetween(o.delivered ?? o.date, c.date) >= 21;
    });
    expect(wholeOfSplitMember.length).toBeGreaterThanOrEqual(1);
    expect(doc.cancellations.some((c) => c.lines !== undefined)).toBe(true);
    const byFastStartBuyer = doc.cancellations.filter((c) => {
      const o = order.get(c.order);
      const j = o ? joined.get(o.buyer) : undefined;
      return o !== undefined && j !== undefined && daysBetween(j, o.date) <= FAST_START_DAYS;
    });
    expect(byFastStartBuyer.length).toBeGreaterThanOrEqual(1);
  });

  it("gives the October figures the README quotes (reference runtime)", () => {
    const october = octoberRun("stage-speaker");
    expect(october.asOf).toBe("2026-11-11");
    expect([october.ranks.SPK, october.volumes.SPK?.PV?.group]).toEqual(["Junior", "790"]);
    expect([october.ranks.B2, october.volumes.B2?.PV?.group]).toEqual(["Senior", "1012.5"]);
    expect(october.ranks.B1).toBe("Senior");
    expect([october.ranks.C3, october.volumes.C3?.PV?.group]).toEqual(["Junior", "397.5"]);
    expect(october.volumes.N2?.PV?.personal).toBe("145");
    // Without N5's starter kit (split 50% to B2, cancelled in November) B2 would have missed Senior.
    const n5Kit = doc.orders.find((o) => o.buyer === "N5" && o.date.startsWith("2026-10"));
    expect(1012.5 - points(n5Kit!) / 2).toBeLessThan(1000);
  });
});

describe("late-cancel.data.json", () => {
  const doc = load("late-cancel");
  const order = new Map(doc.orders.map((o) => [o.id, o]));
  const partner = new Map(doc.partners.map((p) => [p.id, p]));

  it("has only late cancellations, all after October's final run", () => {
    const asOf = octoberAsOf(doc);
    expect(doc.cancellations.length).toBeGreaterThanOrEqual(2);
    for (const c of doc.cancellations) {
      const o = order.get(c.order)!;
      expect(c.date > asOf).toBe(true);
      expect(c.date > plusDays(o.delivered!, WITHDRAWAL_DAYS)).toBe(true);
    }
  });

  it("cancels the order L's October Senior rank depends on (GV 1,000 points)", () => {
    const october = doc.orders.filter((o) => o.date.startsWith("2026-10") && inSubtree(doc, o.buyer, "L"));
    const gv = october.reduce((sum, o) => sum + points(o), 0);
    const cancelled = doc.cancellations.filter((c) => c.lines === undefined).map((c) => order.get(c.order)!);
    expect(gv).toBeGreaterThanOrEqual(1000);
    expect(cancelled.some((o) => inSubtree(doc, o.buyer, "L") && gv - points(o) < 1000)).toBe(true);
  });

  it("cancels a fast-start order after the 60-day window has closed", () => {
    const closed = doc.cancellations.filter((c) => {
      const o = order.get(c.order)!;
      const joined = partner.get(o.buyer)!.joined;
      return daysBetween(joined, o.date) <= FAST_START_DAYS && daysBetween(joined, c.date) > FAST_START_DAYS;
    });
    expect(closed.length).toBeGreaterThanOrEqual(1);
  });

  it("has an upline partner terminated before the cancellations", () => {
    const terminated = doc.partners.filter((p) => p.status === "terminated" && p.terminated !== undefined);
    expect(terminated).toHaveLength(1);
    const u = terminated[0]!;
    for (const c of doc.cancellations) {
      expect(u.terminated! < c.date).toBe(true);
      expect(inSubtree(doc, order.get(c.order)!.buyer, u.id)).toBe(true);
    }
  });

  it("gives the October figures the README quotes (reference runtime)", () => {
    const october = octoberRun("late-cancel");
    expect(october.asOf).toBe("2026-11-13");
    expect([october.ranks.L, october.volumes.L?.PV?.group]).toEqual(["Senior", "1170"]);
    const paidToU = october.ledger.filter((e) => e.recipient === "U").map((e) => `${e.order} ${e.bonus} ${e.amount}`);
    expect(paidToU).toEqual(expect.arrayContaining(["O7 Ebenenbonus 49.90", "O6 Ebenenbonus 8.70", "O6 Fast Start 8.70"]));
  });
});
