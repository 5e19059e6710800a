/** IdPositions (runtime/data/idPositions.ts) answers as a Map<string, number> does, whatever the ids. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdPositions } from "../../runtime/data/idPositions.ts";

/** Ids that take the table path, ids that look close to it, and ids that never do. */
const id = fc.oneof(
  // Small counters, so that `P1`, `P01`, `O1` and `1` meet in one run.
  fc.integer({ min: 0, max: 40 }).map((n) => `P${n}`),
  fc.integer({ min: 0, max: 40 }).map((n) => `O${n}`),
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.integer({ min: 0, max: 40 }).map((n) => `P0${n}`),
  fc.integer({ min: 0, max: 200_000 }).map((n) => `P${n}`),
  fc.integer({ min: 0, max: 2 ** 31 }).map((n) => `P${n}`),
  fc.constantFrom("P", "", "0", "00", "P-1", "1P", "P999999999", "P1000000000", "P1e3", "P\u00a01", "１２"),
  fc.tuple(fc.constantFrom("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "Q", "R", "S", "T"), fc.nat(50)).map(([p, n]) => `${p}${n}`),
  fc.string({ maxLength: 6 }),
);

type Step = { op: "set"; id: string; value: number } | { op: "delete"; id: string } | { op: "get"; id: string } | { op: "clear" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 40, arbitrary: fc.record({ op: fc.constant("set" as const), id, value: fc.nat(1_000_000) }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant("delete" as const), id }) },
  { weight: 20, arbitrary: fc.record({ op: fc.constant("get" as const), id }) },
  // Rare: a clear hides what came before it.
  { weight: 1, arbitrary: fc.constant({ op: "clear" as const }) },
);

describe("IdPositions", () => {
  it("gives the same answers, size and iteration order as a Map on random operations", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 300, size: "max" }), fc.array(id, { maxLength: 20 }), (steps, probes) => {
        const map = new Map<string, number>();
        const ids = new IdPositions();
        for (const s of steps) {
          switch (s.op) {
            case "set":
              map.set(s.id, s.value);
              ids.set(s.id, s.value);
              break;
            case "delete":
              expect(ids.delete(s.id)).toBe(map.delete(s.id));
              break;
            case "get":
              expect(ids.get(s.id)).toBe(map.get(s.id));
              break;
            case "clear":
              map.clear();
              ids.clear();
              break;
            default: {
              const never: never = s;
              throw new Error(String(never));
            }
          }
        }
        expect(ids.size).toBe(map.size);
        expect([...ids]).toEqual([...map]);
        expect([...ids.keys()]).toEqual([...map.keys()]);
        expect([...ids.values()]).toEqual([...map.values()]);
        const seen: [string, number][] = [];
        ids.forEach((v, k) => seen.push([k, v]));
        expect(seen).toEqual([...map.entries()]);
        for (const p of probes) {
          expect(ids.get(p)).toBe(map.get(p));
          expect(ids.has(p)).toBe(map.has(p));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps ids with a counter far beyond the number of ids, and many prefixes, out of the tables but findable", () => {
    const ids = new IdPositions();
    ids.set("P1", 0);
    ids.set("P900000000", 1);
    for (let k = 0; k < 40; k++) ids.set(`X${k}Y7`, 2 + k);
    ids.set("P2", 42);
    expect(ids.get("P900000000")).toBe(1);
    expect(ids.get("X39Y7")).toBe(41);
    expect(ids.get("P2")).toBe(42);
    expect(ids.get("P3")).toBeUndefined();
    expect(ids.size).toBe(43);
  });

  it("finds an id that went to the Map before its table grew to its counter", () => {
    const ids = new IdPositions();
    ids.set("P100000", 0); // beyond the table while the map is nearly empty: kept in the Map
    for (let k = 1; k <= 30_000; k++) ids.set(`P${k}`, k);
    expect(ids.get("P100000")).toBe(0);
    ids.set("P100000", 5);
    expect(ids.get("P100000")).toBe(5);
    expect(ids.size).toBe(30_001);
    expect([...ids.keys()][0]).toBe("P100000");
  });

  it("refuses a value that is not a position", () => {
    const ids = new IdPositions();
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 31]) expect(() => ids.set("P1", bad)).toThrow(RangeError);
  });
});
