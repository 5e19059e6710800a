/**
 * The compiled runtime numbers partners in engine order (runtime/compiled/columnar.ts: the
 * sponsor forest depth first, each partner after its recruits), not in the Dataset's order. The
 * numbering must never show: results stay byte-identical to the reference whatever order the
 * Dataset lists its partners in, and the bottom-up credit order still puts contributors first.
 */
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../core/dataModel.ts";
import type { Policy } from "../../core/ir.ts";
import { columnarOf, engineOrder } from "../../runtime/compiled/columnar.ts";
import { compiledEngine, lastDelegations } from "../../runtime/compiled/engine.ts";
import { creditOrder } from "../../runtime/compiled/qualify.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { loadExample } from "../reference/harness.ts";

describe("engine order of the partners", () => {
  it("is the sponsor forest in post-order, top partners and recruits in document order, circles last", () => {
    // Positions: 0 and 1 top partners; 2, 5 recruits of 0; 4 a recruit of 2; 3 a recruit of 1; 6 and 7 sponsor each other.
    const sponsorPosition = Int32Array.from([-1, -1, 0, 1, 2, 0, 7, 6]);
    expect([...engineOrder(sponsorPosition)]).toEqual([4, 2, 5, 0, 3, 1, 6, 7]);
  });

  it("keeps ids, sponsors and string order consistent on a Dataset listed out of order", () => {
    const { data } = loadExample("e_partner_split");
    const shuffled: Dataset = { ...data, partners: [...data.partners].reverse() };
    const c = columnarOf(shuffled);
    expect(c.inconsistent).toBe(false);
    const ids = [...c.idOrder].map((p) => c.partnerIds[p]!);
    expect(ids).toEqual(shuffled.partners.map((p) => p.id).sort());
    for (let p = 0; p < c.partnerCount; p++) {
      const partner = shuffled.partners[c.positionOf[p]!]!;
      expect(c.partnerIds[p]).toBe(partner.id);
      expect(c.indexOf.get(partner.id)).toBe(p);
      // Post-order: a sponsor comes after every partner of its downline.
      const s = c.sponsor[p]!;
      expect(s < 0 ? null : c.partnerIds[s]).toBe(partner.sponsor);
      if (s >= 0) expect(s).toBeGreaterThan(p);
    }
  });

  it("gives the credit order 0, 1, 2, ... on a sponsor forest, and none on a circle", () => {
    const { data } = loadExample("a_seed_levels");
    const c = columnarOf({ ...data, partners: [...data.partners].reverse() });
    const n = c.partnerCount;
    const noMembers = new Int32Array(n + 1);
    expect([...creditOrder(c, noMembers, new Int32Array(0))!]).toEqual(Array.from({ length: n }, (_, p) => p));
    // A member supported by one of its own recruits closes a circle.
    const top = c.sponsor.findIndex((s) => s < 0);
    const recruit = c.childList[c.childStart[top]!]!;
    const memberStart = new Int32Array(n + 1);
    for (let p = recruit + 1; p <= n; p++) memberStart[p] = 1;
    expect(creditOrder(c, memberStart, Int32Array.from([top]))).toBeNull();
  });

  // Engine order differs from each of these listings (a top partner comes first in the file, last in engine order).
  const listings: [string, (d: Dataset) => Dataset][] = [
    ["as the file lists them", (d) => d],
    ["in reverse", (d) => ({ ...d, partners: [...d.partners].reverse() })],
    ["odd places first", (d) => ({ ...d, partners: [...d.partners.filter((_, i) => i % 2 === 1), ...d.partners.filter((_, i) => i % 2 === 0)] })],
  ];
  for (const example of ["e_partner_split", "f_late_cancel", "g_pool"]) {
    for (const policy of ["simple", "previous-rank", "exact"] as Policy[]) {
      for (const [how, list] of listings) {
        it(`gives ${example}'s reference result under ${policy} with the partners listed ${how}`, () => {
          const { ir, data } = loadExample(example);
          const listed = list(data);
          const through = "2026-11";
          const expected = referenceEngine.runThrough(ir, listed, { through, policy });
          const actual = compiledEngine.runThrough(ir, listed, { through, policy });
          expect(lastDelegations()).toEqual([]);
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        });
      }
    }
  }
});
